#!/usr/bin/env bash
# Issue 7 end to end with the bundled site:
#  - served at http://127.0.0.1:PORT/a/deep/prefix/, every href and src answers;
#  - two clean builds in different folders give the same manifest and bytes;
#  - an --offline build works from file:// in Chromium, three levels deep, search too;
#  - one edited document rewrites exactly the files that show it;
#  - --bundle writes a zip of the offline site linked from the home page.
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export NODE_PATH="$repo/node_modules"

copy_site() { mkdir -p "$1" && cp -r "$repo/site.yaml" "$repo/content" "$repo/data" "$1/"; }
copy_site "$work/s1"
copy_site "$work/s2"

"$agora" build --config "$work/s1/site.yaml" --out "$work/one" -q
node "$repo/tests/browser/http_crawl.js" "$work/one" /a/deep/prefix/

echo "-- determinism"
"$agora" build --config "$work/s2/site.yaml" --out "$work/two" -q
cmp "$work/one/manifest.json" "$work/two/manifest.json" || fail "manifests differ"
diff -r "$work/one" "$work/two" >/dev/null || fail "bytes differ"
echo "two builds: identical manifest.json and bytes ($(grep -c '"path"' "$work/one/manifest.json") files)"

echo "-- offline in Chromium"
"$agora" build --config "$work/s1/site.yaml" --out "$work/offline" --offline -q
node "$repo/tests/tools/crawl.js" "$work/offline" --offline
node "$repo/tests/browser/offline_browse.js" "$work/offline"

echo "-- rebuild after one edit"
node "$repo/tests/tools/rebuild_set.js" "$agora" "$work/s2" "$work/two" roundtables/hlp-roundtable-2-digital-help-desks

echo "-- offline bundle"
"$agora" build --config "$work/s1/site.yaml" --out "$work/bundled" --bundle -q
[[ -s "$work/bundled/agora-offline.zip" ]] || fail "no bundle"
grep -q 'href="agora-offline.zip"' "$work/bundled/index.html" || fail "home does not link the bundle"
mkdir "$work/unzipped" && (cd "$work/unzipped" && unzip -q "$work/bundled/agora-offline.zip")
node "$repo/tests/tools/crawl.js" "$work/unzipped" --offline
[[ -f "$work/unzipped/search/index.js" ]] || fail "bundle lacks search/index.js"
echo "mirrors: all checks passed"
