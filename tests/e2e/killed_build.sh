#!/usr/bin/env bash
# Issue 11: a build killed at any moment leaves the previous site
# byte-identical, compressed copies and compression cache included.
#  - the repository's own site is built once (filling the cache);
#  - every document is then changed, so the next build recompresses every
#    page, and that build is killed with SIGKILL at several moments;
#  - after each kill, out/ and .agora-cache/ hash exactly as before; or,
#    when the kill landed after the swap (while the cache entries of the
#    finished site were being stored), out/ is exactly the new site, the
#    cache kept every entry it had and each new entry is complete;
#  - a last build runs to the end: every .gz and .br decompresses to its
#    file, and the output equals a build from an empty cache.
set -euo pipefail
export LC_ALL=C
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir "$work/site"
cp -r "$repo/site.yaml" "$repo/content" "$repo/data" "$work/site/"
[[ -d "$repo/templates" ]] && cp -r "$repo/templates" "$work/site/"
build() { "$agora" build -q --config "$work/site/site.yaml" --out "$work/out" > /dev/null; }
hashes() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
snapshot() { hashes "$work/out"; hashes "$work/site/.agora-cache"; }
# The compression cache's entries, without the output record and its
# shard records (a build that finished rewrites them last; see
# generator/output/output_record.h) and the stores of parsed bodies, front
# matter and search analysis, which are rewritten after the swap too, each
# file whole (generator/output/entry_store.h). A kill after those saves
# changed them, as it should: the last check below, a build from whatever
# the kills left against one from no cache, covers what they hold.
cache_entries() {
  hashes "$work/site/.agora-cache" |
    grep -v -e '  \./output-record$' -e '  \./output-record-shards$' -e '  \./bodies/' \
      -e '  \./front-matter/' -e '  \./analysis/' || true
}
# Each cache entry (precompress/xx/SHA.TAG, or SHA.TAG.SEAL: see
# generator/output/precompress.h) decompresses to bytes whose
# SHA-256 is its name.
check_entries() {
  local entry sha
  for entry in "$@"; do
    sha=$(basename "$entry") && sha=${sha%%.*}
    case "$entry" in
      *.gz*) got=$(gzip -dc "$entry" | sha256sum) ;;
      *.br*) command -v brotli > /dev/null || continue && got=$(brotli -dc "$entry" | sha256sum) ;;
      *) fail "unknown cache entry $entry" ;;
    esac
    [[ "${got%% *}" == "$sha" ]] || fail "cache entry $entry is not its file's compression"
  done
}
# A kill after the swap: out/ must be the whole new site (as a build of the
# same input elsewhere writes it), and the cache only gained whole entries.
check_after_swap() {
  local before_cache=$1
  rm -rf "$work/ref" && mkdir "$work/ref"
  cp -r "$work/site" "$work/ref/site"
  "$agora" build -q --config "$work/ref/site/site.yaml" --out "$work/ref/out" > /dev/null
  [[ "$(hashes "$work/out")" == "$(hashes "$work/ref/out")" ]] ||
    fail "killed after the swap: out/ is neither the previous site nor the new one"
  local now new
  now=$(cache_entries)
  [[ -z "$(comm -23 <(sort <<< "$before_cache") <(sort <<< "$now"))" ]] ||
    fail "killed after the swap: cache entries were lost or changed"
  new=$(comm -13 <(sort <<< "$before_cache") <(sort <<< "$now") | sed 's/^[0-9a-f]*  //')
  (cd "$work/site/.agora-cache" && check_entries $new)
}
touch_documents() {
  for f in "$work"/site/content/*/*.md; do printf '\nRevised %s.\n' "$1" >> "$f"; done
}

build
# How long a build that recompresses every page takes here: the kills land
# at fractions of it, up to half, so they stay mid-build on a faster
# machine or after the build gets faster (fixed delays of up to 3 s once
# outlasted it).
touch_documents timing
start=$(date +%s%N)
build
took_ms=$((($(date +%s%N) - start) / 1000000))
before=$(snapshot)
killed=0
# A build that finishes before its kill is tried again with the delays
# halved: under `make test`'s parallel load one timed build can take
# twice or more what the next takes.
fractions=(5 20 35 50) scale=100 attempt=0
while ((killed < ${#fractions[@]} && attempt < 3 * ${#fractions[@]})); do
  ms=$((took_ms * fractions[attempt % ${#fractions[@]}] * scale / 10000))
  attempt=$((attempt + 1))
  delay=$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))
  touch_documents "$delay"
  before_cache=$(cache_entries)
  "$agora" build -q --config "$work/site/site.yaml" --out "$work/out" > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2> /dev/null; then
    wait "$pid" 2> /dev/null || true
    killed=$((killed + 1))
    if [[ "$(snapshot)" != "$before" ]]; then
      # Between the two renames of the swap, out/ is missing and the
      # previous site waits whole in out.old/ (the next build restores it).
      if [[ ! -e "$work/out" && -d "$work/out.old" ]]; then
        mv "$work/out.old" "$work/out"
        [[ "$(snapshot)" == "$before" ]] || fail "killed mid-swap: out.old/ is not the previous site"
      else
        check_after_swap "$before_cache"
        echo "killed after ${delay}s, after the swap: out/ is the new site, the cache grew whole"
      fi
      before=$(snapshot)
    fi
  else
    wait "$pid" || fail "build failed"
    before=$(snapshot)  # it finished first: the new site is the baseline
    scale=$((scale / 2))
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
