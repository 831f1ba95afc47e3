#!/usr/bin/env bash
# The foundation's promises, end to end, with the real binary:
#  - the fixture site builds, with a page per document, listing and term;
#  - every relative href/src of every page resolves (crawl.js), also offline;
#  - two builds in different folders give byte-identical output;
#  - a build with an error exits 1, names file:line:col, and leaves the
#    previous output untouched.
set -euo pipefail
agora=$1 repo=$2
fixture="$repo/tests/fixtures/site"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Builds run from a copy so the cache folder stays out of the source tree.
cp -r "$fixture" "$work/site"
"$agora" build --config "$work/site/site.yaml" --out "$work/a" | tee "$work/build.log"
grep -Eq '^agora build: [0-9]+ pages' "$work/build.log" || fail "no summary line"

for f in index.html 404.html sitemap.xml feed.xml robots.txt manifest.json css/site.css \
         notes/index.html notes/page/2/index.html notes/first-session/index.html \
         notes/second-session/index.html notes/third-session/index.html \
         guides/needs-assessment/index.html organizations/itu/index.html organizations/undp/index.html \
         themes/index.html themes/skills/index.html themes/inclusion/index.html \
         themes/connectivity/index.html countries/index.html countries/gh/index.html \
         countries/ug/index.html notes/img/map.svg search/index.html; do
  [[ -f "$work/a/$f" ]] || fail "missing $f"
done
[[ ! -e "$work/a/notes/unfinished" ]] || fail "a draft was published"
[[ ! -e "$work/a/notes/page/3" ]] || fail "one page too many"
grep -q 'href="../../organizations/itu/"' "$work/a/notes/first-session/index.html" || fail "link not rewritten"
grep -q 'href="../../guides/needs-assessment/#questions"' "$work/a/notes/first-session/index.html" || fail "anchor link not rewritten"
grep -q '<title>Digital skills' "$work/a/themes/skills/index.html" || fail "term page title"
grep -q 'First session of the help desk roundtable' "$work/a/organizations/itu/index.html" || fail "relation missing on the organization page"
node "$repo/tests/tools/crawl.js" "$work/a"

echo "-- offline build"
"$agora" build --config "$work/site/site.yaml" --out "$work/offline" --offline >/dev/null
node "$repo/tests/tools/crawl.js" "$work/offline" --offline

echo "-- determinism: a second build in another folder"
cp -r "$fixture" "$work/site2"
"$agora" build --config "$work/site2/site.yaml" --out "$work/b" >/dev/null
diff -r "$work/a" "$work/b" || fail "two builds differ"
echo "identical: $(find "$work/a" -type f | wc -l) files"

echo "-- a broken document leaves the output untouched"
before=$(cd "$work/a" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
cat > "$work/site/content/notes/broken.md" <<'DOC'
---
title: Broken
date: 2021-01-01
summary: Uses a theme that does not exist.
themes: [skils]
---
Body.
DOC
if "$agora" build --config "$work/site/site.yaml" --out "$work/a" 2> "$work/err.log"; then
  fail "build with an error exited 0"
fi
cat "$work/err.log"
grep -q 'content/notes/broken.md:5:10: error\[unknown-term\]' "$work/err.log" || fail "no file:line:col"
after=$(cd "$work/a" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
[[ "$before" == "$after" ]] || fail "output changed after a failed build"
[[ ! -e "$work/a.staging" ]] || fail "staging folder left behind"
echo "foundation: all checks passed"
