package faults

import (
	"context"
	"io"
	"log"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// offSlack is how long a fast path may take on a busy test machine; the "on" delays in these
// tests are well above it.
const offSlack = 40 * time.Millisecond

func builtin(t *testing.T) *Registry {
	t.Helper()
	r := NewRegistry(log.New(io.Discard, "", 0))
	t.Cleanup(r.StopAll)
	return r
}

func timeInRequest(t *testing.T) time.Duration {
	t.Helper()
	start := time.Now()
	if err := InRequest(context.Background()); err != nil {
		t.Fatal(err)
	}
	return time.Since(start)
}

// waitGoroutines waits until the goroutine count is back to at most n (the runtime needs a
// moment to retire exited goroutines from the count).
func waitGoroutines(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			t.Fatalf("goroutines: %d, want <= %d (leak after off)", runtime.NumGoroutine(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestInRequestCheapWhenOff(t *testing.T) {
	if d := timeInRequest(t); d > offSlack {
		t.Fatalf("InRequest took %s with every fault off", d)
	}
}

func TestLockDelaysRequests(t *testing.T) {
	r := builtin(t)
	base := runtime.NumGoroutine()
	if _, err := r.On("lock", url.Values{"hold": {"40ms"}, "interval": {"40ms"}}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // let the holder take the lock
	var worst time.Duration
	for i := 0; i < 5; i++ {
		if d := timeInRequest(t); d > worst {
			worst = d
		}
	}
	if worst < 10*time.Millisecond {
		t.Errorf("lock on: worst InRequest %s, want it held up by the holder", worst)
	}
	if _, err := r.Off("lock"); err != nil {
		t.Fatal(err)
	}
	if d := timeInRequest(t); d > offSlack {
		t.Errorf("lock off: InRequest %s", d)
	}
	if lockRequestHold.Load() != 0 {
		t.Error("request_hold left set after off")
	}
	waitGoroutines(t, base)
}

func TestSyscallBlocksInRead(t *testing.T) {
	r := builtin(t)
	base := runtime.NumGoroutine()
	if _, err := r.On("syscall", url.Values{"block": {"100ms"}, "parallel": {"4"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return syscallCfg.Load() != nil })
	if d := timeInRequest(t); d < 100*time.Millisecond || d > 2*time.Second {
		t.Errorf("syscall on: InRequest %s, want about 100ms", d)
	}
	if _, err := r.Off("syscall"); err != nil {
		t.Fatal(err)
	}
	if d := timeInRequest(t); d > offSlack {
		t.Errorf("syscall off: InRequest %s", d)
	}
	waitGoroutines(t, base)
}

func TestNetworkSlowsDownstream(t *testing.T) {
	r := builtin(t)
	srv := httptest.NewServer(DownstreamHandler())
	defer srv.Close()
	call := func() time.Duration {
		start := time.Now()
		resp, err := srv.Client().Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(b), "ok") {
			t.Fatalf("body %q", b)
		}
		return time.Since(start)
	}
	if d := call(); d > offSlack {
		t.Errorf("network off: call took %s", d)
	}
	if _, err := r.On("network", url.Values{"delay": {"100ms"}, "jitter": {"0s"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return networkCfg.Load() != nil })
	if d := call(); d < 100*time.Millisecond {
		t.Errorf("network on: call took %s, want >= 100ms", d)
	}
	if _, err := r.Off("network"); err != nil {
		t.Fatal(err)
	}
	if d := call(); d > offSlack {
		t.Errorf("network off again: call took %s", d)
	}
}

func TestSchedStartsAndStopsSpinners(t *testing.T) {
	r := builtin(t)
	base := runtime.NumGoroutine()
	if _, err := r.On("sched", url.Values{"goroutines": {"6"}, "duration": {"1s"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return runtime.NumGoroutine() >= base+6 })
	if _, err := r.Off("sched"); err != nil {
		t.Fatal(err)
	}
	waitGoroutines(t, base)
}

// fakeCPUGroup builds proc/self/cgroup and a cpu group with a quota, and points the fault at it.
func fakeCPUGroup(t *testing.T, rel, quota string) string {
	t.Helper()
	dir := t.TempDir()
	oldRoot, oldProc := CPUCgroupRoot, cpuProcRoot
	CPUCgroupRoot, cpuProcRoot = filepath.Join(dir, "cpu"), filepath.Join(dir, "proc")
	t.Cleanup(func() { CPUCgroupRoot, cpuProcRoot = oldRoot, oldProc })
	cg := filepath.Join(CPUCgroupRoot, rel)
	for p, s := range map[string]string{
		filepath.Join(cpuProcRoot, "self", "cgroup"): "3:cpu,cpuacct:" + rel + "\n",
		filepath.Join(cg, "cpu.cfs_quota_us"):        quota + "\n",
		filepath.Join(cg, "cpu.cfs_period_us"):       "100000\n",
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(cg, "cpu.cfs_quota_us")
}

func TestCPUThrottlingLowersAndRestoresQuota(t *testing.T) {
	r := builtin(t)
	quotaFile := fakeCPUGroup(t, "/gosre-demo", "200000")
	read := func() string {
		b, _ := os.ReadFile(quotaFile)
		return strings.TrimSpace(string(b))
	}
	if _, err := r.On("cpu_throttling", url.Values{"quota_cpus": {"0.2"}, "burst": {"0.5"}}); err == nil {
		t.Error("burst 0.5 accepted")
	}
	// A burst averaging more than the quota would throttle without pause: refused.
	if _, err := r.On("cpu_throttling", url.Values{"quota_cpus": {"0.2"}, "burst": {"50ms"}, "burst_every": {"100ms"}}); err == nil {
		t.Error("burst/burst_every >= quota_cpus accepted")
	}
	if _, err := r.On("cpu_throttling", url.Values{"quota_cpus": {"0.25"}, "burst": {"1ms"}, "burst_every": {"10ms"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return read() == "25000" })
	// "on" again replaces the instance: it must restore first, then lower from the original.
	if _, err := r.On("cpu_throttling", url.Values{"quota_cpus": {"0.5"}, "burst": {"0s"}}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return read() == "50000" })
	if _, err := r.Off("cpu_throttling"); err != nil {
		t.Fatal(err)
	}
	if got := read(); got != "200000" {
		t.Errorf("quota after off: %s, want 200000", got)
	}
}

func TestCPUThrottlingRefusesRootGroup(t *testing.T) {
	r := builtin(t)
	fakeCPUGroup(t, "/", "-1")
	if _, err := r.On("cpu_throttling", nil); err == nil || !strings.Contains(err.Error(), "cgroup") {
		t.Fatalf("root cpu group: want an error, got %v", err)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not reached within 2s")
		}
		time.Sleep(time.Millisecond)
	}
}
