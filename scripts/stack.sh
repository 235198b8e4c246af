#!/usr/bin/env bash
# Local stack for development, tests and demos, all on loopback:
#   demo        the Go demo service (demo/), inside its own cgroup v1 memory limit and cpu
#               (CFS quota) groups when possible
#   prometheus  Debian's /usr/bin/prometheus scraping the demo (job "demo") and itself
#   loadgen     constant-rate requests to the demo's /api/work
# Usage: scripts/stack.sh install | up | down | status   (install: only the Debian packages)
# State (pids, logs, prometheus.yml, TSDB, binaries) lives in .stack/ at the repo root.
# Everything is started and stopped by PID, never by name.
#
# Environment (read by "up"; "down" and "status" use what "up" recorded):
#   DEMO_PORT (18080)  PROM_PORT (19090)  SCRAPE_INTERVAL (1s)  LOAD_RPS (50; 0 = no load)
#   DEMO_MEMORY_LIMIT (256M; "none" = no cgroup)  UP_TIMEOUT (60 s)  STOP_TIMEOUT (5 s)
#   DEMO_CPU_QUOTA (2 CPUs, e.g. 1.5; "unlimited" = cpu group without quota; "none" = no cpu group)
#   KEEP_TSDB=1 keeps Prometheus data from the previous run (default: start empty)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STACK_DIR=$ROOT/.stack
BIN_DIR=$STACK_DIR/bin
LOG_DIR=$STACK_DIR/logs
RUN_DIR=$STACK_DIR/run
PROM_BIN=/usr/bin/prometheus
COMPONENTS=(demo prometheus loadgen)

say() { printf 'stack: %s\n' "$*"; }
warn() { printf 'stack: warning: %s\n' "$*" >&2; }
die() {
  printf 'stack: error: %s\n' "$*" >&2
  exit 1
}

# shellcheck source=scripts/lib/stack-proc.sh
. "$ROOT/scripts/lib/stack-proc.sh"
# shellcheck source=scripts/lib/stack-cgroup.sh
. "$ROOT/scripts/lib/stack-cgroup.sh"

STOP_TIMEOUT=${STOP_TIMEOUT:-5}
UP_TIMEOUT=${UP_TIMEOUT:-60}

# load_config: the settings a running stack was started with win over the environment, so
# "down"/"status" (and a repeated "up") talk to the right ports.
load_config() {
  DEMO_PORT=${DEMO_PORT:-18080}
  PROM_PORT=${PROM_PORT:-19090}
  SCRAPE_INTERVAL=${SCRAPE_INTERVAL:-1s}
  LOAD_RPS=${LOAD_RPS:-50}
  DEMO_MEMORY_LIMIT=${DEMO_MEMORY_LIMIT:-256M}
  DEMO_CPU_QUOTA=${DEMO_CPU_QUOTA:-2}
  if [[ -f $RUN_DIR/config ]]; then
    # shellcheck disable=SC1091
    . "$RUN_DIR/config"
  fi
}

save_config() {
  printf 'DEMO_PORT=%q\nPROM_PORT=%q\nSCRAPE_INTERVAL=%q\nLOAD_RPS=%q\nDEMO_MEMORY_LIMIT=%q\nDEMO_CPU_QUOTA=%q\n' \
    "$DEMO_PORT" "$PROM_PORT" "$SCRAPE_INTERVAL" "$LOAD_RPS" "$DEMO_MEMORY_LIMIT" "$DEMO_CPU_QUOTA" >"$RUN_DIR/config"
}

any_running() {
  local c
  for c in "${COMPONENTS[@]}"; do
    component_pid "$c" >/dev/null && return 0
  done
  return 1
}

# ---------------------------------------------------------------------------------------------
# Installing and building

