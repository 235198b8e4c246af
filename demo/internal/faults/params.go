package faults

import (
	"fmt"
	"net/url"
	"strconv"
	"time"
)

// Params are a fault's parameters after defaults are filled in.
type Params map[string]string

// parseParams merges q over the fault's defaults and rejects names the fault does not know,
// so a typo in a test's request fails loudly instead of silently using the default.
func parseParams(f Fault, q url.Values) (Params, error) {
	p := Params{}
	known := map[string]bool{"duration": true}
	for _, d := range f.Params {
		p[d.Name] = d.Default
		known[d.Name] = true
	}
	for k, v := range q {
		if !known[k] {
			return nil, fmt.Errorf("fault %s has no parameter %q", f.Name, k)
		}
		if k != "duration" && len(v) > 0 {
			p[k] = v[len(v)-1]
		}
	}
	return p, nil
}

// Float parses a number parameter within [min, max].
func (p Params) Float(name string, min, max float64) (float64, error) {
	v, err := strconv.ParseFloat(p[name], 64)
	if err != nil || v < min || v > max {
		return 0, fmt.Errorf("%s: want a number in [%g, %g], got %q", name, min, max, p[name])
	}
	return v, nil
}

// Int parses an integer parameter within [min, max].
func (p Params) Int(name string, min, max int) (int, error) {
	v, err := strconv.Atoi(p[name])
	if err != nil || v < min || v > max {
		return 0, fmt.Errorf("%s: want an integer in [%d, %d], got %q", name, min, max, p[name])
	}
	return v, nil
}

// Duration parses a Go duration parameter within [min, max].
func (p Params) Duration(name string, min, max time.Duration) (time.Duration, error) {
	v, err := time.ParseDuration(p[name])
	if err != nil || v < min || v > max {
		return 0, fmt.Errorf("%s: want a duration in [%s, %s], got %q", name, min, max, p[name])
	}
	return v, nil
}
