#!/usr/bin/env bash
# `cmake --install` puts the binary, its bundled themes and lunr-languages'
# scripts under a prefix; the installed binary, moved away from the source
# tree, builds a site that has no themes/ folder with the default theme it
# carries, and a French site's search page with the scripts it carries.
set -euo pipefail
agora=$1 repo=$2
build_dir=$(dirname "$agora")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
[[ -x "$work/prefix/bin/agora" ]] || fail "no installed binary"
[[ -f "$work/prefix/share/agora/themes/default/templates/base.mustache" ]] || fail "no themes"
[[ -f "$work/prefix/share/agora/themes/default/i18n/en.yaml" ]] || fail "no words"
[[ -f "$work/prefix/share/agora/lunr-languages/min/lunr.fr.min.js" ]] || fail "no lunr-languages"

# Moved: nothing of the build or source tree is reachable by a relative path.
mv "$work/prefix" "$work/elsewhere"
cp -r "$repo/tests/fixtures/site" "$work/site"
[[ ! -e "$work/site/themes" ]] || fail "the fixture has a themes/ folder"
(cd "$work" && AGORA_THEMES_DIR= "$work/elsewhere/bin/agora" build --config site/site.yaml \
   --out out --quiet) || fail "the installed binary could not build"
grep -q '<link rel="stylesheet" href="css/site.css">' "$work/out/index.html" ||
  fail "home page without the theme's stylesheet"
cmp -s "$work/out/css/site.css" "$repo/themes/default/assets/css/site.css" ||
  fail "the stylesheet is not the bundled theme's"
grep -q 'Skip to content' "$work/out/index.html" || fail "no words from the bundled theme"
echo "installed binary built the fixture site with its bundled theme"

cp -r "$repo/tests/fixtures/languages" "$work/languages"
(cd "$work" && AGORA_THEMES_DIR= AGORA_LUNR_LANGUAGES_DIR= "$work/elsewhere/bin/agora" build \
   --config languages/site.yaml --out languages-out --quiet) ||
  fail "the installed binary could not build the multilingual site"
cmp -s "$work/languages-out/fr/search/lunr.fr.min.js" \
  "$work/elsewhere/share/agora/lunr-languages/min/lunr.fr.min.js" ||
  fail "the French search page lacks the installed lunr-languages script"
echo "installed binary built the multilingual fixture with its lunr-languages scripts"
