#!/usr/bin/env bash
# Writes the distributable archive the plugin catalog expects: <id>-<version>.zip holding one folder
# named after the plugin id with dist/'s contents. Run after `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."

id=$(node -p 'require("./dist/plugin.json").id')
version=$(node -p 'require("./dist/plugin.json").info.version')
out=${1:-artifacts}
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

cp -r dist "$stage/$id"
mkdir -p "$out"
archive="$(cd "$out" && pwd)/$id-$version.zip"
rm -f "$archive"
(cd "$stage" && python3 -m zipfile -c "$archive" "$id")
echo "$archive"
