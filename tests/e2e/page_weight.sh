#!/usr/bin/env bash
# Page-weight budgets on the bundled site: CSS under 12 KB, the median
# document page under 25 KB of HTML (largest under 64 KB), no script outside
# search/, nothing loaded from another origin. See tests/browser/page_weight.js.
# Usage: page_weight.sh AGORA_BINARY REPO_ROOT SHARED_DIR (cwd: build dir)
set -euo pipefail
agora="$1" root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$agora" build --config "$root/site.yaml" --out "$work/site" >/dev/null
node "$root/tests/browser/page_weight.js" "$work/site"
