#!/usr/bin/env bash
# Refresh static/vendor/ from npm (build time only; the files are committed so `eventwire serve` needs no network).
#   d3 7.9.2 (ISC), topojson-client 3.1.0 (ISC), world-atlas 2.0.2 (ISC; Natural Earth 1:110m countries, public domain)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --ignore-scripts >/dev/null)
n="$work/node_modules"
v="$here/static/vendor"
mkdir -p "$v"
cp "$n/d3/dist/d3.min.js" "$v/" && cp "$n/d3/LICENSE" "$v/d3.LICENSE"
cp "$n/topojson-client/dist/topojson-client.min.js" "$v/" && cp "$n/topojson-client/LICENSE" "$v/topojson-client.LICENSE"
cp "$n/world-atlas/countries-110m.json" "$v/" && cp "$n/world-atlas/LICENSE" "$v/world-atlas.LICENSE"
du -sh "$v"
