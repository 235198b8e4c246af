package httpapi

import (
	"bytes"
	"log"
	"net/http"

	"gosre/demo/internal/collect"
	"gosre/demo/internal/promtext"
)

// Metrics serves the text exposition; every scrape runs every collector afresh. The body is
// rendered into a buffer first so a failure yields a 500 instead of a truncated scrape.
type Metrics struct {
	Collectors []collect.Collector
	Log        *log.Logger
}

func (m Metrics) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	pw := promtext.NewWriter(&buf)
	for _, c := range m.Collectors {
		c.Collect(pw)
	}
	if err := pw.Flush(); err != nil {
		m.Log.Printf("event=metrics_error err=%q", err)
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", promtext.ContentType)
	_, _ = w.Write(buf.Bytes())
}
