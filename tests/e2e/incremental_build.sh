#!/usr/bin/env bash
# Issue 12: a rebuild after one edit, reusing the previous output folder and
# .agora-cache/, writes exactly the bytes a clean build (no output folder,
# empty cache) writes from the same sources; and it rewrites only what the
# edit changed. Not timed.
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

mkdir "$work/clean"
cp -r "$work/site/site.yaml" "$work/site/content" "$work/site/data" "$work/clean/"
[[ -d "$work/site/templates" ]] && cp -r "$work/site/templates" "$work/clean/"
"$agora" build -q --config "$work/clean/site.yaml" --out "$work/clean-out" > /dev/null

diff -r "$work/out" "$work/clean-out" > "$work/diff.txt" || { head -20 "$work/diff.txt"; fail "the rebuild differs from a clean build"; }
files=$(find "$work/out" -type f | wc -l)
written=$(sed -n 's/.*(\([0-9]*\) written.*/\1/p' <<< "$summary")
[[ -n "$written" ]] || fail "no count of written files in: $summary"
# The edited page, its copies, listings, feeds, search files and the
# manifest change; most of the site does not.
((written * 4 < files)) || fail "$written of $files files rewritten after one edit"
echo "incremental_build: ok ($written of $files files written, output identical to a clean build)"
