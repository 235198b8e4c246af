#!/usr/bin/env bash
# Prints the size of every built module.js, raw and gzip-compressed (what a browser downloads).
# Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-40s %10s %10s\n' module.js bytes gzip
find dist -name module.js | sort | while read -r f; do
  printf '%-40s %10d %10d\n' "${f#dist/}" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"
done
