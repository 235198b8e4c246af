package httpapi

import (
	"encoding/json"
	"hash/fnv"
	"math/rand"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"time"

	"gosre/demo/internal/faults"
)

// Work is the load generator's target: a little CPU and a few thousand small allocations, so
// GC pressure (assists, STW pauses) shows up in its latency as it would in a real handler.
// It fans out to a few goroutines that merge into one mutex-guarded index, a common
// scatter-gather shape; their contention keeps the mutex and block profiles non-empty.
// Before that it runs the request-path side of the faults (faults.InRequest: a shared mutex,
// blocking syscalls while those faults are on) and calls its downstream once, so the lock,
// syscall and network faults act inside real requests.
type Work struct {
	Units      int         // records built, indexed and sorted per request; sets the cost (~1-5 ms by default)
	Downstream *Downstream // called once per request when set
}

const workShards = 4

type record struct {
	id    int
	key   string
	attrs map[string]int
}

func (h Work) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := faults.InRequest(r.Context()); err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": err.Error()})
		return
	}
	if h.Downstream != nil {
		if err := h.Downstream.Call(r.Context()); err != nil {
			writeJSON(w, http.StatusBadGateway, map[string]string{"error": err.Error()})
			return
		}
	}
	units := h.Units
	if units < workShards {
		units = workShards
	}
	var (
		mu    sync.Mutex
		index = make(map[string]*record, units)
		wg    sync.WaitGroup
		seed  = time.Now().UnixNano()
	)
	for s := 0; s < workShards; s++ {
		wg.Add(1)
		go func(s int) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(seed + int64(s)))
			local := make([]*record, units/workShards)
			for i := range local {
				local[i] = &record{id: rng.Int(), key: strconv.Itoa(rng.Int()), attrs: map[string]int{"shard": s}}
			}
			mu.Lock()
			for _, rec := range local {
				index[rec.key] = rec
			}
			mu.Unlock()
		}(s)
	}
	wg.Wait()

	recs := make([]*record, 0, len(index))
	for _, rec := range index {
		recs = append(recs, rec)
	}
	sort.Slice(recs, func(i, j int) bool { return recs[i].key < recs[j].key })
	hash := fnv.New64a()
	for round := 0; round < 8; round++ {
		for _, rec := range recs {
			hash.Write([]byte(rec.key))
		}
	}
	writeJSON(w, http.StatusOK, map[string]interface{}{"units": len(recs), "digest": hash.Sum64()})
}

// Slow answers after a fixed delay plus a little work: a second route with a different
// latency profile, so per-route grouping has something to separate.
type Slow struct {
	Delay time.Duration
	Work  Work
}

func (h Slow) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	select {
	case <-time.After(h.Delay):
	case <-r.Context().Done():
		return
	}
	h.Work.ServeHTTP(w, r)
}

func writeJSON(w http.ResponseWriter, code int, v interface{}) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v) // the client went away; nothing useful to do
}
