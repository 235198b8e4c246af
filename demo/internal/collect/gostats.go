package collect

import (
	"runtime"
	"runtime/debug"
	"time"

	"gosre/demo/internal/promtext"
)

// GoStats writes client_golang's default Go collector families (go_goroutines, go_threads,
// go_info, go_gc_duration_seconds, go_memstats_*). ReadMemStats stops the world briefly; at one
// scrape per second that is what client_golang's pre-1.17 collector did too.
type GoStats struct{}

// Collect implements Collector.
func (GoStats) Collect(w *promtext.Writer) {
	w.Single("go_goroutines", "Number of goroutines that currently exist.", promtext.Gauge, float64(runtime.NumGoroutine()))
	threads, _ := runtime.ThreadCreateProfile(nil)
	w.Single("go_threads", "Number of OS threads created.", promtext.Gauge, float64(threads))

	w.Header("go_info", "Information about the Go environment.", promtext.Gauge)
	w.Sample("go_info", []promtext.Label{{Name: "version", Value: runtime.Version()}}, 1)

	writeGCSummary(w)

	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	writeMemStats(w, &ms)
}

// writeGCSummary mirrors client_golang: quantiles 0, .25, .5, .75, 1 of the recent pauses that
// debug.ReadGCStats keeps, with the all-time pause total and GC count as _sum and _count.
func writeGCSummary(w *promtext.Writer) {
	stats := debug.GCStats{PauseQuantiles: make([]time.Duration, 5)}
	debug.ReadGCStats(&stats)
	const name = "go_gc_duration_seconds"
	w.Header(name, "A summary of the pause duration of garbage collection cycles.", promtext.Summary)
	qs := []string{"0", "0.25", "0.5", "0.75", "1"}
	for i, q := range qs {
		w.Sample(name, []promtext.Label{{Name: "quantile", Value: q}}, stats.PauseQuantiles[i].Seconds())
	}
	w.Sample(name+"_sum", nil, stats.PauseTotal.Seconds())
	w.Sample(name+"_count", nil, float64(stats.NumGC))
}

type memStat struct {
	name, help, typ string
	value           func(*runtime.MemStats) float64
}

// memStats lists client_golang's go_memstats_* families with its help texts.
var memStats = []memStat{
	{"go_memstats_alloc_bytes", "Number of bytes allocated and still in use.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.Alloc) }},
	{"go_memstats_alloc_bytes_total", "Total number of bytes allocated, even if freed.", promtext.Counter, func(m *runtime.MemStats) float64 { return float64(m.TotalAlloc) }},
	{"go_memstats_sys_bytes", "Number of bytes obtained from system.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.Sys) }},
	{"go_memstats_lookups_total", "Total number of pointer lookups.", promtext.Counter, func(m *runtime.MemStats) float64 { return float64(m.Lookups) }},
	{"go_memstats_mallocs_total", "Total number of mallocs.", promtext.Counter, func(m *runtime.MemStats) float64 { return float64(m.Mallocs) }},
	{"go_memstats_frees_total", "Total number of frees.", promtext.Counter, func(m *runtime.MemStats) float64 { return float64(m.Frees) }},
	{"go_memstats_heap_alloc_bytes", "Number of heap bytes allocated and still in use.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.HeapAlloc) }},
	{"go_memstats_heap_sys_bytes", "Number of heap bytes obtained from system.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.HeapSys) }},
	{"go_memstats_heap_idle_bytes", "Number of heap bytes waiting to be used.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.HeapIdle) }},
	{"go_memstats_heap_inuse_bytes", "Number of heap bytes that are in use.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.HeapInuse) }},
	{"go_memstats_heap_released_bytes", "Number of heap bytes released to OS.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.HeapReleased) }},
	{"go_memstats_heap_objects", "Number of allocated objects.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.HeapObjects) }},
	{"go_memstats_stack_inuse_bytes", "Number of bytes in use by the stack allocator.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.StackInuse) }},
	{"go_memstats_stack_sys_bytes", "Number of bytes obtained from system for stack allocator.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.StackSys) }},
	{"go_memstats_mspan_inuse_bytes", "Number of bytes in use by mspan structures.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.MSpanInuse) }},
	{"go_memstats_mspan_sys_bytes", "Number of bytes used for mspan structures obtained from system.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.MSpanSys) }},
	{"go_memstats_mcache_inuse_bytes", "Number of bytes in use by mcache structures.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.MCacheInuse) }},
	{"go_memstats_mcache_sys_bytes", "Number of bytes used for mcache structures obtained from system.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.MCacheSys) }},
	{"go_memstats_buck_hash_sys_bytes", "Number of bytes used by the profiling bucket hash table.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.BuckHashSys) }},
	{"go_memstats_gc_sys_bytes", "Number of bytes used for garbage collection system metadata.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.GCSys) }},
	{"go_memstats_other_sys_bytes", "Number of bytes used for other system allocations.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.OtherSys) }},
	{"go_memstats_next_gc_bytes", "Number of heap bytes when next garbage collection will take place.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.NextGC) }},
	{"go_memstats_last_gc_time_seconds", "Number of seconds since 1970 of last garbage collection.", promtext.Gauge, func(m *runtime.MemStats) float64 { return float64(m.LastGC) / 1e9 }},
	{"go_memstats_gc_cpu_fraction", "The fraction of this program's available CPU time used by the GC since the program started.", promtext.Gauge, func(m *runtime.MemStats) float64 { return m.GCCPUFraction }},
}

func writeMemStats(w *promtext.Writer, ms *runtime.MemStats) {
	for _, s := range memStats {
		w.Single(s.name, s.help, s.typ, s.value(ms))
	}
}
