#!/usr/bin/env bash
# Issue 12: a rebuild after one edit, reusing the previous output folder and
# .agora-cache/, writes exactly the bytes a clean build (no output folder,
# empty cache) writes from the same sources; and it rewrites only what the
# edit changed. So does the next rebuild, which brings the tree the first
# one replaced (out.old) up to date in place.
#
# A rebuild after an edit to a document's body renders that document's
# page and leaves every other page as the last build wrote it (see
# output/site_inputs.h); an edit to anything else a page shows (front
# matter, the data, the theme) renders every page. Each kind of edit is
# made here and the result compared with a clean build. Not timed.
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# The user's key that seals the caches (util/cache_key.h), made here.
export XDG_STATE_HOME=$work/state
unset AGORA_CACHE_KEY

# The parts of a site a build reads.
copy_site() {
  local from=$1 to=$2
  mkdir "$to"
  cp -r "$from/site.yaml" "$from/content" "$from/data" "$to/"
  local part
  for part in templates themes; do
    [[ -d "$from/$part" ]] && cp -r "$from/$part" "$to/"
  done
  # The test site's history (not the repository's own).
  [[ $from != "$repo" && -d "$from/.git" ]] && cp -r "$from/.git" "$to/"
  return 0
}
build() { "$agora" build -q --config "$work/site/site.yaml" --out "$work/out"; }

copy_site "$repo" "$work/site"
# The index cut into shards, as a large site's is: a rebuild keeps the
# shards its edit did not change (each is named by its content) and
# formats the rest, and every comparison below covers them.
sed -i 's/^  positions: false$/  positions: false\n  shards: {above: 1000, size: 4000}/' \
  "$work/site/site.yaml"
grep -q 'shards: {above: 1000' "$work/site/site.yaml" || fail "no search.shards in the copied site.yaml"
build > /dev/null

# Pages not kept: what a rebuild rendered.
rendered() {
  local summary=$1 pages kept
  pages=$(sed -n 's/^agora build: \([0-9]*\) pages.*/\1/p' <<< "$summary")
  kept=$(sed -n 's/.*pages (\([0-9]*\) unchanged, not rendered).*/\1/p' <<< "$summary")
  echo $((pages - ${kept:-0}))
}

# A rebuild with nothing changed renders only the pages that show what no
# input covers (the open data's sizes).
summary=$(build)
always=$(rendered "$summary")
pages=$(sed -n 's/^agora build: \([0-9]*\) pages.*/\1/p' <<< "$summary")
((always * 100 < pages)) || fail "a rebuild with no change rendered $always of $pages pages"
echo "no change: $always of $pages pages rendered"
# Files other than pages kept as they were: the search shards.
kept_files() { sed -n 's/.*, \([0-9]*\) other files unchanged, not made.*/\1/p' <<< "$1"; }
shards=$(find "$work/out" -path '*search/shard-*.json' | wc -l)
((shards > 10)) || fail "the index was cut into $shards shards"
(($(kept_files "$summary") == shards)) ||
  fail "a rebuild with no change kept $(kept_files "$summary") of $shards search shards"

# One edit: a sentence added to one document's body.
doc=$(find "$work/site/content/case-studies" -name '*.md' | sort | head -1)
printf '\nOne more sentence, with a [link](../organizations/itu.md).\n' >> "$doc"
summary=$(build)
echo "incremental: $summary"
(($(rendered "$summary") == always + 1)) ||
  fail "a body edit rendered $(rendered "$summary") pages, not its own and the $always always rendered"
kept_shards=$(kept_files "$summary")
((kept_shards > 0 && kept_shards < shards)) ||
  fail "a body edit kept ${kept_shards:-no} of $shards search shards unformatted"
echo "one edit: ${kept_shards} of $shards search shards kept, not formatted again"

# A rebuild's output against a clean build of the same sources; its count
# of files written against the site's.
check() {
  local what=$1 summary=$2 rewrites=${3:-few}
  rm -rf "$work/clean" "$work/clean-out"
  copy_site "$work/site" "$work/clean"
  "$agora" build -q --config "$work/clean/site.yaml" --out "$work/clean-out" > /dev/null
  diff -r "$work/out" "$work/clean-out" > "$work/diff.txt" || {
    head -20 "$work/diff.txt"; fail "$what differs from a clean build"; }
  files=$(find "$work/out" -type f | wc -l)
  written=$(sed -n 's/.*(\([0-9]*\) written.*/\1/p' <<< "$summary")
  [[ -n "$written" ]] || fail "no count of written files in: $summary"
  # The edited page, its copies, listings, feeds, search files and the
  # manifest change; most of the site does not.
  [[ $rewrites == all ]] || ((written * 4 < files)) || fail "$written of $files files rewritten by $what"
  echo "$what: $written of $files files written, $(rendered "$summary") pages rendered," \
    "output identical to a clean build"
}
check "the rebuild after one edit" "$summary"

