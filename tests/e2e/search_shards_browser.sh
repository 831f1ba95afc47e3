#!/usr/bin/env bash
# The search page on a sharded site, in Debian's Chromium: the bundled site
# built with a shard threshold below its index size, served under a sub-path
# and, as an --offline build, opened from file://. The expected first results
# must come while the page fetches the shard map, a few shards and document
# chunks, and never a whole index.
# Usage: search_shards_browser.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora=$1 repo=$2
if ! (cd "$repo" && node -e 'require.resolve("playwright-core")' 2>/dev/null); then
  echo "SKIP: playwright-core is not installed (npm ci in $repo)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/site"
cp -r "$repo/content" "$repo/data" "$work/site/"
[ -d "$repo/templates" ] && cp -r "$repo/templates" "$work/site/"
[ -d "$repo/themes" ] && cp -r "$repo/themes" "$work/site/"
sed 's/^  positions: false$/  positions: false\n  shards: {above: 1000, size: 4000, documents: 2}/' \
  "$repo/site.yaml" > "$work/site/site.yaml"
grep -q 'shards: {above: 1000' "$work/site/site.yaml"
"$agora" build --config "$work/site/site.yaml" --out "$work/online" -q
"$agora" build --config "$work/site/site.yaml" --out "$work/offline" --offline -q
test -f "$work/online/search/shards.json" && test ! -e "$work/online/search/index.json"
test -f "$work/offline/search/shards.js" && test ! -e "$work/offline/search/shards.json"
echo "sharded: $(ls "$work/online/search" | grep -c '^shard-') shards," \
  "$(ls "$work/online/search" | grep -c '^docs-.*json$') document chunks"
NODE_PATH="$repo/node_modules" node "$repo/tests/browser/search_shards.js" "$work/online" "$work/offline"
