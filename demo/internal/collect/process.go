package collect

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"

	"gosre/demo/internal/promtext"
)

// userHZ is the kernel's clock tick for /proc times; fixed at 100 on Linux user space ABI,
// and prometheus/procfs assumes the same.
const userHZ = 100

// Process writes client_golang's process collector families from /proc/self. A file that
// cannot be read drops only the series derived from it.
type Process struct {
	Proc string // procfs mount, normally /proc
}

// Collect implements Collector.
func (p Process) Collect(w *promtext.Writer) {
	proc := p.Proc
	if proc == "" {
		proc = "/proc"
	}
	if st, err := readStat(proc + "/self/stat"); err == nil {
		w.Single("process_cpu_seconds_total", "Total user and system CPU time spent in seconds.", promtext.Counter,
			float64(st.utime+st.stime)/userHZ)
		w.Single("process_virtual_memory_bytes", "Virtual memory size in bytes.", promtext.Gauge, float64(st.vsize))
		w.Single("process_resident_memory_bytes", "Resident memory size in bytes.", promtext.Gauge,
			float64(st.rss)*float64(os.Getpagesize()))
		if btime, err := bootTime(proc + "/stat"); err == nil {
			w.Single("process_start_time_seconds", "Start time of the process since unix epoch in seconds.", promtext.Gauge,
				float64(btime)+float64(st.starttime)/userHZ)
		}
	}
	if fds, err := os.ReadDir(proc + "/self/fd"); err == nil {
		// ReadDir's own descriptor is closed before it returns, so it is not counted.
		w.Single("process_open_fds", "Number of open file descriptors.", promtext.Gauge, float64(len(fds)))
	}
	if lim, err := readLimits(proc + "/self/limits"); err == nil {
		if v, ok := lim["Max open files"]; ok {
			w.Single("process_max_fds", "Maximum number of open file descriptors.", promtext.Gauge, v)
		}
		if v, ok := lim["Max address space"]; ok {
			w.Single("process_virtual_memory_max_bytes", "Maximum amount of virtual memory available in bytes.", promtext.Gauge, v)
		}
	}
}

type procStat struct {
	utime, stime, starttime, vsize, rss uint64
}

// readStat parses /proc/self/stat. The command name may contain spaces and parentheses, so
// fields are counted from the last ')'.
func readStat(path string) (procStat, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return procStat{}, err
	}
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return procStat{}, os.ErrInvalid
	}
	f := strings.Fields(string(b[i+1:]))
	// f[0] is field 3 (state) of proc(5); field N is f[N-3].
	if len(f) < 22 {
		return procStat{}, os.ErrInvalid
	}
	var st procStat
	for _, x := range []struct {
		dst   *uint64
		field int
	}{{&st.utime, 14}, {&st.stime, 15}, {&st.starttime, 22}, {&st.vsize, 23}, {&st.rss, 24}} {
		v, err := strconv.ParseUint(f[x.field-3], 10, 64)
		if err != nil {
			return procStat{}, err
		}
		*x.dst = v
	}
	return st, nil
}

// bootTime reads "btime" (seconds since epoch) from /proc/stat.
func bootTime(path string) (uint64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if line := s.Text(); strings.HasPrefix(line, "btime ") {
			return strconv.ParseUint(strings.TrimSpace(line[len("btime "):]), 10, 64)
		}
	}
	return 0, os.ErrNotExist
}

// readLimits returns the soft limits of /proc/self/limits by name; "unlimited" becomes
// 2^64-1 as in prometheus/procfs, so the value matches what client_golang exports.
func readLimits(path string) (map[string]float64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]float64{}
	for _, line := range strings.Split(string(b), "\n")[1:] {
		// Columns are aligned: name is the first 26 characters, then soft, hard, units.
		if len(line) < 26 {
			continue
		}
		name := strings.TrimSpace(line[:26])
		fields := strings.Fields(line[26:])
		if len(fields) == 0 {
			continue
		}
		if fields[0] == "unlimited" {
			out[name] = float64(^uint64(0))
			continue
		}
		if v, err := strconv.ParseUint(fields[0], 10, 64); err == nil {
			out[name] = float64(v)
		}
	}
	return out, nil
}
