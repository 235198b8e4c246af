package faults

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// lock: lock contention in the request path. Every request takes sharedMu briefly (it stands
// for a shared cache or connection-pool lock a real handler touches). While the fault is on, a
// background goroutine holds that lock for hold every interval, and each request may also hold
// it for request_hold, so requests queue behind the holder and behind each other.
//
// Go 1.19 has no runtime metric for mutex wait time (/sync/mutex/wait/total:seconds is Go
// 1.20+), so the only signals are the latency itself and the mutex profile
// (/debug/pprof/mutex), which charges the wait to the holder's Unlock call site: lockHolder
// for the background holder, lockRequestPath for handlers holding it for each other.
func init() {
	register(Fault{
		Name:        "lock",
		Description: "lock contention: a background goroutine holds the mutex every request takes, for hold every interval",
		Params: []Param{
			{Name: "hold", Default: "60ms", Help: "how long the background goroutine holds the request-path mutex each time (max 1s)"},
			{Name: "interval", Default: "100ms", Help: "period of the background holder, measured from one acquire to the next; >= hold (max 10s)"},
			{Name: "request_hold", Default: "0s", Help: "extra time each request holds the same mutex while on, so handlers also contend with each other (max 50ms)"},
		},
		Start: startLock,
	})
	registerRequestHook(lockRequestPath)
}

// sharedMu is the request-path mutex. sharedCount is what it guards: a counter standing for
// a shared structure, so the critical section is not empty.
var (
	sharedMu    sync.Mutex
	sharedCount uint64
	// lockRequestHold is request_hold in ns while the fault is on, else 0.
	lockRequestHold atomic.Int64
)

func lockRequestPath(ctx context.Context) error {
	hold := time.Duration(lockRequestHold.Load())
	sharedMu.Lock()
	sharedCount++
	if hold > 0 {
		time.Sleep(hold) // sleeping, not spinning: the fault must not also look like CPU saturation
	}
	sharedMu.Unlock()
	return ctx.Err()
}

func startLock(p Params) (func(context.Context), error) {
	hold, err := p.Duration("hold", 0, time.Second)
	if err != nil {
		return nil, err
	}
	interval, err := p.Duration("interval", time.Millisecond, 10*time.Second)
	if err != nil {
		return nil, err
	}
	if interval < hold {
		interval = hold // back to back: the mutex is free only between Unlock and the next Lock
	}
	reqHold, err := p.Duration("request_hold", 0, 50*time.Millisecond)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) {
		lockRequestHold.Store(int64(reqHold))
		defer lockRequestHold.Store(0)
		if hold == 0 {
			<-ctx.Done()
			return
		}
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			lockHolder(hold)
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}, nil
}

// lockHolder is its own function so the mutex profile names it as the contended holder.
//
//go:noinline
func lockHolder(hold time.Duration) {
	sharedMu.Lock()
	sharedCount++
	time.Sleep(hold)
	sharedMu.Unlock()
}
