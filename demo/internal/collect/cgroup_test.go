package collect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gosre/demo/internal/promtext"
)

func fakeCgroup(t *testing.T, limit string) CgroupMemory {
	t.Helper()
	dir := t.TempDir()
	proc, root := filepath.Join(dir, "proc"), filepath.Join(dir, "memory")
	cg := filepath.Join(root, "a", "gosre-demo")
	for p, s := range map[string]string{
		filepath.Join(proc, "self", "cgroup"):      "5:cpu:/\n4:memory:/a/gosre-demo\n0::/\n",
		filepath.Join(cg, "memory.usage_in_bytes"): "1000\n",
		filepath.Join(cg, "memory.stat"):           "cache 5\ninactive_file 1\ntotal_inactive_file 300\n",
		filepath.Join(cg, "memory.limit_in_bytes"): limit + "\n",
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return CgroupMemory{Root: root, Proc: proc, Labels: []promtext.Label{{Name: "container", Value: "demo"}}}
}

func collectString(c Collector) string {
	var b strings.Builder
	w := promtext.NewWriter(&b)
	c.Collect(w)
	_ = w.Flush()
	return b.String()
}

func TestCgroupMemoryLikeCadvisor(t *testing.T) {
	out := collectString(fakeCgroup(t, "268435456"))
	for _, want := range []string{
		`container_memory_working_set_bytes{container="demo"} 700`,
		`container_spec_memory_limit_bytes{container="demo"} 2.68435456e+08`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if out := collectString(fakeCgroup(t, "9223372036854771712")); !strings.Contains(out, `container_spec_memory_limit_bytes{container="demo"} 0`+"\n") {
		t.Errorf("unlimited should be 0:\n%s", out)
	}
}

func TestCgroupMemoryAbsentWhenUnreadable(t *testing.T) {
	c := CgroupMemory{Root: filepath.Join(t.TempDir(), "none"), Proc: t.TempDir()}
	if out := collectString(c); out != "" {
		t.Fatalf("want no series, got\n%s", out)
	}
}

func fakeCPUCgroup(t *testing.T, quota string) CgroupCPU {
	t.Helper()
	dir := t.TempDir()
	proc, root := filepath.Join(dir, "proc"), filepath.Join(dir, "cpu")
	cg := filepath.Join(root, "gosre-demo")
	for p, s := range map[string]string{
		filepath.Join(proc, "self", "cgroup"):  "5:cpu,cpuacct:/gosre-demo\n4:memory:/a/gosre-demo\n0::/\n",
		filepath.Join(cg, "cpu.cfs_quota_us"):  quota + "\n",
		filepath.Join(cg, "cpu.cfs_period_us"): "100000\n",
		filepath.Join(cg, "cpu.stat"):          "nr_periods 120\nnr_throttled 30\nthrottled_time 2500000000\nnr_bursts 0\n",
	} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return CgroupCPU{Root: root, Proc: proc, Labels: []promtext.Label{{Name: "container", Value: "demo"}}}
}

func TestCgroupCPULikeCadvisor(t *testing.T) {
	out := collectString(fakeCPUCgroup(t, "200000"))
	for _, want := range []string{
		"# TYPE container_cpu_cfs_periods_total counter",
		`container_cpu_cfs_periods_total{container="demo"} 120`,
		`container_cpu_cfs_throttled_periods_total{container="demo"} 30`,
		`container_cpu_cfs_throttled_seconds_total{container="demo"} 2.5`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	// cAdvisor exports the CFS series only for a container with a quota.
	if out := collectString(fakeCPUCgroup(t, "-1")); out != "" {
		t.Errorf("no quota: want no series, got\n%s", out)
	}
	if out := collectString(CgroupCPU{Root: filepath.Join(t.TempDir(), "none"), Proc: t.TempDir()}); out != "" {
		t.Errorf("no cgroup: want no series, got\n%s", out)
	}
}
