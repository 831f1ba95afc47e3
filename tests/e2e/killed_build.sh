#!/usr/bin/env bash
# Issue 11: a build killed at any moment leaves the previous site
# byte-identical, compressed copies and compression cache included.
#  - the repository's own site is built once (filling the cache);
#  - every document is then changed, so the next build recompresses every
#    page, and that build is killed with SIGKILL at several moments;
#  - after each kill, out/ and .agora-cache/ hash exactly as before;
#  - a last build runs to the end: every .gz and .br decompresses to its
#    file, and the output equals a build from an empty cache.
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir "$work/site"
cp -r "$repo/site.yaml" "$repo/content" "$repo/data" "$work/site/"
[[ -d "$repo/templates" ]] && cp -r "$repo/templates" "$work/site/"
build() { "$agora" build -q --config "$work/site/site.yaml" --out "$work/out" > /dev/null; }
snapshot() {
  (cd "$work" && find out site/.agora-cache -type f -print0 | sort -z | xargs -0 sha256sum)
}
touch_documents() {
  for f in "$work"/site/content/*/*.md; do printf '\nRevised %s.\n' "$1" >> "$f"; done
}

build
before=$(snapshot)
killed=0
for delay in 0.3 1 2 3; do
  touch_documents "$delay"
  "$agora" build -q --config "$work/site/site.yaml" --out "$work/out" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2> /dev/null; then
    wait "$pid" 2> /dev/null || true
    killed=$((killed + 1))
    [[ "$(snapshot)" == "$before" ]] || fail "killed after ${delay}s: out/ or the cache changed"
  else
    wait "$pid" || fail "build failed"
    before=$(snapshot)  # it finished first: the new site is the baseline
  fi
done
((killed >= 3)) || fail "only $killed builds were killed mid-way"

build
cd "$work/out"
n=0
while IFS= read -r -d '' gz; do
  cmp -s <(gzip -dc "$gz") "${gz%.gz}" || fail "$gz does not decompress to ${gz%.gz}"
  n=$((n + 1))
done < <(find . -name '*.gz' -print0)
((n > 100)) || fail "only $n compressed copies"
if command -v brotli > /dev/null; then
  while IFS= read -r -d '' br; do
    cmp -s <(brotli -dc "$br") "${br%.br}" || fail "$br does not decompress"
  done < <(find . -name '*.br' -print0)
fi
cd "$work"
rm -rf site/.agora-cache
"$agora" build -q --config "$work/site/site.yaml" --out "$work/fresh" > /dev/null
diff -r out fresh > /dev/null || fail "a build from the cache differs from a fresh one"
echo "killed_build: $killed builds killed mid-way left out/ and the cache byte-identical; $n .gz checked"
