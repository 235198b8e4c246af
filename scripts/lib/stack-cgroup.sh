# shellcheck shell=bash
# cgroup v1 memory helpers for scripts/stack.sh: a child memory cgroup with a limit, so the
# demo's container_* series have a real limit and a leak ends in a real kernel OOM kill.

CG_BASE=/sys/fs/cgroup/memory

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

# own_memory_cgroup: this process's memory cgroup path from /proc/self/cgroup ("/" if none).
own_memory_cgroup() {
  awk -F: '{ n = split($2, c, ","); for (i = 1; i <= n; i++) if (c[i] == "memory") { print $3; exit } }' /proc/self/cgroup
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
