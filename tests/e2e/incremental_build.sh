#!/usr/bin/env bash
# Issue 12: a rebuild after one edit, reusing the previous output folder and
# .agora-cache/, writes exactly the bytes a clean build (no output folder,
# empty cache) writes from the same sources; and it rewrites only what the
# edit changed. So does the next rebuild, which brings the tree the first
# one replaced (out.old) up to date in place. Not timed.
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir "$work/site"
cp -r "$repo/site.yaml" "$repo/content" "$repo/data" "$work/site/"
[[ -d "$repo/templates" ]] && cp -r "$repo/templates" "$work/site/"
"$agora" build -q --config "$work/site/site.yaml" --out "$work/out" > /dev/null

# One edit: a sentence added to one document's body.
doc=$(find "$work/site/content/case-studies" -name '*.md' | sort | head -1)
printf '\nOne more sentence, with a [link](../organizations/itu.md).\n' >> "$doc"
summary=$("$agora" build -q --config "$work/site/site.yaml" --out "$work/out")
echo "incremental: $summary"

# A rebuild's output against a clean build of the same sources; its count
# of files written against the site's.
check() {
  local what=$1 summary=$2
  rm -rf "$work/clean" "$work/clean-out"
  mkdir "$work/clean"
  cp -r "$work/site/site.yaml" "$work/site/content" "$work/site/data" "$work/clean/"
  [[ -d "$work/site/templates" ]] && cp -r "$work/site/templates" "$work/clean/"
  "$agora" build -q --config "$work/clean/site.yaml" --out "$work/clean-out" > /dev/null
  diff -r "$work/out" "$work/clean-out" > "$work/diff.txt" || {
    head -20 "$work/diff.txt"; fail "$what differs from a clean build"; }
  files=$(find "$work/out" -type f | wc -l)
  written=$(sed -n 's/.*(\([0-9]*\) written.*/\1/p' <<< "$summary")
  [[ -n "$written" ]] || fail "no count of written files in: $summary"
  # The edited page, its copies, listings, feeds, search files and the
  # manifest change; most of the site does not.
  ((written * 4 < files)) || fail "$written of $files files rewritten by $what"
  echo "$what: $written of $files files written, output identical to a clean build"
}
check "the rebuild after one edit" "$summary"

# The next edit: the tree the last rebuild replaced is recycled.
[[ -d "$work/out.old" ]] || fail "the rebuild kept no out.old to recycle"
printf '\nAnd another sentence.\n' >> "$doc"
summary=$("$agora" build -q --config "$work/site/site.yaml" --out "$work/out")
check "the next rebuild" "$summary"
[[ ! -e "$work/out.staging" ]] || fail "a staging folder was left"
echo "incremental_build: ok"
