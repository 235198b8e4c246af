package httpapi

import (
	"math"
	"net/http"
	"runtime"
	"time"
)

// Stability serves the white paper's /debug/stability health snapshot.
type Stability struct {
	Start time.Time
}

type snapshot struct {
	Timestamp     string  `json:"timestamp"`
	Goroutines    int     `json:"goroutines"`
	HeapAllocMB   float64 `json:"heap_alloc_mb"`
	GCNextMB      float64 `json:"gc_next_mb"`
	GoVersion     string  `json:"go_version"`
	UptimeSeconds float64 `json:"uptime_seconds"`
}

func (s Stability) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	now := time.Now()
	writeJSON(w, http.StatusOK, snapshot{
		Timestamp:     now.UTC().Format(time.RFC3339),
		Goroutines:    runtime.NumGoroutine(),
		HeapAllocMB:   round2(float64(ms.HeapAlloc) / (1 << 20)),
		GCNextMB:      round2(float64(ms.NextGC) / (1 << 20)),
		GoVersion:     runtime.Version(),
		UptimeSeconds: round2(now.Sub(s.Start).Seconds()),
	})
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
