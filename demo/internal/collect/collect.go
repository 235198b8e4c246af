// Package collect computes the demo's metric families fresh on every scrape, with the names,
// types and meanings of client_golang's Go and process collectors and of cAdvisor, so the
// plugin is developed against the series real services expose.
package collect

import "gosre/demo/internal/promtext"

// Collector writes one or more complete metric families.
type Collector interface {
	Collect(w *promtext.Writer)
}

// Func adapts a plain function to Collector.
type Func func(w *promtext.Writer)

// Collect calls f.
func (f Func) Collect(w *promtext.Writer) { f(w) }
