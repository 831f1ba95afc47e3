#!/usr/bin/env bash
# The clearing-house's pages in Debian's Chromium with axe-core: zero
# violations, charts with text alternatives, the dashboard's numbers equal
# to the counts of content/requests/. See tests/browser/support.test.js.
# Needs `npm ci` in the repository root and the chromium package; exits 77
# (skipped) without them.
# Usage: support_browser.sh AGORA_BINARY REPO_ROOT SHARED_DIR (cwd: build dir)
set -euo pipefail
agora="$1" root="$2"
if [ ! -d "$root/node_modules/playwright-core" ] || [ ! -d "$root/node_modules/axe-core" ]; then
  echo "skipped: run 'npm ci' in $root for playwright-core and axe-core" >&2
  exit 77
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "skipped: /usr/bin/chromium is missing (apt-get install chromium)" >&2
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$agora" build --config "$root/site.yaml" --out "$work/site" >/dev/null
node "$root/tests/browser/support.test.js" "$work/site" "$root"
