package collect

import (
	"path/filepath"

	"gosre/demo/internal/cgroupv1"
	"gosre/demo/internal/promtext"
)

// CgroupCPU writes cAdvisor's CFS throttling counters for the process's own cgroup v1 cpu
// controller, read from cpu.stat:
//
//	container_cpu_cfs_periods_total            nr_periods
//	container_cpu_cfs_throttled_periods_total  nr_throttled
//	container_cpu_cfs_throttled_seconds_total  throttled_time (ns) / 1e9
//
// Like cAdvisor, the series exist only while the group has a CFS quota (cpu.cfs_quota_us > 0):
// without one the kernel counts no periods. When the files cannot be read (no cgroup v1 cpu
// controller, the process in the root group) they are omitted: absent, never zero.
type CgroupCPU struct {
	Root   string           // cpu controller mount, normally /sys/fs/cgroup/cpu
	Proc   string           // procfs mount, normally /proc
	Labels []promtext.Label // the same container/namespace/pod labels as CgroupMemory
}

// Collect implements Collector.
func (c CgroupCPU) Collect(w *promtext.Writer) {
	root, proc := c.Root, c.Proc
	if root == "" {
		root = "/sys/fs/cgroup/cpu"
	}
	if proc == "" {
		proc = "/proc"
	}
	dir, err := cgroupv1.Dir(root, proc, "cpu", "cpu.cfs_quota_us")
	if err != nil {
		return
	}
	quota, err := cgroupv1.ReadInt(filepath.Join(dir, "cpu.cfs_quota_us"))
	if err != nil || quota <= 0 {
		return
	}
	st, err := cgroupv1.StatValues(filepath.Join(dir, "cpu.stat"))
	if err != nil {
		return
	}
	periods, ok1 := st["nr_periods"]
	throttled, ok2 := st["nr_throttled"]
	ns, ok3 := st["throttled_time"]
	if !ok1 || !ok2 || !ok3 {
		return
	}
	w.SingleWith("container_cpu_cfs_periods_total", "Number of elapsed enforcement period intervals.", promtext.Counter, c.Labels, float64(periods))
	w.SingleWith("container_cpu_cfs_throttled_periods_total", "Number of throttled period intervals.", promtext.Counter, c.Labels, float64(throttled))
	w.SingleWith("container_cpu_cfs_throttled_seconds_total", "Total time duration the container has been throttled.", promtext.Counter, c.Labels, float64(ns)/1e9)
}
