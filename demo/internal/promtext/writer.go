// Package promtext writes the Prometheus text exposition format 0.0.4 by hand,
// because the demo must build offline with the standard library only (no client_golang).
package promtext

import (
	"bufio"
	"io"
	"math"
	"strconv"
	"strings"
)

// ContentType is what Prometheus expects for format 0.0.4.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// Metric types as spelled in # TYPE lines.
const (
	Counter   = "counter"
	Gauge     = "gauge"
	Histogram = "histogram"
	Summary   = "summary"
)

// Label is one name="value" pair; a slice keeps the caller's order, as client_golang sorts
// label names and callers here pass them already sorted.
type Label struct{ Name, Value string }

// Writer emits families: one Header, then its samples. Errors are sticky and reported by Flush,
// so collectors need no error plumbing.
type Writer struct {
	w   *bufio.Writer
	err error
}

// NewWriter wraps w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: bufio.NewWriter(w)} }

// Header writes the # HELP and # TYPE lines of a family.
func (w *Writer) Header(name, help, typ string) {
	w.str("# HELP " + name + " " + escapeHelp(help) + "\n# TYPE " + name + " " + typ + "\n")
}

// Sample writes one line: name{labels} value.
func (w *Writer) Sample(name string, labels []Label, value float64) {
	var b strings.Builder
	b.WriteString(name)
	if len(labels) > 0 {
		b.WriteByte('{')
		for i, l := range labels {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(l.Name)
			b.WriteString(`="`)
			b.WriteString(escapeLabel(l.Value))
			b.WriteByte('"')
		}
		b.WriteByte('}')
	}
	b.WriteByte(' ')
	b.WriteString(FormatFloat(value))
	b.WriteByte('\n')
	w.str(b.String())
}

// Single writes a family holding one unlabelled sample, the common case for runtime gauges.
func (w *Writer) Single(name, help, typ string, value float64) {
	w.Header(name, help, typ)
	w.Sample(name, nil, value)
}

// SingleWith writes a family holding one labelled sample.
func (w *Writer) SingleWith(name, help, typ string, labels []Label, value float64) {
	w.Header(name, help, typ)
	w.Sample(name, labels, value)
}

// Flush writes out buffered data and returns the first error seen.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}

func (w *Writer) str(s string) {
	if w.err == nil {
		_, w.err = w.w.WriteString(s)
	}
}

// FormatFloat renders a value the way prometheus/common's expfmt does, so output diffs cleanly
// against a client_golang service: shortest 'g' form, and +Inf/-Inf/NaN spelled out.
func FormatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "+Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

var (
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
	labelEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`, `"`, `\"`)
)

func escapeHelp(s string) string  { return helpEscaper.Replace(s) }
func escapeLabel(s string) string { return labelEscaper.Replace(s) }
