#!/usr/bin/env bash
# The bundled site in Debian's Chromium (playwright-core) with axe-core:
# accessibility at phone and desktop widths in light and dark schemes,
# keyboard access, no off-origin requests; screenshots go to
# ./screenshots/ in the build directory. See tests/browser/site.test.js.
# Needs `npm ci` in the repository root and the chromium package; exits 77
# (skipped) without them.
# Usage: browser.sh AGORA_BINARY REPO_ROOT SHARED_DIR (cwd: build dir)
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
node "$root/tests/browser/site.test.js" "$work/site" "$PWD/screenshots"
