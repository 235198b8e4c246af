// Command loadgen sends requests at a constant rate (open loop: the schedule does not wait for
// responses, so slow responses show up as latency, not as less load) with a cap on requests in
// flight, so a stalled service costs dropped requests instead of unbounded goroutines.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

func main() {
	target := flag.String("target", "http://127.0.0.1:18080", "base URL of the demo service")
	path := flag.String("path", "/api/work", "request path")
	rps := flag.Float64("rps", 50, "requests per second")
	duration := flag.Duration("duration", 0, "stop after this long; 0 runs until SIGTERM/SIGINT")
	maxInflight := flag.Int("max-inflight", 64, "requests in flight at most; beyond it scheduled requests are dropped")
	timeout := flag.Duration("timeout", 10*time.Second, "per-request timeout")
	report := flag.Duration("report", 10*time.Second, "interval of the stderr progress line; 0 disables it")
	flag.Parse()

	logger := log.New(os.Stderr, "loadgen ", log.LstdFlags|log.LUTC|log.Lmicroseconds)
	if *rps <= 0 || *maxInflight <= 0 {
		logger.Fatalf("event=bad_flags rps=%g max_inflight=%d: both must be > 0", *rps, *maxInflight)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	if *duration > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *duration)
		defer cancel()
	}

	client := &http.Client{
		Timeout:   *timeout,
		Transport: &http.Transport{MaxIdleConnsPerHost: *maxInflight, MaxConnsPerHost: *maxInflight},
	}
	url := *target + *path
	var sent, ok, failed, dropped atomic.Int64
	sem := make(chan struct{}, *maxInflight)
	var wg sync.WaitGroup

	if *report > 0 {
		go func() {
			t := time.NewTicker(*report)
			defer t.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					logger.Printf("event=progress sent=%d ok=%d failed=%d dropped=%d inflight=%d",
						sent.Load(), ok.Load(), failed.Load(), dropped.Load(), len(sem))
				}
			}
		}()
	}
	logger.Printf("event=start url=%s rps=%g max_inflight=%d duration=%s", url, *rps, *maxInflight, *duration)

	// Requests are due at start + i/rps; computing each deadline from the start (not from the
	// previous send) keeps the long-run rate exact despite timer jitter.
	interval := time.Duration(float64(time.Second) / *rps)
	begin := time.Now()
	timer := time.NewTimer(0)
	defer timer.Stop()
	for i := int64(0); ; i++ {
		due := begin.Add(time.Duration(i) * interval)
		timer.Reset(time.Until(due))
		select {
		case <-ctx.Done():
			wg.Wait()
			logger.Printf("event=stop sent=%d ok=%d failed=%d dropped=%d", sent.Load(), ok.Load(), failed.Load(), dropped.Load())
			return
		case <-timer.C:
		}
		select {
		case sem <- struct{}{}:
		default:
			dropped.Add(1)
			continue
		}
		sent.Add(1)
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := do(ctx, client, url); err == nil {
				ok.Add(1)
			} else if n := failed.Add(1); ctx.Err() == nil && (n <= 5 || n%100 == 0) {
				// The first failures say why; later ones only every 100th, to keep logs small.
				logger.Printf("event=request_failed n=%d err=%q", n, err)
			}
		}()
	}
}

// do sends one GET and drains the body so the connection is reused.
func do(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode >= 400 {
		return fmt.Errorf("status %s", resp.Status)
	}
	return nil
}
