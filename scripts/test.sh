#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs static checks, unit tests,
# the production build, and the browser end-to-end tests against the real local stack.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each section's wall time, so the figures in notes and docs come from the real run.
section() {
  [ -z "${section_name:-}" ] || echo "-- $section_name took $((SECONDS - section_start)) s"
  section_name=$1 section_start=$SECONDS
  echo "== $1"
}

out=.test-results
rm -rf "$out" && mkdir -p "$out"

section "install (npm ci)"
npm ci --no-audit --no-fund

section "system packages (prometheus, golang-go, chromium)"
bash scripts/stack.sh install

section "demo service (go vet, go test)"
(cd demo && GOPROXY=off GOTOOLCHAIN=local go vet ./... && GOPROXY=off GOTOOLCHAIN=local go test ./...)

section "typecheck"
npm run --silent typecheck

section "lint"
npm run --silent lint

section "build"
npm run --silent build

section "unit and static tests (jest)"
unit_rc=0
npx jest --ci --maxWorkers 2 --json --outputFile "$out/jest.json" || unit_rc=$?

section "browser end-to-end tests (Playwright + Chromium, live Prometheus + demo service)"
e2e_rc=0
npx playwright test || e2e_rc=$?

section "summary"
bash scripts/bundle-size.sh
echo "total $SECONDS s"
node scripts/lib/summarize-tests.js "$out"
[ "$unit_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ]
