package collect

import (
	"os"
	"path/filepath"

	"gosre/demo/internal/cgroupv1"
	"gosre/demo/internal/promtext"
)

// maxMemorySize is cAdvisor's cut-off: a cgroup v1 "unlimited" limit is a huge page-aligned
// number (9223372036854771712), which cAdvisor exports as 0.
const maxMemorySize = uint64(1 << 62)

// CgroupMemory writes cAdvisor's container_memory_working_set_bytes and
// container_spec_memory_limit_bytes for the process's own cgroup v1 memory controller, so the
// OOM forecast sees the same series as in Kubernetes. When the files cannot be read (no cgroup
// v1, another layout) the series are omitted: absent, never zero.
type CgroupMemory struct {
	Root   string           // memory controller mount, normally /sys/fs/cgroup/memory
	Proc   string           // procfs mount, normally /proc
	Labels []promtext.Label // e.g. container, namespace, pod (sorted by name)
}

// Collect implements Collector.
func (c CgroupMemory) Collect(w *promtext.Writer) {
	dir, err := c.dir()
	if err != nil {
		return
	}
	usage, err1 := readUint(filepath.Join(dir, "memory.usage_in_bytes"))
	inactive, err2 := statValue(filepath.Join(dir, "memory.stat"), "total_inactive_file")
	if err1 == nil && err2 == nil {
		// cAdvisor: working set = usage - inactive file cache, floored at 0.
		ws := uint64(0)
		if usage > inactive {
			ws = usage - inactive
		}
		w.SingleWith("container_memory_working_set_bytes", "Current working set of the container in bytes", promtext.Gauge, c.Labels, float64(ws))
	}
	if limit, err := readUint(filepath.Join(dir, "memory.limit_in_bytes")); err == nil {
		v := float64(limit)
		if limit > maxMemorySize {
			v = 0
		}
		w.SingleWith("container_spec_memory_limit_bytes", "Memory limit for the container.", promtext.Gauge, c.Labels, v)
	}
}

// dir finds the memory cgroup directory from the "N:memory:/path" line of /proc/self/cgroup,
// falling back to the mount root inside a cgroup namespace.
func (c CgroupMemory) dir() (string, error) {
	root, proc := c.Root, c.Proc
	if root == "" {
		root = "/sys/fs/cgroup/memory"
	}
	if proc == "" {
		proc = "/proc"
	}
	return cgroupv1.Dir(root, proc, "memory", "memory.usage_in_bytes")
}

func readUint(path string) (uint64, error) { return cgroupv1.ReadUint(path) }

// statValue reads one "key value" line of memory.stat.
func statValue(path, key string) (uint64, error) {
	m, err := cgroupv1.StatValues(path)
	if err != nil {
		return 0, err
	}
	v, ok := m[key]
	if !ok {
		return 0, os.ErrNotExist
	}
	return v, nil
}
