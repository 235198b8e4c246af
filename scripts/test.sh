#!/usr/bin/env bash
# The one test command (README): installs what the tests need, then runs static checks, unit tests,
# the production build, and the browser end-to-end tests against the real local stack.
set -euo pipefail
cd "$(dirname "$0")/.."

out=.test-results
rm -rf "$out" && mkdir -p "$out"

echo "== install (npm ci)"
npm ci --no-audit --no-fund

echo "== typecheck"
npm run --silent typecheck

echo "== lint"
npm run --silent lint

echo "== unit tests (jest)"
unit_rc=0
npx jest --ci --maxWorkers 2 --json --outputFile "$out/jest.json" || unit_rc=$?

echo "== build"
npm run --silent build

node scripts/lib/summarize-tests.js "$out"
exit "$unit_rc"
