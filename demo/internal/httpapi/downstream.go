package httpapi

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

	"gosre/demo/internal/promtext"
)

// NewClientDuration builds http_client_request_duration_seconds{code,host,method} with the
// server histogram's buckets, so server and client latency can be compared bucket by bucket.
func NewClientDuration() *promtext.HistogramVec {
	return promtext.NewHistogramVec("http_client_request_duration_seconds",
		"Duration of HTTP client requests.", RequestDurationBuckets, "code", "host", "method")
}

// Downstream is the demo's dependency: /api/work calls it once per request.
type Downstream struct {
	URL    string                 // e.g. http://127.0.0.1:PORT/downstream
	Host   string                 // the "host" label, a logical name ("downstream"), never an address
	Client *http.Client           // keep-alive client; see NewDownstreamClient
	Hist   *promtext.HistogramVec // from NewClientDuration
}

// NewDownstreamClient is a keep-alive client sized for the load generator's concurrency; the
// timeout bounds a call even when the network fault's delay is at its maximum.
func NewDownstreamClient() *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        128,
			MaxIdleConnsPerHost: 128,
			IdleConnTimeout:     90 * time.Second,
			DisableCompression:  true,
		},
	}
}

// Call does one GET and reads the body to the end so the connection is reused. Like
// client_golang's InstrumentRoundTripperDuration it observes calls that got a response,
// whatever its status; transport errors are returned, not observed.
func (d *Downstream) Call(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, d.URL, nil)
	if err != nil {
		return err
	}
	start := time.Now()
	resp, err := d.Client.Do(req)
	if err != nil {
		return err
	}
	_, err = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	d.Hist.Observe(time.Since(start).Seconds(), strconv.Itoa(resp.StatusCode), d.Host, http.MethodGet) // code, host, method
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("downstream: %s", resp.Status)
	}
	return nil
}
