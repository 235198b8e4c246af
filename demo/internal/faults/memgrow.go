package faults

import (
	"context"
	"runtime/debug"
	"time"
)

// memgrow: memory growth (a leak) at a steady rate until switched off, for the OOM forecast.
// Without GOMEMLIMIT the heap goal keeps rising with the leak, so the kernel's cgroup limit is
// what eventually stops it, as in production.
func init() {
	register(Fault{
		Name:        "memgrow",
		Description: "memory growth: retain rate_mib_s MiB every second until off; off releases it",
		Params: []Param{
			{Name: "rate_mib_s", Default: "4", Help: "MiB retained per second"},
			{Name: "max_mib", Default: "0", Help: "stop growing once this much is retained; 0 = no cap"},
		},
		Start: startMemgrow,
	})
}

const memgrowTick = 100 * time.Millisecond

func startMemgrow(p Params) (func(context.Context), error) {
	rate, err := p.Float("rate_mib_s", 0.01, 1024)
	if err != nil {
		return nil, err
	}
	maxMiB, err := p.Float("max_mib", 0, 1<<20)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) {
		var held [][]byte
		var total, owed float64 // bytes; owed carries fractions between ticks
		perTick := rate * (1 << 20) * memgrowTick.Seconds()
		t := time.NewTicker(memgrowTick)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				// held is dead from here on. Collect and return pages to the OS so the working set visibly drops on "off".
				debug.FreeOSMemory()
				return
			case <-t.C:
				owed += perTick
				if maxMiB > 0 && total+owed > maxMiB*(1<<20) {
					owed = maxMiB*(1<<20) - total
				}
				if owed < 4096 {
					continue
				}
				b := make([]byte, int(owed))
				// Touch every page: untouched pages are not resident and would not count
				// against the cgroup.
				for i := 0; i < len(b); i += 4096 {
					b[i] = 1
				}
				held = append(held, b)
				total += owed
				owed = 0
			}
		}
	}, nil
}
