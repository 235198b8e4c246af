package promtext

import (
	"sort"
	"strings"
	"sync"
)

// HistogramVec is a labelled, cumulative histogram for values observed in-process
// (request durations). Lock-based: at demo request rates a mutex costs nothing measurable.
type HistogramVec struct {
	name, help string
	labelNames []string
	buckets    []float64 // upper bounds, ascending, without +Inf

	mu     sync.Mutex
	series map[string]*histSeries
}

type histSeries struct {
	labelValues []string
	counts      []uint64 // per bucket, non-cumulative; last slot is +Inf
	sum         float64
	count       uint64
}

// NewHistogramVec builds an empty vector; buckets must be ascending.
func NewHistogramVec(name, help string, buckets []float64, labelNames ...string) *HistogramVec {
	return &HistogramVec{
		name: name, help: help, labelNames: labelNames,
		buckets: append([]float64(nil), buckets...),
		series:  map[string]*histSeries{},
	}
}

// Observe adds v to the series with these label values (same order as labelNames).
func (h *HistogramVec) Observe(v float64, labelValues ...string) {
	if len(labelValues) != len(h.labelNames) {
		panic("promtext: wrong number of label values for " + h.name)
	}
	key := strings.Join(labelValues, "\xff")
	idx := sort.SearchFloat64s(h.buckets, v) // first bound >= v, i.e. le semantics
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.series[key]
	if s == nil {
		s = &histSeries{labelValues: append([]string(nil), labelValues...), counts: make([]uint64, len(h.buckets)+1)}
		h.series[key] = s
	}
	s.counts[idx]++
	s.sum += v
	s.count++
}

// Collect writes the family; series are sorted by label values so scrapes are stable.
func (h *HistogramVec) Collect(w *Writer) {
	h.mu.Lock()
	snap := make([]histSeries, 0, len(h.series))
	for _, s := range h.series {
		c := *s
		c.counts = append([]uint64(nil), s.counts...)
		snap = append(snap, c)
	}
	h.mu.Unlock()
	sort.Slice(snap, func(i, j int) bool {
		return strings.Join(snap[i].labelValues, "\xff") < strings.Join(snap[j].labelValues, "\xff")
	})

	w.Header(h.name, h.help, Histogram)
	for _, s := range snap {
		labels := make([]Label, len(h.labelNames))
		for i, n := range h.labelNames {
			labels[i] = Label{n, s.labelValues[i]}
		}
		WriteHistogram(w, h.name, labels, h.buckets, s.counts, s.sum)
	}
}

// WriteHistogram writes _bucket (cumulative, plus +Inf), _sum and _count lines of one series.
// counts holds len(bounds)+1 non-cumulative counts, the last being the +Inf overflow.
func WriteHistogram(w *Writer, name string, labels []Label, bounds []float64, counts []uint64, sum float64) {
	var cum uint64
	le := make([]Label, len(labels)+1)
	copy(le, labels)
	for i, c := range counts {
		cum += c
		bound := "+Inf"
		if i < len(bounds) {
			bound = FormatFloat(bounds[i])
		}
		le[len(labels)] = Label{"le", bound}
		w.Sample(name+"_bucket", le, float64(cum))
	}
	w.Sample(name+"_sum", labels, sum)
	w.Sample(name+"_count", labels, float64(cum))
}
