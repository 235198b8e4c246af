// Package faults holds the demo's injectable faults. Each fault lives in its own file and
// registers itself in init(), so adding a fault means adding one file.
package faults

import (
	"context"
	"fmt"
	"log"
	"net/url"
	"sort"
	"sync"
	"time"

	"gosre/demo/internal/promtext"
)

// Fault describes one injectable fault.
type Fault struct {
	Name        string
	Description string
	Params      []Param
	// Start validates params (defaults filled in) and returns the injection loop. run must
	// block until ctx is done and release everything it holds before returning, so "off" and
	// expiry really restore the service.
	Start func(p Params) (run func(ctx context.Context), err error)
}

// Param documents one fault-specific query parameter.
type Param struct {
	Name    string `json:"name"`
	Default string `json:"default"`
	Help    string `json:"help"`
}

var catalog = map[string]Fault{}

// register is called from each fault file's init.
func register(f Fault) {
	if _, dup := catalog[f.Name]; dup {
		panic("faults: duplicate fault " + f.Name)
	}
	catalog[f.Name] = f
}

// State is what the control API reports for one fault.
type State struct {
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Active      bool              `json:"active"`
	Since       *time.Time        `json:"since,omitempty"`
	Until       *time.Time        `json:"until,omitempty"` // set when on with duration=
	Params      map[string]string `json:"params,omitempty"`
	ParamHelp   []Param           `json:"param_help"`
}

// ErrUnknown is returned for a fault name that is not registered.
var ErrUnknown = fmt.Errorf("unknown fault")

// Registry switches faults on and off; safe for concurrent use.
type Registry struct {
	log  *log.Logger
	opMu sync.Mutex // serialises On/Off so a restart never overlaps another
	mu   sync.Mutex // guards entries' fields
	ents map[string]*entry
}

type entry struct {
	f      Fault
	active bool
	since  time.Time
	until  time.Time
	params map[string]string
	gen    uint64 // bumped on every start/stop so a stale expiry cannot switch off a newer run
	cancel context.CancelFunc
	done   chan struct{}
}

// NewRegistry builds a registry of all registered faults, all off.
func NewRegistry(logger *log.Logger) *Registry {
	r := &Registry{log: logger, ents: map[string]*entry{}}
	for name, f := range catalog {
		r.ents[name] = &entry{f: f}
	}
	return r
}

// List returns every fault's state, sorted by name.
func (r *Registry) List() []State {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]State, 0, len(r.ents))
	for _, e := range r.ents {
		out = append(out, e.state())
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns one fault's state.
func (r *Registry) Get(name string) (State, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	e, ok := r.ents[name]
	if !ok {
		return State{}, fmt.Errorf("%w %q", ErrUnknown, name)
	}
	return e.state(), nil
}

// On starts a fault, replacing a running instance (so "on" again applies new params).
// q holds fault params plus the optional "duration" after which it switches itself off.
func (r *Registry) On(name string, q url.Values) (State, error) {
	r.opMu.Lock()
	defer r.opMu.Unlock()
	e, ok := r.ents[name]
	if !ok {
		return State{}, fmt.Errorf("%w %q", ErrUnknown, name)
	}
	var dur time.Duration
	if s := q.Get("duration"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return State{}, fmt.Errorf("duration: want a positive Go duration like 30s, got %q", s)
		}
		dur = d
	}
	p, err := parseParams(e.f, q)
	if err != nil {
		return State{}, err
	}
	run, err := e.f.Start(p)
	if err != nil {
		return State{}, err
	}
	r.stop(e)

	ctx, cancel := context.Background(), context.CancelFunc(nil)
	if dur > 0 {
		ctx, cancel = context.WithTimeout(ctx, dur)
	} else {
		ctx, cancel = context.WithCancel(ctx)
	}
	done := make(chan struct{})
	r.mu.Lock()
	e.gen++
	gen := e.gen
	e.active, e.since, e.params, e.cancel, e.done = true, time.Now().UTC(), p, cancel, done
	e.until = time.Time{}
	if dur > 0 {
		e.until = e.since.Add(dur)
	}
	st := e.state()
	r.mu.Unlock()
	r.log.Printf("fault=%s event=on params=%v duration=%s", name, p, dur)

	go func() {
		defer close(done)
		run(ctx)
		r.mu.Lock()
		expired := e.gen == gen && e.active
		if expired {
			e.active = false
			e.gen++
		}
		r.mu.Unlock()
		if expired {
			reason := "finished"
			if ctx.Err() == context.DeadlineExceeded {
				reason = "duration_elapsed"
			}
			cancel()
			r.log.Printf("fault=%s event=off reason=%s", name, reason)
		}
	}()
	return st, nil
}

// Off stops a fault and waits until it has released its resources.
func (r *Registry) Off(name string) (State, error) {
	r.opMu.Lock()
	defer r.opMu.Unlock()
	e, ok := r.ents[name]
	if !ok {
		return State{}, fmt.Errorf("%w %q", ErrUnknown, name)
	}
	if r.stop(e) {
		r.log.Printf("fault=%s event=off reason=requested", name)
	}
	return r.Get(name)
}

// StopAll switches every fault off; used on shutdown.
func (r *Registry) StopAll() {
	r.opMu.Lock()
	defer r.opMu.Unlock()
	for _, e := range r.ents {
		r.stop(e)
	}
}

// stop cancels a running instance and waits for it; reports whether one was running.
// Caller holds opMu but not mu (the run goroutine takes mu when it returns).
func (r *Registry) stop(e *entry) bool {
	r.mu.Lock()
	cancel, done, wasActive := e.cancel, e.done, e.active
	e.active, e.cancel, e.done = false, nil, nil
	e.gen++
	r.mu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
	return wasActive
}

// Collect writes demo_fault_active{fault=...}: ground truth for tests that check the
// plugin blames the injected cause.
func (r *Registry) Collect(w *promtext.Writer) {
	states := r.List()
	w.Header("demo_fault_active", "1 while the named injected fault is switched on.", promtext.Gauge)
	for _, s := range states {
		v := 0.0
		if s.Active {
			v = 1
		}
		w.Sample("demo_fault_active", []promtext.Label{{Name: "fault", Value: s.Name}}, v)
	}
}

func (e *entry) state() State {
	s := State{Name: e.f.Name, Description: e.f.Description, Active: e.active, ParamHelp: e.f.Params}
	if s.ParamHelp == nil {
		s.ParamHelp = []Param{}
	}
	if e.active {
		since := e.since
		s.Since = &since
		s.Params = e.params
		if !e.until.IsZero() {
			until := e.until
			s.Until = &until
		}
	}
	return s
}