# The next edit: the tree the last rebuild replaced is recycled.
[[ -d "$work/out.old" ]] || fail "the rebuild kept no out.old to recycle"
printf '\nAnd another sentence.\n' >> "$doc"
summary=$(build)
check "the next rebuild" "$summary"
[[ ! -e "$work/out.staging" ]] || fail "a staging folder was left"

# Parsed bodies are kept in .agora-cache/bodies (output/body_store.h): the
# rebuilds above took every unchanged body from there. Files of it cut
# short, or gone, cost parsing again, never a wrong page.
[[ -s "$work/state/agora/cache-key" ]] || fail "no key was made in \$XDG_STATE_HOME"
(($(find "$work/site/.agora-cache/analysis" -type f | wc -l) > 0)) || fail "no analysis cache"
(($(find "$work/site/.agora-cache/front-matter" -type f | wc -l) > 0)) || fail "no front matter cache"
bodies="$work/site/.agora-cache/bodies"
(($(find "$bodies" -type f | wc -l) > 0)) || fail "no body cache in $bodies"
for f in $(find "$bodies" -type f | sort | sed -n '1~2p'); do truncate -s -7 "$f"; done
rm -f "$(find "$bodies" -type f | sort | sed -n 2p)"
printf '
A sentence after the body cache was damaged.
' >> "$doc"
summary=$(build)
check "a rebuild with a damaged body cache" "$summary"

# Edits that other pages show: each renders every page.
every_page() {
  local what=$1 rewrites=${2:-few} summary total
  summary=$(build)
  total=$(sed -n 's/^agora build: \([0-9]*\) pages.*/\1/p' <<< "$summary")
  (($(rendered "$summary") == total)) || fail "$what rendered $(rendered "$summary") of $total pages"
  check "$what" "$summary" "$rewrites"
}
# A title, shown in every listing of the document.
sed -i '0,/^title: /s/^title: .*/title: A title changed by the incremental test/' "$doc"
every_page "a front matter edit"
# A term's name, shown on every page that names the term.
sed -i '0,/^  name: /s/^  name: .*/  name: A term renamed by the incremental test/' "$work/site/data/themes.yaml"
every_page "a vocabulary edit"
# The theme's page shell.
shell=$(find "$work/site/themes" -name 'base.mustache' | head -1)
if [[ -n "$shell" ]]; then
  sed -i '1s/^/<!-- changed by the incremental test -->/' "$shell"
  every_page "a template edit" all
fi
# A new document, and one gone.
cp "$doc" "${doc%.md}-copy.md"
sed -i '0,/^title: /s/^title: .*/title: A copy made by the incremental test/' "${doc%.md}-copy.md"
every_page "a new document"
rm "${doc%.md}-copy.md"
every_page "a document removed"

# The output changed by hand: the page is rendered again, not kept.
page=$(find "$work/out" -path '*case-studies*' -name index.html | sort | sed -n 3p)
echo "tampered" > "$page"
summary=$(build)
check "a rebuild after a page was changed by hand" "$summary"
# Git history: a commit changes the dates and contributors of the pages
# of the documents it touches, and of no other page.
if command -v git > /dev/null; then
  commit() {
    (cd "$work/site" && git add -A &&
      GIT_AUTHOR_DATE=$2 GIT_COMMITTER_DATE=$2 git -c gc.auto=0 -c user.name="$1" \
        -c user.email=test@example.org commit -qm "$1")
  }
  (cd "$work/site" && git init -q)
  commit First 2024-01-02T10:00:00Z
  build > /dev/null
  printf '\nA sentence before its commit.\n' >> "$doc"
  build > /dev/null
  # The file as it was built; only its history changes.
  commit Second 2024-03-04T10:00:00Z
  summary=$(build)
  (($(rendered "$summary") == always + 1)) ||
    fail "a commit rendered $(rendered "$summary") pages, not its document's and the $always always rendered"
  check "a commit to one document" "$summary"
fi
echo "incremental_build: ok"
