# shellcheck shell=bash
# cgroup v1 helpers for scripts/stack.sh: a child memory cgroup with a limit, so the demo's
# container_* series have a real limit and a leak ends in a real kernel OOM kill; and a child
# cpu cgroup with a CFS quota, so the CFS throttling series exist and the demo's cpu_throttling
# fault can lower its own quota.

CG_BASE=/sys/fs/cgroup/memory
CPU_CG_BASE=/sys/fs/cgroup/cpu

# parse_bytes SIZE: prints bytes for 268435456, 512K, 256M, 256Mi, 1G, 1GiB...
parse_bytes() {
  local v=${1^^}
  [[ $v =~ ^([0-9]+)([KMGT]?)(I?B?)$ ]] || return 1
  local n=${BASH_REMATCH[1]}
  case ${BASH_REMATCH[2]} in
  K) n=$((n << 10)) ;;
  M) n=$((n << 20)) ;;
  G) n=$((n << 30)) ;;
  T) n=$((n << 40)) ;;
  esac
  echo "$n"
}

# own_cgroup CONTROLLER: this process's cgroup path of CONTROLLER from /proc/self/cgroup.
own_cgroup() {
  awk -F: -v want="$1" '{ n = split($2, c, ","); for (i = 1; i <= n; i++) if (c[i] == want) { print $3; exit } }' /proc/self/cgroup
}

# own_memory_cgroup: this process's memory cgroup path from /proc/self/cgroup ("/" if none).
own_memory_cgroup() {
  own_cgroup memory
}

# parse_cpu_quota CPUS PERIOD_US: prints the cfs_quota_us for CPUS (2, 0.5, 1.25) per period,
# or -1 for "unlimited"/"-1"; fails on anything else or below the kernel's 1 ms minimum.
parse_cpu_quota() {
  local v=${1,,} period=$2
  case $v in
  unlimited | -1)
    echo -1
    return 0
    ;;
  esac
  [[ $v =~ ^[0-9]+([.][0-9]+)?$ ]] || return 1
  awk -v c="$v" -v p="$period" 'BEGIN { q = int(c * p); if (q < 1000) exit 1; print q }'
}

# cpu_cgroup_prepare NAME CPUS: creates (or reuses an empty leftover) NAME under our own cpu
# cgroup, else under the root, with a CFS quota of CPUS ("unlimited": none). Sets CPU_CG_DIR,
# or CPU_CG_WHY and fails.
# shellcheck disable=SC2034 # CPU_CG_DIR and CPU_CG_WHY are read by the caller
cpu_cgroup_prepare() {
  local name=$1 cpus=$2 own parent dir created period quota
  CPU_CG_DIR='' CPU_CG_WHY=''
  if [[ ! -f $CPU_CG_BASE/cgroup.procs || ! -f $CPU_CG_BASE/cpu.cfs_quota_us ]]; then
    CPU_CG_WHY="no cgroup v1 cpu controller with CFS bandwidth mounted at $CPU_CG_BASE"
    return 1
  fi
  own=$(own_cgroup cpu || true)
  own=${own%/}
  for parent in "$CPU_CG_BASE$own" "$CPU_CG_BASE"; do
    [[ -d $parent ]] || continue
    dir="$parent/$name"
    created=''
    if [[ -d $dir ]]; then
      if [[ -s $dir/cgroup.procs ]]; then
        CPU_CG_WHY="$dir already holds processes that are not ours"
        continue
      fi
    elif mkdir "$dir" 2>/dev/null; then
      created=1
    else
      CPU_CG_WHY="cannot create $dir"
      continue
    fi
    period=$(<"$dir/cpu.cfs_period_us")
    if quota=$(parse_cpu_quota "$cpus" "$period") && echo "$quota" >"$dir/cpu.cfs_quota_us" 2>/dev/null; then
      CPU_CG_DIR=$dir
      return 0
    fi
    CPU_CG_WHY="cannot set cpu.cfs_quota_us to '$cpus' CPUs in $dir"
    [[ -z $created ]] || rmdir "$dir" 2>/dev/null || true
    [[ $parent != "$CPU_CG_BASE" ]] || break
  done
  [[ -n $CPU_CG_WHY ]] || CPU_CG_WHY="no usable parent cpu cgroup"
  return 1
}

