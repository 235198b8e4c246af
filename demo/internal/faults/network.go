package faults

import (
	"context"
	"math/rand"
	"net/http"
	"sync/atomic"
	"time"
)

// network: a slow downstream. /api/work always calls a downstream service (a second loopback
// listener inside the demo, serving DownstreamHandler) through an instrumented HTTP client;
// while the fault is on that downstream answers after delay (+ up to jitter), for a fraction of
// calls. The server-side latency rises by the same amount and
// http_client_request_duration_seconds shows where it went; the Go runtime signals stay flat.
func init() {
	register(Fault{
		Name:        "network",
		Description: "slow downstream: the downstream that /api/work calls answers after delay (+ jitter) for a fraction of calls",
		Params: []Param{
			{Name: "delay", Default: "50ms", Help: "added latency of a slowed downstream call (max 5s)"},
			{Name: "jitter", Default: "20ms", Help: "uniform random extra latency on top of delay, in [0, jitter) (max 5s)"},
			{Name: "fraction", Default: "1", Help: "share of downstream calls slowed, 0-1"},
		},
		Start: startNetwork,
	})
}

type networkConfig struct {
	delay, jitter time.Duration
	fraction      float64
}

var networkCfg atomic.Pointer[networkConfig]

func startNetwork(p Params) (func(context.Context), error) {
	delay, err := p.Duration("delay", 0, 5*time.Second)
	if err != nil {
		return nil, err
	}
	jitter, err := p.Duration("jitter", 0, 5*time.Second)
	if err != nil {
		return nil, err
	}
	fraction, err := p.Float("fraction", 0, 1)
	if err != nil {
		return nil, err
	}
	cfg := &networkConfig{delay: delay, jitter: jitter, fraction: fraction}
	return func(ctx context.Context) {
		networkCfg.Store(cfg)
		<-ctx.Done()
		// Calls already waiting keep their delay (at most delay + jitter); new ones are fast.
		networkCfg.CompareAndSwap(cfg, nil)
	}, nil
}

// downstreamDelay is the injected latency of one downstream call (0 while the fault is off).
func downstreamDelay() time.Duration {
	cfg := networkCfg.Load()
	if cfg == nil || cfg.fraction <= 0 || (cfg.fraction < 1 && rand.Float64() >= cfg.fraction) {
		return 0
	}
	d := cfg.delay
	if cfg.jitter > 0 {
		d += time.Duration(rand.Int63n(int64(cfg.jitter)))
	}
	return d
}

// DownstreamHandler is the downstream service /api/work depends on: a small JSON answer, at
// once while the network fault is off, after the injected delay while it is on. The wait ends
// early if the caller gives up, so a cancelled client leaves nothing behind.
func DownstreamHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d := downstreamDelay(); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}` + "\n"))
	})
}
