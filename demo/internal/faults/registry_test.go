package faults

import (
	"context"
	"errors"
	"io"
	"log"
	"net/url"
	"testing"
	"time"
)

func testRegistry(t *testing.T) (*Registry, chan string) {
	t.Helper()
	events := make(chan string, 10)
	r := &Registry{log: log.New(io.Discard, "", 0), ents: map[string]*entry{}}
	r.ents["probe"] = &entry{f: Fault{
		Name:   "probe",
		Params: []Param{{Name: "n", Default: "1"}},
		Start: func(p Params) (func(context.Context), error) {
			if _, err := p.Int("n", 0, 9); err != nil {
				return nil, err
			}
			return func(ctx context.Context) {
				events <- "start " + p["n"]
				<-ctx.Done()
				events <- "released"
			}, nil
		},
	}}
	return r, events
}

func TestOnOffReleases(t *testing.T) {
	r, ev := testRegistry(t)
	st, err := r.On("probe", url.Values{"n": {"3"}})
	if err != nil || !st.Active || st.Params["n"] != "3" {
		t.Fatalf("on: %+v %v", st, err)
	}
	if got := <-ev; got != "start 3" {
		t.Fatal(got)
	}
	st, err = r.Off("probe")
	if err != nil || st.Active {
		t.Fatalf("off: %+v %v", st, err)
	}
	// Off returns only after the run released its resources.
	select {
	case got := <-ev:
		if got != "released" {
			t.Fatal(got)
		}
	default:
		t.Fatal("Off returned before the fault released")
	}
}

func TestDurationExpires(t *testing.T) {
	r, ev := testRegistry(t)
	if _, err := r.On("probe", url.Values{"duration": {"50ms"}}); err != nil {
		t.Fatal(err)
	}
	<-ev
	<-ev
	deadline := time.Now().Add(time.Second)
	for {
		st, _ := r.Get("probe")
		if !st.Active {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("still active after its duration")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestBadRequests(t *testing.T) {
	r, _ := testRegistry(t)
	if _, err := r.On("nope", nil); !errors.Is(err, ErrUnknown) {
		t.Errorf("unknown fault: %v", err)
	}
	for _, q := range []url.Values{{"typo": {"1"}}, {"n": {"99"}}, {"duration": {"-1s"}}} {
		if _, err := r.On("probe", q); err == nil {
			t.Errorf("%v accepted", q)
		}
	}
	if st, _ := r.Get("probe"); st.Active {
		t.Error("a rejected request switched the fault on")
	}
}

func TestBuiltinFaultsRegistered(t *testing.T) {
	r := NewRegistry(log.New(io.Discard, "", 0))
	for _, name := range []string{"gc", "memgrow", "lock", "syscall", "network", "sched", "cpu_throttling"} {
		st, err := r.Get(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		for _, p := range st.ParamHelp {
			if p.Default == "" || p.Help == "" {
				t.Errorf("%s: param %q undocumented", name, p.Name)
			}
		}
	}
}
