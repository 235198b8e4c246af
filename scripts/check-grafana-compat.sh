#!/usr/bin/env bash
# Checks every plugin entry against an older Grafana's @grafana/* APIs (levitate compares the
# exported types), to keep plugin.json's grafanaDependency honest. Usage: check-grafana-compat.sh 11.0.0
set -euo pipefail
cd "$(dirname "$0")/.."
version=${1:?usage: $0 GRAFANA_VERSION}
targets="@grafana/data@$version,@grafana/ui@$version,@grafana/runtime@$version"
status=0
for entry in src/module.tsx src/datasource/module.ts src/panels/spike-cause/module.ts src/panels/oom-countdown/module.ts; do
  if npx -y @grafana/levitate@0.17.2 is-compatible --path "$entry" --target "$targets" > /tmp/levitate.$$ 2>&1; then
    echo "ok    $entry with Grafana $version"
  else
    echo "FAIL  $entry with Grafana $version"; grep -vE '^(🔍|✔|\[|-|$)' /tmp/levitate.$$ | head -20
    status=1
  fi
done
rm -f /tmp/levitate.$$
exit $status
