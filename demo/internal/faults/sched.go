package faults

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// sched: scheduler latency. More CPU-bound goroutines than GOMAXPROCS keep every P's run queue
// full, so a goroutine made runnable (a request read off the network, a handler's fan-out
// workers) waits for the spinners' time slices before it runs: go_sched_latencies_seconds rises
// and so does request latency. The spinners neither allocate nor block, so GC and threads stay
// as they were; process CPU goes to GOMAXPROCS cores.
func init() {
	register(Fault{
		Name:        "sched",
		Description: "scheduler latency: CPU-bound goroutines outnumber GOMAXPROCS so runnable goroutines queue",
		Params: []Param{
			{Name: "goroutines", Default: "0", Help: "CPU-bound goroutines; 0 = 4 x GOMAXPROCS (max 1024)"},
			{Name: "burst", Default: "1ms", Help: "each goroutine spins this long, then yields with runtime.Gosched(); 0s spins until the runtime preempts it every 10 ms, a much larger spike (max 1s)"},
		},
		Start: startSched,
	})
}

// schedSink keeps the spin loop's result observable so the compiler cannot drop the loop.
var schedSink atomic.Uint64

func startSched(p Params) (func(context.Context), error) {
	n, err := p.Int("goroutines", 0, 1024)
	if err != nil {
		return nil, err
	}
	burst, err := p.Duration("burst", 0, time.Second)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) {
		if n == 0 {
			n = 4 * runtime.GOMAXPROCS(0)
		}
		var stop atomic.Bool
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			wg.Add(1)
			go func(seed uint64) {
				defer wg.Done()
				schedSpin(&stop, seed, burst)
			}(uint64(i) + 1)
		}
		<-ctx.Done()
		stop.Store(true)
		wg.Wait()
	}, nil
}

// schedSpin burns CPU until stop is set; Go's asynchronous preemption (every 10 ms) is what
// shares the Ps between the spinners and everything else.
//
//go:noinline
func schedSpin(stop *atomic.Bool, x uint64, burst time.Duration) {
	var begin time.Time
	if burst > 0 {
		begin = time.Now()
	}
	for i := 0; ; i++ {
		// xorshift: cheap, no memory traffic, not optimisable away
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		if i&0xfff == 0 {
			if stop.Load() {
				schedSink.Add(x)
				return
			}
			if burst > 0 && time.Since(begin) >= burst {
				runtime.Gosched()
				begin = time.Now()
			}
		}
	}
}
