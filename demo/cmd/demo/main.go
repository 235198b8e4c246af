// Command demo is a small Go HTTP service with injectable faults (GC pressure, memory growth,
// lock contention, blocking syscalls, a slow downstream, scheduler latency, CFS throttling),
// exposing client_golang-compatible and cAdvisor-style metrics and pprof, so the Grafana plugin
// can be developed and tested against a real Go runtime.
package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net"
	"net/http"
	"net/http/pprof"
	"os"
	"os/signal"
	"runtime"
	"sort"
	"syscall"
	"time"

	"gosre/demo/internal/collect"
	"gosre/demo/internal/faults"
	"gosre/demo/internal/httpapi"
	"gosre/demo/internal/promtext"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:18080", "listen address")
	mutexFraction := flag.Int("mutex-profile-fraction", 5, "runtime.SetMutexProfileFraction; 0 disables the mutex profile")
	blockRate := flag.Int("block-profile-rate", 10000, "runtime.SetBlockProfileRate in ns; 0 disables the block profile")
	workUnits := flag.Int("work-units", 2000, "records per /api/work request (sets its CPU cost)")
	slowDelay := flag.Duration("slow-delay", 50*time.Millisecond, "fixed delay of /api/slow")
	histBase := flag.Float64("runtime-hist-base", 10, "re-bucketing factor for runtime/metrics histograms (client_golang: 10)")
	histMax := flag.Float64("runtime-hist-max", 1, "runtime/metrics histogram bounds above this many seconds fold into +Inf (client_golang: 1)")
	cgroupRoot := flag.String("cgroup-memory-root", "/sys/fs/cgroup/memory", "cgroup v1 memory controller mount")
	cpuCgroupRoot := flag.String("cgroup-cpu-root", "/sys/fs/cgroup/cpu", "cgroup v1 cpu controller mount (CFS throttling series, cpu_throttling fault)")
	downstreamAddr := flag.String("downstream-addr", "127.0.0.1:0", "listen address of the built-in downstream that /api/work calls (port 0: any free port)")
	container := flag.String("container", "demo", "container label of the cAdvisor-style series")
	pod := flag.String("pod", "demo-0", "pod label of the cAdvisor-style series")
	namespace := flag.String("namespace", "default", "namespace label of the cAdvisor-style series")
	flag.Parse()

	logger := log.New(os.Stderr, "demo ", log.LstdFlags|log.LUTC|log.Lmicroseconds)
	start := time.Now()
	// Without these the mutex and block profiles are empty, and the plugin has nothing to show.
	runtime.SetMutexProfileFraction(*mutexFraction)
	runtime.SetBlockProfileRate(*blockRate)

	faults.CPUCgroupRoot = *cpuCgroupRoot
	reg := faults.NewRegistry(logger)
	reqDur := httpapi.NewRequestDuration()
	clientDur := httpapi.NewClientDuration()
	mux := http.NewServeMux()

	// The downstream /api/work depends on: its own loopback listener, so the calls are real
	// HTTP over TCP through the demo's client; the network fault slows its answers.
	dsLn, err := net.Listen("tcp", *downstreamAddr)
	if err != nil {
		logger.Fatalf("event=exit err=%q", err)
	}
	dsMux := http.NewServeMux()
	dsMux.Handle("/downstream", faults.DownstreamHandler())
	dsSrv := &http.Server{Handler: dsMux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := dsSrv.Serve(dsLn); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Printf("event=downstream_error err=%q", err)
		}
	}()
	down := &httpapi.Downstream{URL: "http://" + dsLn.Addr().String() + "/downstream", Host: "downstream",
		Client: httpapi.NewDownstreamClient(), Hist: clientDur}
	work := httpapi.Work{Units: *workUnits, Downstream: down}

	cgLabels := []promtext.Label{{Name: "container", Value: *container}, {Name: "namespace", Value: *namespace}, {Name: "pod", Value: *pod}}
	mux.Handle("/api/work", httpapi.Instrument(reqDur, "/api/work", work))
	mux.Handle("/api/slow", httpapi.Instrument(reqDur, "/api/slow", httpapi.Slow{Delay: *slowDelay, Work: work}))
	mux.Handle("/metrics", httpapi.Metrics{Log: logger, Collectors: []collect.Collector{
		collect.GoStats{},
		collect.NewRuntimeHistograms(*histBase, *histMax),
		collect.Process{},
		collect.CgroupMemory{Root: *cgroupRoot, Labels: cgLabels},
		collect.CgroupCPU{Root: *cpuCgroupRoot, Labels: cgLabels},
		reqDur,
		clientDur,
		reg,
	}})
	mux.Handle("/debug/stability", httpapi.Stability{Start: start})
	mux.Handle(httpapi.Prefix, httpapi.Control{Faults: reg})
	mux.Handle(httpapi.Prefix+"/", httpapi.Control{Faults: reg})
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)

	// No WriteTimeout: /debug/pprof/profile?seconds=30 legitimately writes for 30 s.
	srv := &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	errc := make(chan error, 1)
	go func() { errc <- srv.ListenAndServe() }()
	names := []string{}
	for _, s := range reg.List() {
		names = append(names, s.Name)
	}
	sort.Strings(names)
	logger.Printf("event=listening addr=%s downstream=%s pid=%d go=%s gomaxprocs=%d faults=%v", *addr, dsLn.Addr(), os.Getpid(), runtime.Version(), runtime.GOMAXPROCS(0), names)

	select {
	case err := <-errc:
		logger.Printf("event=exit err=%q", err)
		os.Exit(1)
	case <-ctx.Done():
	}
	logger.Printf("event=shutdown reason=signal")
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Printf("event=shutdown_error err=%q", err)
	}
	// Faults off (StopAll also restores a CFS quota the cpu_throttling fault lowered), then the
	// downstream: the main server has drained, so nothing calls it any more.
	reg.StopAll()
	if err := dsSrv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Printf("event=shutdown_error err=%q", err)
	}
	logger.Printf("event=stopped")
}
