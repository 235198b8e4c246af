package collect

import (
	"math"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

	"gosre/demo/internal/promtext"
)

// The merged "le" values must equal client_golang's for the same runtime, so dashboards and
// recorded fixtures line up with real services.
func TestRuntimeHistogramsMatchClientGolangBounds(t *testing.T) {
	r := NewRuntimeHistograms(10, 1)
	var b strings.Builder
	w := promtext.NewWriter(&b)
	r.Collect(w)
	_ = w.Flush()
	out := b.String()
	want := []string{"+Inf"}
	if strings.HasPrefix(runtime.Version(), "go1.19") {
		// What client_golang exports on Go 1.19 (the runtime's bucket grid changed in later Go).
		want = append(want, "-5e-324", "9.999999999999999e-10", "0.0010485759999999998", "0.10485759999999998")
	}
	for _, le := range want {
		if !strings.Contains(out, `go_sched_latencies_seconds_bucket{le="`+le+`"}`) {
			t.Errorf("no bucket le=%s in\n%s", le, out)
		}
	}
	if !strings.Contains(out, "go_gc_pauses_seconds_count ") {
		t.Error("go_gc_pauses_seconds missing")
	}
}

func TestMergeCountsKeepsTotal(t *testing.T) {
	h := &metrics.Float64Histogram{
		Buckets: []float64{math.Inf(-1), 0, 1, 2, 3, 4, math.Inf(1)},
		Counts:  []uint64{1, 2, 3, 4, 5, 6},
	}
	merged := capBuckets(rebucketExp(h.Buckets, 2), 3)
	bounds, counts := mergeCounts(h, merged)
	var total uint64
	for _, c := range counts {
		total += c
	}
	if total != 21 || len(counts) != len(bounds)+1 {
		t.Fatalf("bounds %v counts %v", bounds, counts)
	}
	if got := estimateSum(h); got != 0*1+0.5*2+1.5*3+2.5*4+3.5*5+4*6 {
		t.Fatalf("sum %v", got)
	}
}
