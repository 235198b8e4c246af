package collect

import (
	"math"
	"runtime/metrics"

	"gosre/demo/internal/promtext"
)

// RuntimeHistograms exports runtime/metrics histograms the way client_golang does with
// collectors.WithGoCollectorRuntimeMetrics (go_sched_latencies_seconds, go_gc_pauses_seconds):
// the runtime's ~700 fine buckets are merged onto a coarse exponential grid, upper bounds are
// nudged one float64 down (runtime bounds are exclusive, Prometheus "le" is inclusive), and +Inf
// is kept.
type RuntimeHistograms struct {
	hists   []runtimeHist
	samples []metrics.Sample
}

type runtimeHist struct {
	runtimeName, promName, help string
	merged                      []float64 // merged runtime boundaries, -Inf/+Inf included as the runtime gives them
}

// NewRuntimeHistograms builds the exporter. base is the re-bucketing factor (client_golang uses
// 10 for seconds); bounds above maxLe are folded into +Inf (client_golang uses 1 s).
func NewRuntimeHistograms(base, maxLe float64) *RuntimeHistograms {
	defs := []runtimeHist{
		{runtimeName: "/sched/latencies:seconds", promName: "go_sched_latencies_seconds",
			help: "Distribution of the time goroutines have spent in the scheduler in a runnable state before actually running."},
		{runtimeName: "/gc/pauses:seconds", promName: "go_gc_pauses_seconds",
			help: "Distribution individual GC-related stop-the-world pause latencies."},
	}
	r := &RuntimeHistograms{}
	// Bucket boundaries are fixed for the life of the process, so merge them once.
	probe := make([]metrics.Sample, len(defs))
	for i := range defs {
		probe[i].Name = defs[i].runtimeName
	}
	metrics.Read(probe)
	for i, d := range defs {
		if probe[i].Value.Kind() != metrics.KindFloat64Histogram {
			continue // unknown to this Go version: omit rather than lie
		}
		d.merged = capBuckets(rebucketExp(probe[i].Value.Float64Histogram().Buckets, base), maxLe)
		r.hists = append(r.hists, d)
		r.samples = append(r.samples, metrics.Sample{Name: d.runtimeName})
	}
	return r
}

// Collect implements Collector; reads fresh values on every call.
func (r *RuntimeHistograms) Collect(w *promtext.Writer) {
	samples := make([]metrics.Sample, len(r.samples))
	copy(samples, r.samples)
	metrics.Read(samples)
	for i, d := range r.hists {
		h := samples[i].Value.Float64Histogram()
		bounds, counts := mergeCounts(h, d.merged)
		w.Header(d.promName, d.help, promtext.Histogram)
		promtext.WriteHistogram(w, d.promName, nil, bounds, counts, estimateSum(h))
	}
}

// rebucketExp keeps the boundaries that are at least a factor base apart, starting from the
// first finite one, exactly as client_golang's reBucketExp does, so "le" values match.
func rebucketExp(buckets []float64, base float64) []float64 {
	var out []float64
	if math.IsInf(buckets[0], -1) {
		out = append(out, buckets[0])
		buckets = buckets[1:]
	}
	b := buckets[0]
	for i := 1; i < len(buckets); i++ {
		if b >= 0 && buckets[i] < b*base || b < 0 && buckets[i] < b/base {
			continue
		}
		out = append(out, b)
		b = buckets[i]
	}
	return append(out, b)
}

// capBuckets replaces the first boundary above maxLe with +Inf and drops the rest.
func capBuckets(b []float64, maxLe float64) []float64 {
	for i, v := range b {
		if v > maxLe {
			return append(b[:i:i], math.Inf(1))
		}
	}
	return b
}

// mergeCounts sums the runtime's fine counts into the merged buckets and returns Prometheus
// upper bounds (without +Inf) and per-bucket counts (last one is the +Inf overflow).
// A merged bucket [m[j], m[j+1]) gets every fine bucket whose lower bound lies in it.
func mergeCounts(h *metrics.Float64Histogram, merged []float64) ([]float64, []uint64) {
	n := len(merged) - 1 // number of merged buckets
	counts := make([]uint64, n)
	j := 0
	for i, c := range h.Counts {
		lo := h.Buckets[i]
		for j < n-1 && lo >= merged[j+1] {
			j++
		}
		counts[j] += c
	}
	bounds := make([]float64, 0, n-1)
	for j := 0; j < n-1; j++ {
		bounds = append(bounds, math.Nextafter(merged[j+1], merged[j]))
	}
	if !math.IsInf(merged[n], 1) {
		// Runtime histograms always end in +Inf; keep the format valid if one ever does not.
		bounds = append(bounds, merged[n])
		counts = append(counts, 0)
	}
	return bounds, counts
}

// estimateSum approximates the sum from bucket midpoints over the fine runtime buckets (the
// runtime exports no sum). Open-ended buckets use their finite edge. client_golang uses lower
// bounds instead, which always underestimates.
func estimateSum(h *metrics.Float64Histogram) float64 {
	var sum float64
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		lo, hi := h.Buckets[i], h.Buckets[i+1]
		var mid float64
		switch {
		case math.IsInf(lo, -1):
			mid = hi
		case math.IsInf(hi, 1):
			mid = lo
		default:
			mid = (lo + hi) / 2
		}
		sum += mid * float64(c)
	}
	return sum
}
