#!/usr/bin/env bash
# Search in four languages (issues 13 and 16), on tests/fixtures/languages
# (English, French, Arabic, Chinese; each language in its own tree):
#   - each tree's index is built with its language's pipeline: the index a
#     language's tree ships equals, byte for byte, what lunr.js with
#     lunr-languages (or lunr-zh.js) builds from the emitted corpus;
#   - each tree's search/ holds the scripts of its pipeline, copies of the
#     npm package's files and of our theme's lunr-zh.js, and English none;
#   - in Debian's Chromium (tests/browser/search_languages.js), over HTTP
#     under a sub-path and from file://, whole and sharded: a French
#     inflected query finds the French document through its stem, Chinese
#     words and phrases find the Chinese document, the Arabic search page is
#     right-to-left with zero axe-core violations.
# Usage: search_languages_browser.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora=$1 repo=$2
for module in playwright-core axe-core lunr-languages; do
  if [ ! -d "$repo/node_modules/$module" ]; then
    echo "SKIP: node_modules/$module is missing (npm ci in $repo)"
    exit 77
  fi
done
if [ ! -x /usr/bin/chromium ]; then
  echo "SKIP: /usr/bin/chromium is missing (apt-get install chromium)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$repo/tests/fixtures/languages" "$work/site"
"$agora" build --config "$work/site/site.yaml" --out "$work/online" -q \
  --emit-search-corpus "$work/corpus.json"
"$agora" build --config "$work/site/site.yaml" --out "$work/offline" --offline -q

# One index per language, each with its language's pipeline.
for lang in en fr ar zh; do
  tree=$lang/ corpus=$work/corpus.$lang.json
  [ "$lang" = en ] && tree="" corpus=$work/corpus.json
  index="$work/online/${tree}search/index.json"
  [ -f "$index" ] || fail "no ${tree}search/index.json"
  node -e 'const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if ((c.language || "en") !== process.argv[2]) throw new Error("corpus language " + c.language);' \
    "$corpus" "$lang"
  echo "== $lang: $(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).pipeline.join(" ")' "$index")"
  node "$repo/tests/e2e/lunr/compare-index.js" "$corpus" "$index" --require-identical
done

# The scripts of each pipeline, in its tree, as the packages ship them.
min="$repo/node_modules/lunr-languages/min"
for lang in fr ar; do
  for file in lunr.stemmer.support.min.js "lunr.$lang.min.js"; do
    for site in online offline; do
      cmp "$min/$file" "$work/$site/$lang/search/$file" || fail "$site/$lang/search/$file"
    done
  done
done
cmp "$repo/themes/default/assets/js/lunr-zh.js" "$work/online/zh/search/lunr-zh.js" ||
  fail "zh/search/lunr-zh.js"
if ls "$work/online/search/" | grep -q -e '^lunr\.stemmer' -e '^lunr-zh'; then
  fail "the English tree has another language's scripts"
fi
grep -q 'data-search-scripts="fr/search/lunr.stemmer.support.min.js fr/search/lunr.fr.min.js "' \
  "$work/online/fr/search/index.html" || fail "the French search page does not name its scripts"

# Sharded: every language's index above the threshold.
cp -r "$work/site" "$work/sharded-site"
sed -i 's/^  positions: false$/  positions: false\n  shards: {above: 500, size: 1000, documents: 1}/' \
  "$work/sharded-site/site.yaml"
grep -q 'shards: {above: 500' "$work/sharded-site/site.yaml"
"$agora" build --config "$work/sharded-site/site.yaml" --out "$work/sharded" -q
"$agora" build --config "$work/sharded-site/site.yaml" --out "$work/sharded-offline" --offline -q
for lang in fr zh; do
  [ -f "$work/sharded/$lang/search/shards.json" ] || fail "no $lang/search/shards.json"
  [ ! -e "$work/sharded/$lang/search/index.json" ] || fail "$lang/search/index.json beside its shards"
  [ -f "$work/sharded-offline/$lang/search/shards.js" ] || fail "no offline $lang/search/shards.js"
  echo "$lang sharded: $(ls "$work/sharded/$lang/search" | grep -c '^shard-') shards"
done
node -e 'const m = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  if (m.pipeline.join() !== "trimmer-fr,accentFold-fr,stemmer-fr") throw new Error("map pipeline " + m.pipeline);
  if (!m.types.every(([prefix]) => prefix.startsWith("fr/"))) throw new Error("type prefixes " + JSON.stringify(m.types));' \
  "$work/sharded/fr/search/shards.json"

NODE_PATH="$repo/node_modules" node "$repo/tests/browser/search_languages.js" \
  "$work/online" "$work/offline" "$work/sharded" "$work/sharded-offline"