# cgroup_join DIR PID: moves PID (all its threads) into the cgroup v1 group DIR.
cgroup_join() {
  echo "$2" >"$1/cgroup.procs" 2>/dev/null
}

# cpu_cgroup_summary DIR: "quota Q/P us, throttled T of N periods" for status.
cpu_cgroup_summary() {
  local dir=$1
  printf 'quota %s/%s us, ' "$(<"$dir/cpu.cfs_quota_us")" "$(<"$dir/cpu.cfs_period_us")"
  awk '$1 == "nr_periods" { n = $2 } $1 == "nr_throttled" { t = $2 } END { printf "throttled %d of %d periods\n", t, n }' "$dir/cpu.stat" 2>/dev/null || echo
}

# cgroup_set_limit DIR BYTES: sets memory (and memory+swap, when accounted) limits.
cgroup_set_limit() {
  local dir=$1 bytes=$2 got
  if [[ -f $dir/memory.memsw.limit_in_bytes ]]; then
    # memsw may never be below the memory limit: lift it first, lower it after.
    echo -1 >"$dir/memory.memsw.limit_in_bytes" 2>/dev/null || return 1
  fi
  echo "$bytes" >"$dir/memory.limit_in_bytes" 2>/dev/null || return 1
  if [[ -f $dir/memory.memsw.limit_in_bytes ]]; then
    echo "$bytes" >"$dir/memory.memsw.limit_in_bytes" 2>/dev/null || return 1
  fi
  got=$(<"$dir/memory.limit_in_bytes")
  [[ $got == "$bytes" ]] || warn "cgroup limit reads back as $got (asked $bytes; the kernel rounds to pages)"
}

# cgroup_prepare NAME BYTES: creates (or reuses an empty leftover) NAME under our own memory
# cgroup, else under the root, and sets the limit. Sets CG_DIR, or CG_WHY and fails.
# shellcheck disable=SC2034 # CG_DIR and CG_WHY are read by the caller
cgroup_prepare() {
  local name=$1 bytes=$2 own parent dir created
  CG_DIR='' CG_WHY=''
  if [[ ! -f $CG_BASE/cgroup.procs || ! -f $CG_BASE/memory.limit_in_bytes ]]; then
    CG_WHY="no cgroup v1 memory controller mounted at $CG_BASE"
    return 1
  fi
  own=$(own_memory_cgroup || true)
  own=${own%/}
  for parent in "$CG_BASE$own" "$CG_BASE"; do
    [[ -d $parent ]] || continue
    dir="$parent/$name"
    created=''
    if [[ -d $dir ]]; then
      if [[ -s $dir/cgroup.procs ]]; then
        CG_WHY="$dir already holds processes that are not ours"
        continue
      fi
    elif mkdir "$dir" 2>/dev/null; then
      created=1
    else
      CG_WHY="cannot create $dir"
      continue
    fi
    if cgroup_set_limit "$dir" "$bytes"; then
      CG_DIR=$dir
      return 0
    fi
    CG_WHY="cannot set memory.limit_in_bytes in $dir"
    [[ -z $created ]] || rmdir "$dir" 2>/dev/null || true
    [[ $parent != "$CG_BASE" ]] || break
  done
  [[ -n $CG_WHY ]] || CG_WHY="no usable parent memory cgroup"
  return 1
}

# cgroup_remove DIR: signals any PID still inside (only what we put there), then rmdir.
cgroup_remove() {
  local dir=$1 pid i
  [[ -d $dir ]] || return 0
  while read -r pid; do
    warn "pid $pid is still in $dir: sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  done < <(cat "$dir/cgroup.procs" 2>/dev/null || true)
  # The kernel may need a moment after the last task exits before rmdir succeeds.
  for ((i = 0; i < 50; i++)); do
    rmdir "$dir" 2>/dev/null && return 0
    sleep 0.1
  done
  warn "could not remove $dir"
  return 1
}

# cgroup_oom_kills DIR: prints the oom_kill counter (kernel >= 4.13), or nothing.
cgroup_oom_kills() {
  awk '$1 == "oom_kill" { print $2 }' "$1/memory.oom_control" 2>/dev/null || true
}
