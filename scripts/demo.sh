#!/usr/bin/env bash
# The demo (README): the built plugin against a live Prometheus scraping the demo Go service, with
# its fault-injection API, in the host page (no Grafana server needed). Stays in the foreground;
# Ctrl-C stops everything it started (by PID). Users with Docker can run docker-compose.yaml instead.
set -euo pipefail
cd "$(dirname "$0")/.."

UI_PORT=${UI_PORT:-3001}
DEMO_PORT=${DEMO_PORT:-18080}
PROM_PORT=${PROM_PORT:-19090}
export DEMO_PORT PROM_PORT

[ -d node_modules ] || npm ci --no-audit --no-fund
# Stop at exit only what this run started: a stack that was already up stays up.
started_stack=1
bash scripts/stack.sh status >/dev/null 2>&1 && started_stack=''
bash scripts/stack.sh up
npm run --silent build
node tests/host/build.mjs

node tests/host/server.mjs --port "$UI_PORT" --ds-name "Go Stability" \
  --ds-url "http://127.0.0.1:$PROM_PORT" \
  --ds-json-data "{\"scrapeInterval\":\"1s\",\"pprofUrl\":\"http://127.0.0.1:$DEMO_PORT\"}" &
server=$!
stop() {
  kill "$server" 2>/dev/null || true
  [ -z "$started_stack" ] || bash scripts/stack.sh down
}
trap stop EXIT
trap 'exit 130' INT TERM

cat <<MSG

Go Stability demo
  dashboard     http://127.0.0.1:$UI_PORT/?dashboard
  Prometheus    http://127.0.0.1:$PROM_PORT
  demo service  http://127.0.0.1:$DEMO_PORT/metrics  (pprof: /debug/pprof/)
Inject a fault, e.g. a 30-second GC storm or memory growth toward the 256 MiB limit:
  curl -X POST 'http://127.0.0.1:$DEMO_PORT/control/faults/gc/on?duration=30s'
  curl -X POST 'http://127.0.0.1:$DEMO_PORT/control/faults/memgrow/on?rate_mib_s=4'
  curl http://127.0.0.1:$DEMO_PORT/control/faults      (all faults and their parameters)
Ctrl-C stops everything.
MSG
wait "$server"
