// Package httpapi holds the demo's HTTP handlers: API endpoints, the latency middleware,
// /metrics, /debug/stability and the fault control API.
package httpapi

import (
	"net/http"
	"strconv"
	"time"

	"gosre/demo/internal/promtext"
)

// RequestDurationBuckets are client_golang's DefBuckets, what most Go services use.
var RequestDurationBuckets = []float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// NewRequestDuration builds http_server_request_duration_seconds{method,route,code}.
func NewRequestDuration() *promtext.HistogramVec {
	return promtext.NewHistogramVec("http_server_request_duration_seconds",
		"Duration of HTTP server requests.", RequestDurationBuckets, "code", "method", "route")
}

// Instrument times h into hist under route: the registered pattern, never the raw URL, so
// series cardinality stays bounded whatever clients send.
func Instrument(hist *promtext.HistogramVec, route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		hist.Observe(time.Since(start).Seconds(), strconv.Itoa(sw.code), r.Method, route)
	})
}

// statusWriter remembers the status code; the first WriteHeader wins, as in net/http.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
}

func (s *statusWriter) WriteHeader(code int) {
	if !s.wrote {
		s.code, s.wrote = code, true
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	s.wrote = true
	return s.ResponseWriter.Write(b)
}
