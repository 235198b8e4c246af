#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs static checks, unit tests,
# the production build, and the browser end-to-end tests against the real local stack.
set -euo pipefail
cd "$(dirname "$0")/.."

out=.test-results
rm -rf "$out" && mkdir -p "$out"

echo "== install (npm ci)"
npm ci --no-audit --no-fund

echo "== system packages (prometheus, golang-go, chromium)"
bash scripts/stack.sh install

echo "== demo service (go vet, go test)"
(cd demo && GOPROXY=off GOTOOLCHAIN=local go vet ./... && GOPROXY=off GOTOOLCHAIN=local go test ./...)

echo "== typecheck"
npm run --silent typecheck

echo "== lint"
npm run --silent lint

echo "== build"
npm run --silent build

echo "== unit and static tests (jest)"
unit_rc=0
npx jest --ci --maxWorkers 2 --json --outputFile "$out/jest.json" || unit_rc=$?

echo "== browser end-to-end tests (Playwright + Chromium, live Prometheus + demo service)"
e2e_rc=0
npx playwright test || e2e_rc=$?

node scripts/lib/summarize-tests.js "$out"
[ "$unit_rc" -eq 0 ] && [ "$e2e_rc" -eq 0 ]
