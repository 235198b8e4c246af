# shellcheck shell=bash
# Process helpers for scripts/stack.sh: start in the background with a pidfile, check and stop
# by PID. A pidfile holds "PID EXE"; a PID counts as ours only while /proc/PID/exe is still
# that executable, so a recycled PID is never signalled. Nothing here kills by name.

# proc_alive PID EXE: PID is a live process running EXE (zombies have no exe: not alive).
proc_alive() {
  local pid=$1 exe=$2 real
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  real=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  real=${real% (deleted)} # the binary was rebuilt under the running process
  [[ $real == "$exe" ]]
}

# pidfile_read NAME: sets PF_PID and PF_EXE from the pidfile; fails when there is none.
pidfile_read() {
  local f="$RUN_DIR/$1.pid"
  PF_PID='' PF_EXE=''
  [[ -f $f ]] || return 1
  read -r PF_PID PF_EXE <"$f" || true
  [[ -n $PF_PID && -n $PF_EXE ]]
}

# component_pid NAME: prints the PID when NAME runs from our pidfile.
component_pid() {
  pidfile_read "$1" && proc_alive "$PF_PID" "$PF_EXE" && echo "$PF_PID"
}

# start_bg NAME LOG CGROUP_PROCS CMD...: runs CMD detached (own session, stdin from /dev/null,
# output appended to LOG), first moving itself into the cgroup when CGROUP_PROCS is a file path.
# The subshell writes its own PID ($BASHPID) and then execs, so the PID we record is CMD's.
start_bg() {
  local name=$1 log=$2 procs=$3 exe pid
  shift 3
  exe=$(readlink -f "$1")
  printf '=== %s start %s: %s\n' "$(date -u +%FT%TZ)" "$name" "$*" >>"$log"
  (
    if [[ -n $procs ]]; then
      echo "$BASHPID" >"$procs" || { echo "stack: could not join cgroup ($procs)" >&2; exit 97; }
    fi
    # setsid keeps the PID here (a background subshell is never a process-group leader) and
    # detaches from the caller's terminal signals; stop it with "stack.sh down".
    exec setsid "$@"
  ) </dev/null >>"$log" 2>&1 &
  pid=$!
  echo "$pid $exe" >"$RUN_DIR/$name.pid"
  # Give exec a moment, then make sure the PID really is CMD (exec failures show up here).
  local i
  for i in 1 2 3 4 5 6 7 8 9 10; do
    proc_alive "$pid" "$exe" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  proc_alive "$pid" "$exe"
}

# stop_component NAME: SIGTERM, then SIGKILL after STOP_TIMEOUT seconds; removes the pidfile.
stop_component() {
  local name=$1 i
  if ! pidfile_read "$name"; then
    return 0
  fi
  if proc_alive "$PF_PID" "$PF_EXE"; then
    say "stopping $name (pid $PF_PID)"
    kill -TERM "$PF_PID" 2>/dev/null || true
    for ((i = 0; i < STOP_TIMEOUT * 10; i++)); do
      proc_alive "$PF_PID" "$PF_EXE" || break
      sleep 0.1
    done
    if proc_alive "$PF_PID" "$PF_EXE"; then
      say "$name (pid $PF_PID) ignored SIGTERM for ${STOP_TIMEOUT}s: sending SIGKILL"
      kill -KILL "$PF_PID" 2>/dev/null || true
      for ((i = 0; i < 50; i++)); do
        proc_alive "$PF_PID" "$PF_EXE" || break
        sleep 0.1
      done
    fi
    if proc_alive "$PF_PID" "$PF_EXE"; then
      warn "$name (pid $PF_PID) is still running"
      return 1
    fi
  fi
  rm -f "$RUN_DIR/$name.pid"
}

# port_in_use PORT: something accepts TCP connections on 127.0.0.1:PORT.
port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
