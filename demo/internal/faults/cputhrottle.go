package faults

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"gosre/demo/internal/cgroupv1"
)

// cpu_throttling: CFS throttling. The demo lowers its own cgroup v1 cpu.cfs_quota_us (it runs
// as root in a group of its own; scripts/stack.sh puts it there) to quota_cpus for the fault's
// duration and restores the previous quota on off. Throttling needs bursts: once the group has
// used its quota within a 100 ms period, the kernel stops all its threads until the next
// period. The request load alone is smooth (about 0.15 CPU), so a quota just above it throttles
// rarely and one just below it queues requests without bound; the fault therefore also runs a
// periodic parallel burst (a batch job, a cache rebuild: GOMAXPROCS goroutines burning burst of
// CPU together every burst_every) that uses up a period's quota in a few milliseconds. Requests
// arriving in the rest of that period wait for the next one. The burst's average
// (burst/burst_every) must stay below quota_cpus, so between bursts the backlog drains and the
// fault cannot run away. container_cpu_cfs_throttled_periods_total rises against
// container_cpu_cfs_periods_total.
func init() {
	register(Fault{
		Name:        "cpu_throttling",
		Description: "CFS throttling: lowers the demo's own cgroup v1 cpu.cfs_quota_us to quota_cpus while on (restored after) and burns CPU in periodic parallel bursts",
		Params: []Param{
			{Name: "quota_cpus", Default: "0.4", Help: "CFS quota while on, in CPUs per period (0.01-64); the period is left as it is"},
			{Name: "burst", Default: "50ms", Help: "CPU time of one burst, split over GOMAXPROCS goroutines spinning together; 0s = only lower the quota (max 1s)"},
			{Name: "burst_every", Default: "200ms", Help: "interval between bursts; burst/burst_every must be below quota_cpus (10ms-10s)"},
		},
		Start: startCPUThrottle,
	})
}

// CPUCgroupRoot is the cgroup v1 cpu controller mount; main sets it from a flag.
var CPUCgroupRoot = "/sys/fs/cgroup/cpu"

// cpuProcRoot is procfs; tests point it at a fake tree.
var cpuProcRoot = "/proc"

// errNoCPUCgroup explains why the fault cannot run.
var errNoCPUCgroup = errors.New("cpu_throttling needs the demo in a cgroup v1 cpu group of its own with a writable cpu.cfs_quota_us (scripts/stack.sh up does this)")

// ownCPUCgroup returns the demo's cpu cgroup directory, refusing the root group (whose quota
// cannot be set) and groups whose quota file is not writable.
func ownCPUCgroup() (string, error) {
	rel, err := cgroupv1.ControllerPath(filepath.Join(cpuProcRoot, "self/cgroup"), "cpu")
	if err != nil || rel == "/" {
		return "", errNoCPUCgroup
	}
	dir, err := cgroupv1.Dir(CPUCgroupRoot, cpuProcRoot, "cpu", "cpu.cfs_quota_us")
	if err != nil || dir == filepath.Clean(CPUCgroupRoot) {
		return "", errNoCPUCgroup
	}
	f, err := os.OpenFile(filepath.Join(dir, "cpu.cfs_quota_us"), os.O_WRONLY, 0)
	if err != nil {
		return "", fmt.Errorf("%w: %v", errNoCPUCgroup, err)
	}
	f.Close()
	return dir, nil
}

func writeQuota(dir string, us int64) error {
	return os.WriteFile(filepath.Join(dir, "cpu.cfs_quota_us"), []byte(strconv.FormatInt(us, 10)+"\n"), 0)
}

func startCPUThrottle(p Params) (func(context.Context), error) {
	cpus, err := p.Float("quota_cpus", 0.01, 64)
	if err != nil {
		return nil, err
	}
	burst, err := p.Duration("burst", 0, time.Second)
	if err != nil {
		return nil, err
	}
	every, err := p.Duration("burst_every", 10*time.Millisecond, 10*time.Second)
	if err != nil {
		return nil, err
	}
	if avg := burst.Seconds() / every.Seconds(); avg >= cpus {
		return nil, fmt.Errorf("burst/burst_every is %.3g CPUs, not below quota_cpus %g: the demo would be throttled without pause and queue requests without bound", avg, cpus)
	}
	dir, err := ownCPUCgroup()
	if err != nil {
		return nil, err
	}
	period, err := cgroupv1.ReadInt(filepath.Join(dir, "cpu.cfs_period_us"))
	if err != nil || period <= 0 {
		return nil, fmt.Errorf("%w: cpu.cfs_period_us: %v", errNoCPUCgroup, err)
	}
	quota := int64(cpus * float64(period))
	if quota < 1000 {
		quota = 1000 // the kernel's minimum (1 ms)
	}
	return func(ctx context.Context) {
		// Read the quota to restore here, not in Start: when "on" replaces a running instance,
		// that one has restored the original by now.
		orig, err := cgroupv1.ReadInt(filepath.Join(dir, "cpu.cfs_quota_us"))
		if err != nil {
			return
		}
		if err := writeQuota(dir, quota); err != nil {
			return
		}
		defer func() { _ = writeQuota(dir, orig) }()
		if burst == 0 {
			<-ctx.Done()
			return
		}
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				cpuBurst(burst)
			}
		}
	}, nil
}

// cpuBurst burns about total CPU time on GOMAXPROCS goroutines at once and returns when they
// are done. Each spins for its share of wall-clock time, so while the group is throttled it
// burns less, never more: the burst cannot outgrow its budget.
func cpuBurst(total time.Duration) {
	n := runtime.GOMAXPROCS(0)
	share := total / time.Duration(n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(x uint64) {
			defer wg.Done()
			burnFor(share, x)
		}(uint64(i) + 101)
	}
	wg.Wait()
}

//go:noinline
func burnFor(d time.Duration, x uint64) {
	end := time.Now().Add(d)
	for i := 0; ; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		if i&0xfff == 0 && !time.Now().Before(end) {
			schedSink.Add(x)
			return
		}
	}
}
