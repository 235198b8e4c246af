package httpapi

import (
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"gosre/demo/internal/faults"
	"gosre/demo/internal/promtext"
)

func TestInstrumentUsesRoutePatternAndCode(t *testing.T) {
	hist := NewRequestDuration()
	h := Instrument(hist, "/api/item", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/api/item/12345?x=1", nil))
	var b strings.Builder
	w := promtext.NewWriter(&b)
	hist.Collect(w)
	_ = w.Flush()
	want := `http_server_request_duration_seconds_count{code="418",method="GET",route="/api/item"} 1`
	if !strings.Contains(b.String(), want) {
		t.Fatalf("missing %q in\n%s", want, b.String())
	}
}

func TestControlAPI(t *testing.T) {
	c := Control{Faults: faults.NewRegistry(log.New(io.Discard, "", 0))}
	for _, tc := range []struct {
		method, path string
		code         int
		body         string
	}{
		{"GET", "/control/faults", 200, `"name": "memgrow"`},
		{"POST", "/control/faults", 405, "use GET"},
		{"GET", "/control/faults/memgrow/on", 405, "use POST"},
		{"POST", "/control/faults/nope/on", 404, "unknown fault"},
		{"POST", "/control/faults/memgrow/on?rate_mib_s=abc", 400, "rate_mib_s"},
		{"POST", "/control/faults/memgrow/on?rate_mib_s=0.5&duration=1m", 200, `"active": true`},
		{"GET", "/control/faults/memgrow", 200, `"rate_mib_s": "0.5"`},
		{"POST", "/control/faults/memgrow/off", 200, `"active": false`},
	} {
		rec := httptest.NewRecorder()
		c.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.code || !strings.Contains(rec.Body.String(), tc.body) {
			t.Errorf("%s %s: %d %s", tc.method, tc.path, rec.Code, rec.Body.String())
		}
	}
}

func TestWorkCallsDownstreamAndObservesIt(t *testing.T) {
	ds := httptest.NewServer(faults.DownstreamHandler())
	defer ds.Close()
	hist := NewClientDuration()
	work := Work{Units: 40, Downstream: &Downstream{URL: ds.URL + "/downstream", Host: "downstream", Client: NewDownstreamClient(), Hist: hist}}
	rec := httptest.NewRecorder()
	work.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/work", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("work: %d %s", rec.Code, rec.Body.String())
	}
	var b strings.Builder
	w := promtext.NewWriter(&b)
	hist.Collect(w)
	_ = w.Flush()
	for _, want := range []string{
		`http_client_request_duration_seconds_count{code="200",host="downstream",method="GET"} 1`,
		`http_client_request_duration_seconds_bucket{code="200",host="downstream",method="GET",le="0.005"}`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("missing %q in\n%s", want, b.String())
		}
	}

	// A dead downstream fails the request with 502 and is not observed (as client_golang).
	ds.Close()
	rec = httptest.NewRecorder()
	work.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/work", nil))
	if rec.Code != http.StatusBadGateway {
		t.Fatalf("dead downstream: %d", rec.Code)
	}
}
