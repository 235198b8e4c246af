// Package cgroupv1 finds and reads the process's own cgroup v1 controller directories. It is
// shared by the cAdvisor-style collectors (which read) and the cpu_throttling fault (which
// writes its own group's CFS quota).
package cgroupv1

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Dir finds the directory of controller (e.g. "memory", "cpu") for this process: the path of
// the "N:ctrl[,ctrl...]:/path" line of proc/self/cgroup under root, the controller's mount.
// Inside a cgroup namespace the path is "/" or not visible under the mount, so it falls back
// to the mount root, which then is the process's own cgroup. probe is a file name that must
// exist in the directory (e.g. "memory.usage_in_bytes").
func Dir(root, proc, controller, probe string) (string, error) {
	rel, err := ControllerPath(filepath.Join(proc, "self/cgroup"), controller)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(root, rel)
	if _, err := os.Stat(filepath.Join(dir, probe)); err == nil {
		return dir, nil
	}
	if _, err := os.Stat(filepath.Join(root, probe)); err != nil {
		return "", err
	}
	return root, nil
}

// ControllerPath returns the cgroup path of controller from a /proc/PID/cgroup file. Co-mounted
// controllers ("4:cpu,cpuacct:/x") match too.
func ControllerPath(path, controller string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		parts := strings.SplitN(s.Text(), ":", 3)
		if len(parts) != 3 {
			continue
		}
		for _, ctrl := range strings.Split(parts[1], ",") {
			if ctrl == controller {
				return parts[2], nil
			}
		}
	}
	return "", os.ErrNotExist
}

// ReadUint reads a file holding one unsigned number.
func ReadUint(path string) (uint64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
}

// ReadInt reads a file holding one signed number (cpu.cfs_quota_us is -1 when unlimited).
func ReadInt(path string) (int64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
}

// StatValues reads the "key value" lines of a stat file (memory.stat, cpu.stat) into a map.
func StatValues(path string) (map[string]uint64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]uint64{}
	s := bufio.NewScanner(f)
	for s.Scan() {
		k, v, ok := strings.Cut(s.Text(), " ")
		if !ok {
			continue
		}
		if n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64); err == nil {
			out[k] = n
		}
	}
	return out, s.Err()
}
