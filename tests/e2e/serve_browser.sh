#!/usr/bin/env bash
# agora serve in Debian's Chromium: a page reloads itself after an edit, the
# error overlay comes and goes. See tests/browser/live_reload.test.js.
# Exits 77 (skipped) without node_modules or chromium.
# Usage: serve_browser.sh AGORA_BINARY REPO_ROOT SHARED_DIR (cwd: build dir)
set -euo pipefail
agora="$1" root="$2"
if [ ! -d "$root/node_modules/playwright-core" ]; then
  echo "skipped: run 'npm ci' in $root for playwright-core" >&2
  exit 77
fi
if [ ! -x /usr/bin/chromium ]; then
  echo "skipped: /usr/bin/chromium is missing (apt-get install chromium)" >&2
  exit 77
fi
NODE_PATH="$root/node_modules" node "$root/tests/browser/live_reload.test.js" "$agora" \
  "$root/tests/fixtures/site" "$PWD/screenshots"
