package faults

import (
	"context"
	"runtime"
	"time"
)

// gc: GC pressure. A pointer-dense live heap makes every cycle's mark phase expensive, worker
// goroutines allocate garbage flat out (so request goroutines are drafted into mark assists),
// and a loop forces back-to-back cycles. Request latency rises through STW pauses, assists,
// write barriers and the CPU the collector takes from two cores.
func init() {
	register(Fault{
		Name:        "gc",
		Description: "GC pressure: live pointer-dense heap, garbage allocation storm and forced runtime.GC() loop",
		Params: []Param{
			{Name: "live_mib", Default: "32", Help: "pointer-dense heap kept live while on, so each cycle has real marking work (32 MiB peaks near 150 MiB in use: mind the 256 MiB stack limit)"},
			{Name: "alloc_workers", Default: "1", Help: "goroutines allocating short-lived garbage flat out"},
			{Name: "gc_interval", Default: "0s", Help: "pause between forced runtime.GC() calls; 0s runs them back to back"},
		},
		Start: startGC,
	})
}

// node is 64 bytes with pointers, so the marker must trace every one.
type node struct {
	next, other *node
	pad         [6]uint64
}

func startGC(p Params) (func(context.Context), error) {
	liveMiB, err := p.Int("live_mib", 0, 4096)
	if err != nil {
		return nil, err
	}
	workers, err := p.Int("alloc_workers", 0, 64)
	if err != nil {
		return nil, err
	}
	interval, err := p.Duration("gc_interval", 0, time.Minute)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) {
		live := buildLiveHeap(liveMiB)
		done := make(chan struct{})
		for i := 0; i < workers; i++ {
			go func(slot int) {
				defer func() { done <- struct{}{} }()
				allocGarbage(ctx, slot)
			}(i)
		}
		forceGC(ctx, interval)
		for i := 0; i < workers; i++ {
			<-done
		}
		runtime.KeepAlive(live)
		runtime.GC() // the live heap is dead now: free it now rather than at the next natural cycle
	}, nil
}

// buildLiveHeap links n MiB of nodes, each also pointing at an earlier one, so marking chases
// pointers across the heap instead of streaming.
func buildLiveHeap(mib int) []*node {
	n := mib << 20 / 64
	nodes := make([]*node, n)
	for i := range nodes {
		nodes[i] = &node{}
		if i > 0 {
			nodes[i].next = nodes[i-1]
			nodes[i].other = nodes[(i*7919)%i]
		}
	}
	return nodes
}

// sinks makes each worker's objects escape to the heap (the compiler would otherwise put them
// on the stack); one slot per worker, so workers never write the same memory.
var sinks [64]interface{}

// allocGarbage allocates small short-lived objects until ctx is done.
func allocGarbage(ctx context.Context, slot int) {
	for i := 0; ; i++ {
		if i%1024 == 0 && ctx.Err() != nil {
			sinks[slot] = nil
			return
		}
		b := make([]*node, 16)
		b[0] = &node{}
		sinks[slot] = b
	}
}

func forceGC(ctx context.Context, interval time.Duration) {
	for ctx.Err() == nil {
		runtime.GC()
		if interval > 0 {
			select {
			case <-ctx.Done():
			case <-time.After(interval):
			}
		}
	}
}
