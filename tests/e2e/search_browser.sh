#!/usr/bin/env bash
# Search in Debian's Chromium: the bundled site served under a sub-path, and
# an --offline build opened from file://.
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$agora" build --config "$repo/site.yaml" --out "$work/online" -q
"$agora" build --config "$repo/site.yaml" --out "$work/offline" --offline -q
NODE_PATH="$repo/node_modules" node "$repo/tests/browser/search_page.js" "$work/online" "$work/offline"