ensure_packages() {
  local missing=()
  command -v go >/dev/null || missing+=(golang-go)
  [[ -x $PROM_BIN ]] || missing+=(prometheus)
  command -v chromium >/dev/null || missing+=(chromium fonts-liberation) # the browser tests need it
  command -v curl >/dev/null || missing+=(curl)
  command -v setsid >/dev/null || missing+=(util-linux)
  ((${#missing[@]})) || return 0
  [[ $(id -u) == 0 ]] || die "missing packages (${missing[*]}); run as root or install them with apt-get"
  say "installing with apt-get: ${missing[*]}"
  # Debian's prometheus package would start its own service on :9090; a policy-rc.d that denies
  # service starts keeps the install from launching daemons (ours run on their own port anyway).
  local policy=/usr/sbin/policy-rc.d made_policy=''
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
  fi
  local rc=0
  {
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  } </dev/null || rc=$?
  [[ -z $made_policy ]] || rm -f "$policy"
  ((rc == 0)) || die "apt-get failed (exit $rc) installing: ${missing[*]}"
}

build_demo() {
  local v
  v=$(go env GOVERSION 2>/dev/null || true)
  [[ $v =~ ^go1\.(19|[2-9][0-9])([.]|$) ]] || die "the demo needs Go >= 1.19; found '${v:-no go}'"
  # No module downloads: the demo is standard library only, and nothing but local is wanted.
  export GOPROXY=off GOTOOLCHAIN=local
  if [[ -z ${HOME:-} || ! -w ${HOME:-/nonexistent} ]]; then
    export GOCACHE=$STACK_DIR/cache/go-build GOPATH=$STACK_DIR/cache/gopath
  fi
  say "building demo ($v)"
  (cd "$ROOT/demo" && go build -o "$BIN_DIR/" ./cmd/...) || die "go build failed"
}

# ---------------------------------------------------------------------------------------------
# Starting

# wait_http URL SECONDS: until URL answers 2xx.
wait_http() {
  local url=$1 deadline=$((SECONDS + $2))
  while ((SECONDS < deadline)); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 0.2
  done
  return 1
}

log_tail() {
  printf -- '--- last lines of %s ---\n' "$1" >&2
  tail -n 20 "$1" >&2 || true
}

# STARTED lists what this invocation started, so a failed "up" stops exactly that.
STARTED=()
fail_up() {
  local c
  printf 'stack: error: %s\n' "$*" >&2
  for c in "${STARTED[@]}"; do
    stop_component "$c" || true
  done
  if [[ " ${STARTED[*]} " == *" demo "* && -f $RUN_DIR/cgroup ]]; then
    cgroup_remove "$(<"$RUN_DIR/cgroup")" && rm -f "$RUN_DIR/cgroup"
  fi
  if [[ " ${STARTED[*]} " == *" demo "* && -f $RUN_DIR/cgroup-cpu ]]; then
    cgroup_remove "$(<"$RUN_DIR/cgroup-cpu")" && rm -f "$RUN_DIR/cgroup-cpu"
  fi
  exit 1
}

check_port_free() {
  ! port_in_use "$2" || fail_up "port $2 for $1 is already in use by a process this script did not start (another Prometheus? set ${3}=...)"
}

start_demo() {
  local procs='' bytes='' name=gosre-demo log=$LOG_DIR/demo.log cpu_dir=''
  check_port_free demo "$DEMO_PORT" DEMO_PORT
  [[ $DEMO_PORT == 18080 ]] || name=gosre-demo-$DEMO_PORT # a second stack must not share them
  if [[ ${DEMO_CPU_QUOTA,,} != none ]] && ! parse_cpu_quota "$DEMO_CPU_QUOTA" 100000 >/dev/null; then
    fail_up "DEMO_CPU_QUOTA='$DEMO_CPU_QUOTA' is not a number of CPUs like 2 or 0.5 (or unlimited, none)"
  fi
  if [[ ${DEMO_MEMORY_LIMIT,,} != none && $DEMO_MEMORY_LIMIT != 0 ]]; then
    bytes=$(parse_bytes "$DEMO_MEMORY_LIMIT") || fail_up "DEMO_MEMORY_LIMIT='$DEMO_MEMORY_LIMIT' is not a size like 256M"
    if cgroup_prepare "$name" "$bytes"; then
      echo "$CG_DIR" >"$RUN_DIR/cgroup"
      procs=$CG_DIR/cgroup.procs
      say "demo memory cgroup: $CG_DIR (limit $bytes bytes)"
    else
      warn "memory cgroup not usable ($CG_WHY): starting the demo WITHOUT a memory limit"
    fi
  else
    say "DEMO_MEMORY_LIMIT=$DEMO_MEMORY_LIMIT: starting the demo without a memory cgroup"
  fi
  if [[ ${DEMO_CPU_QUOTA,,} != none ]]; then
    if cpu_cgroup_prepare "$name" "$DEMO_CPU_QUOTA"; then
      cpu_dir=$CPU_CG_DIR
      echo "$cpu_dir" >"$RUN_DIR/cgroup-cpu"
      say "demo cpu cgroup: $cpu_dir (quota $DEMO_CPU_QUOTA CPUs: $(<"$cpu_dir/cpu.cfs_quota_us")/$(<"$cpu_dir/cpu.cfs_period_us") us)"
    else
      warn "cpu cgroup not usable ($CPU_CG_WHY): starting the demo WITHOUT a CFS quota (no throttling series, no cpu_throttling fault)"
    fi
  fi
  STARTED+=(demo)
  start_bg demo "$log" "$procs" "$BIN_DIR/demo" -addr "127.0.0.1:$DEMO_PORT" ||
    { log_tail "$log"; fail_up "the demo did not start"; }
  wait_http "http://127.0.0.1:$DEMO_PORT/debug/stability" "$UP_TIMEOUT" ||
    { log_tail "$log"; fail_up "the demo did not answer on 127.0.0.1:$DEMO_PORT within ${UP_TIMEOUT}s"; }
  if [[ -n $procs ]]; then
    grep -qx "$(component_pid demo)" "$procs" || fail_up "the demo is not in $CG_DIR"
  fi
  # start_bg joins one group before exec; the cpu group is joined right after (all threads move).
  if [[ -n $cpu_dir ]]; then
    if ! cgroup_join "$cpu_dir" "$(component_pid demo)" || ! grep -qx "$(component_pid demo)" "$cpu_dir/cgroup.procs"; then
      fail_up "could not move the demo into $cpu_dir"
    fi
  fi
  say "demo up (pid $(component_pid demo))"
}

write_prometheus_config() {
  # scrape_timeout must not exceed the interval; the demo answers in milliseconds.
  cat >"$STACK_DIR/prometheus.yml" <<EOF
# Generated by scripts/stack.sh; edits are overwritten on the next "up".
global:
  scrape_interval: 5s
  scrape_timeout: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: demo
    scrape_interval: $SCRAPE_INTERVAL
    scrape_timeout: $SCRAPE_INTERVAL
    static_configs:
      - targets: ['127.0.0.1:$DEMO_PORT']
  - job_name: prometheus
    static_configs:
      - targets: ['127.0.0.1:$PROM_PORT']
EOF
}

start_prometheus() {
  local log=$LOG_DIR/prometheus.log
  check_port_free prometheus "$PROM_PORT" PROM_PORT
  write_prometheus_config
  # A fresh TSDB per Prometheus start: samples of an earlier run (other ports, no cgroup) would
  # otherwise show up in queries for the 5 minute lookback, since shutdown writes no staleness
  # markers. KEEP_TSDB=1 keeps the history.
  [[ ${KEEP_TSDB:-0} == 1 ]] || rm -rf "$STACK_DIR/prometheus"
  mkdir -p "$STACK_DIR/prometheus"
  STARTED+=(prometheus)
  start_bg prometheus "$log" '' "$PROM_BIN" \
    --config.file="$STACK_DIR/prometheus.yml" \
    --storage.tsdb.path="$STACK_DIR/prometheus" \
    --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PROM_PORT" ||
    { log_tail "$log"; fail_up "prometheus did not start"; }
  wait_http "http://127.0.0.1:$PROM_PORT/-/ready" "$UP_TIMEOUT" ||
    { log_tail "$log"; fail_up "prometheus was not ready on 127.0.0.1:$PROM_PORT within ${UP_TIMEOUT}s"; }
  say "prometheus up (pid $(component_pid prometheus))"
}

start_loadgen() {
  local log=$LOG_DIR/loadgen.log
  STARTED+=(loadgen)
  start_bg loadgen "$log" '' "$BIN_DIR/loadgen" -target "http://127.0.0.1:$DEMO_PORT" -rps "$LOAD_RPS" ||
    { log_tail "$log"; fail_up "the load generator did not start"; }
  say "loadgen up (pid $(component_pid loadgen), $LOAD_RPS rps)"
}

# wait_demo_target SINCE: until Prometheus has scraped the demo successfully at or after the
# epoch second SINCE (so a sample from before a demo restart does not count).
wait_demo_target() {
  local deadline=$((SECONDS + UP_TIMEOUT)) body='' q="up{job=\"demo\"} == 1 and timestamp(up{job=\"demo\"}) >= $1"
  while ((SECONDS < deadline)); do
    body=$(curl -fsS --max-time 2 "http://127.0.0.1:$PROM_PORT/api/v1/query" \
      --data-urlencode "query=$q" 2>/dev/null || true)
    [[ $body =~ \"value\":\[[0-9.e+]+,\"1\"\] ]] && return 0
    sleep 0.5
  done
  fail_up "Prometheus did not report up{job=\"demo\"} == 1 within ${UP_TIMEOUT}s (last answer: ${body:-none}; see $LOG_DIR/prometheus.log)"
}

print_urls() {
  cat <<EOF
stack: demo        http://127.0.0.1:$DEMO_PORT  (/metrics /debug/stability /debug/pprof/ /control/faults)
stack: prometheus  http://127.0.0.1:$PROM_PORT
stack: faults      curl -X POST 'http://127.0.0.1:$DEMO_PORT/control/faults/gc/on?duration=30s'
stack: logs        $LOG_DIR/
EOF
}

cmd_up() {
  mkdir -p "$BIN_DIR" "$LOG_DIR" "$RUN_DIR"
  if any_running; then
    # Keep the recorded settings: the running pieces use them.
    load_config
  else
    rm -f "$RUN_DIR/config"
    load_config
  fi
  local want=(demo prometheus)
  [[ $LOAD_RPS == 0 ]] || want+=(loadgen)
  local c missing=()
  for c in "${want[@]}"; do
    component_pid "$c" >/dev/null || missing+=("$c")
  done
  if ((${#missing[@]} == 0)); then
    say "already up (with the settings it was started with; \"down\" first to change them)"
    print_urls
    return 0
  fi
  # Ports first: fail before building or starting anything.
  for c in "${missing[@]}"; do
    case $c in
    demo) check_port_free demo "$DEMO_PORT" DEMO_PORT ;;
    prometheus) check_port_free prometheus "$PROM_PORT" PROM_PORT ;;
    esac
  done
  save_config
  ensure_packages
  build_demo
  local since
  since=$(date +%s)
  for c in "${missing[@]}"; do
    "start_$c"
  done
  wait_demo_target "$since"
  say "Prometheus scrapes the demo (up{job=\"demo\"} == 1)"
  print_urls
}

cmd_down() {
  load_config
  local c rc=0
  # Load first so it does not hammer a stopping demo; Prometheus last-scrapes nothing of value.
  for c in loadgen prometheus demo; do
    stop_component "$c" || rc=1
  done
  local f
  for f in cgroup cgroup-cpu; do
    [[ -f $RUN_DIR/$f ]] || continue
    if cgroup_remove "$(<"$RUN_DIR/$f")"; then
      rm -f "$RUN_DIR/$f"
    else
      rc=1
    fi
  done
  ((rc == 0)) && rm -f "$RUN_DIR/config"
  say "down"
  return "$rc"
}

cmd_status() {
  load_config
  local c pid all=0 cg='' cpu_cg=''
  [[ -f $RUN_DIR/cgroup ]] && cg=$(<"$RUN_DIR/cgroup")
  [[ -f $RUN_DIR/cgroup-cpu ]] && cpu_cg=$(<"$RUN_DIR/cgroup-cpu")
  for c in "${COMPONENTS[@]}"; do
    if [[ $c == loadgen && $LOAD_RPS == 0 ]] && ! pidfile_read loadgen; then
      printf 'stack: %-10s off (LOAD_RPS=0)\n' "$c"
    elif pid=$(component_pid "$c"); then
      printf 'stack: %-10s running  pid %s\n' "$c" "$pid"
    else
      all=1
      if pidfile_read "$c"; then
        printf 'stack: %-10s DEAD     (was pid %s; see %s/%s.log)\n' "$c" "$PF_PID" "$LOG_DIR" "$c"
      else
        printf 'stack: %-10s stopped\n' "$c"
      fi
    fi
  done
  if [[ -n $cg && -d $cg ]]; then
    printf 'stack: cgroup     %s  limit %s  usage %s  oom_kills %s\n' "$cg" \
      "$(<"$cg/memory.limit_in_bytes")" "$(<"$cg/memory.usage_in_bytes")" "$(cgroup_oom_kills "$cg")"
  fi
  if [[ -n $cpu_cg && -d $cpu_cg ]]; then
    printf 'stack: cpu group  %s  %s\n' "$cpu_cg" "$(cpu_cgroup_summary "$cpu_cg")"
  fi
  ((all == 0)) && print_urls
  return $((all == 0 ? 0 : 3))
}

case ${1:-} in
install) ensure_packages ;;
up) cmd_up ;;
down) cmd_down ;;
status) cmd_status ;;
*)
  echo "usage: $0 install|up|down|status" >&2
  exit 2
  ;;
esac
