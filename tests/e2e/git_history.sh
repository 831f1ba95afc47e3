#!/usr/bin/env bash
# Git history on built pages: a temporary repository with commits of fixed
# dates and authors; each page must show its last commit's date and its
# contributors, counted. A shallow clone and a plain folder fall back to the
# front matter date without error.
# Usage: git_history.sh AGORA_BIN REPO_ROOT SHARED_DIR
set -euo pipefail
agora=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

repo=$tmp/repo
cp -r "$root/tests/fixtures/bad/site" "$repo"
cp -r "$root/themes" "$repo/themes"
cd "$repo"
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp  # no user or system git settings
git init -q -b main
# commit DATE "NAME" MESSAGE: commits the index as NAME at DATE.
commit() {
  GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1 GIT_AUTHOR_NAME=$2 GIT_COMMITTER_NAME=$2 \
    GIT_AUTHOR_EMAIL=$(echo "$2" | tr 'A-Z ' 'a-z.')@example.org \
    GIT_COMMITTER_EMAIL=$(echo "$2" | tr 'A-Z ' 'a-z.')@example.org \
    git commit -q -m "$3"
}
git add -A
commit "2021-01-10T12:00:00+00:00" "Amina Diallo" "Import the site"
echo "More results." >> content/case-studies/school-mapping.md
git add -A && commit "2022-03-05T09:00:00+00:00" "Jonas Berg" "Add results"
echo "Even more." >> content/case-studies/school-mapping.md
# 23:30 at UTC-5 is already 1 July in UTC: the page shows the author's day.
git add -A && commit "2023-06-30T23:30:00-05:00" "Amina Diallo" "Update results"
echo "A new paragraph." >> content/case-studies/rural-centres.md
git add -A && commit "2022-08-01T10:00:00+00:00" "Li Wei" "Expand rural centres"
# A branch merged with a merge commit: the merge itself credits no one.
git checkout -q -b undp-update
echo "Now in 177 countries." >> content/organizations/undp.md
git add -A && commit "2022-09-01T10:00:00+00:00" "Li Wei" "Update UNDP"
git checkout -q main
GIT_AUTHOR_DATE="2022-09-02T10:00:00+00:00" GIT_COMMITTER_DATE="2022-09-02T10:00:00+00:00" \
  GIT_AUTHOR_NAME="Jonas Berg" GIT_COMMITTER_NAME="Jonas Berg" \
  GIT_AUTHOR_EMAIL=jonas@example.org GIT_COMMITTER_EMAIL=jonas@example.org \
  git merge -q --no-ff -m "Merge undp-update" undp-update
# Not committed yet: no history, so the front matter date.
mkdir -p content/organizations
printf -- '---\ntitle: GSMA\ndate: 2020-02-02\nsummary: Mobile operators.\n---\nText.\n' \
  > content/organizations/gsma.md

page() { cat "$1/$2/index.html"; }
expect() {  # expect OUT PAGE TEXT
  page "$1" "$2" | grep -qF -- "$3" || fail "$2 in $1 lacks: $3"
}
expect_not() {
  if page "$1" "$2" | grep -qF -- "$3"; then fail "$2 in $1 has: $3"; fi
}

(cd "$tmp" && "$agora" build --config "$repo/site.yaml" --out "$tmp/out" -q >/dev/null)
out=$tmp/out
expect "$out" case-studies/school-mapping '<time datetime="2023-06-30">30 June 2023</time>'
expect "$out" case-studies/school-mapping \
  '<span class="contributor">Amina Diallo (2)</span> <span class="contributor">Jonas Berg (1)</span>'
expect "$out" case-studies/school-mapping \
  'href="https://example.org/kb-repo/edit/main/content/case-studies/school-mapping.md"'
expect "$out" case-studies/school-mapping \
  'href="https://example.org/kb-repo/commits/main/content/case-studies/school-mapping.md"'
expect "$out" case-studies/rural-centres '<time datetime="2022-08-01">1 August 2022</time>'
# A tie in commits is broken by name.
expect "$out" case-studies/rural-centres \
  '<span class="contributor">Amina Diallo (1)</span> <span class="contributor">Li Wei (1)</span>'
expect "$out" organizations/itu '<time datetime="2021-01-10">10 January 2021</time>'
expect "$out" organizations/itu 'Contributors: <span class="contributor">Amina Diallo (1)</span> </p>'
expect "$out" organizations/undp '<time datetime="2022-09-01">1 September 2022</time>'
expect "$out" organizations/undp \
  '<span class="contributor">Amina Diallo (1)</span> <span class="contributor">Li Wei (1)</span> </p>'
expect_not "$out" organizations/undp 'Jonas Berg'
expect "$out" organizations/gsma '<time datetime="2020-02-02">2 February 2020</time>'
expect_not "$out" organizations/gsma 'Contributors:'

# The same site twice gives the same bytes: dates come from commits, not the clock.
(cd "$tmp" && "$agora" build --config "$repo/site.yaml" --out "$tmp/out2" -q >/dev/null)
diff -r "$out" "$tmp/out2" >/dev/null || fail "two builds of one commit differ"

# A shallow clone: front matter dates, no contributors, no error.
git clone -q --depth 1 "file://$repo" "$tmp/shallow"
(cd "$tmp" && "$agora" build --config "$tmp/shallow/site.yaml" --out "$tmp/out-shallow" -q >/dev/null)
expect "$tmp/out-shallow" case-studies/school-mapping '<time datetime="2021-03-01">1 March 2021</time>'
expect_not "$tmp/out-shallow" case-studies/school-mapping 'Contributors:'

# No repository at all.
mkdir "$tmp/plain"
cp -r "$repo/site.yaml" "$repo/data" "$repo/content" "$repo/themes" "$tmp/plain/"
(cd "$tmp" && "$agora" build --config "$tmp/plain/site.yaml" --out "$tmp/out-plain" -q >/dev/null)
expect "$tmp/out-plain" case-studies/school-mapping '<time datetime="2021-03-01">1 March 2021</time>'
expect_not "$tmp/out-plain" case-studies/school-mapping 'Contributors:'
# The site in a sub-folder of its repository: paths are matched under it.
mono=$tmp/mono
mkdir -p "$mono/docs"
cp -r "$repo/site.yaml" "$repo/data" "$repo/content" "$repo/themes" "$mono/docs/"
rm "$mono/docs/content/organizations/gsma.md"
# repository.path names the sub-folder, so edit links point at the right file.
sed -i 's|^  branch: main$|  branch: main\n  path: docs|' "$mono/docs/site.yaml"
grep -q '^  path: docs$' "$mono/docs/site.yaml"
cd "$mono"
git init -q -b main
git add -A
commit "2024-04-05T08:00:00+02:00" "Zoe Roy" "Import under docs/"
(cd "$tmp" && "$agora" build --config "$mono/docs/site.yaml" --out "$tmp/out-mono" -q >/dev/null)
expect "$tmp/out-mono" organizations/itu '<time datetime="2024-04-05">5 April 2024</time>'
expect "$tmp/out-mono" organizations/itu '<span class="contributor">Zoe Roy (1)</span>'
expect "$tmp/out-mono" organizations/itu '/edit/main/docs/content/organizations/itu.md"'
echo "git history: ok"
