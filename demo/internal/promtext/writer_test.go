package promtext

import (
	"math"
	"strings"
	"testing"
)

func TestWriterEscapesAndFormats(t *testing.T) {
	var b strings.Builder
	w := NewWriter(&b)
	w.Header("x_total", "a \\ b\nc", Counter)
	w.Sample("x_total", []Label{{"path", `a"b\c` + "\n"}}, 1e6)
	w.Sample("x_total", nil, math.Inf(1))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	want := "# HELP x_total a \\\\ b\\nc\n# TYPE x_total counter\n" +
		`x_total{path="a\"b\\c\n"} 1e+06` + "\nx_total +Inf\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestHistogramVecIsCumulativeWithInf(t *testing.T) {
	h := NewHistogramVec("d_seconds", "d", []float64{0.1, 1}, "route")
	for _, v := range []float64{0.05, 0.1, 0.5, 3} {
		h.Observe(v, "/a")
	}
	var b strings.Builder
	w := NewWriter(&b)
	h.Collect(w)
	_ = w.Flush()
	for _, line := range []string{
		`d_seconds_bucket{route="/a",le="0.1"} 2`, // le is inclusive
		`d_seconds_bucket{route="/a",le="1"} 3`,
		`d_seconds_bucket{route="/a",le="+Inf"} 4`,
		`d_seconds_sum{route="/a"} 3.65`,
		`d_seconds_count{route="/a"} 4`,
	} {
		if !strings.Contains(b.String(), line+"\n") {
			t.Errorf("missing %q in\n%s", line, b.String())
		}
	}
}
