#!/usr/bin/env bash
# lunr-languages compatibility: for fr, es, ru and ar, a generated corpus of
# 1,000 documents from a real word list of the language (plus the usual mix
# of other scripts, punctuation and empty fields) indexed by agora and by
# lunr.js 2.3.9 with this.use(lunr.LANG) must give byte-identical
# index.json. Then the index is loaded as a search page loads it (lunr.js
# and the lunr-languages min/ scripts agora lists for the language) and 200
# title words, as written, must find their documents. `agora index` on the
# same corpus (which names its language) writes the same bytes, and with
# --shards copies the language's scripts beside the shards.
# Usage: lunr_languages_compat.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1" root="$2"
tool="$(dirname "$agora")/tests/lunr_tool"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ ! -d "$root/node_modules/lunr-languages" ]; then
  echo "node_modules/lunr-languages is missing: run make deps (npm ci)"
  exit 1
fi

seed=11
for lang in fr es ru ar; do
  echo "== $lang"
  bash "$root/tests/e2e/lunr/wordlist.sh" "$lang" > "$work/$lang.list"
  node "$root/bench/gen-corpus.js" --docs 1000 --words 80 --seed $((seed++)) --language "$lang" \
    --wordlist "$work/$lang.list" --out "$work/$lang.json"
  "$tool" index "$work/$lang.json" "$work/$lang.index.json" 2>/dev/null
  node "$root/tests/e2e/lunr/compare-index.js" "$work/$lang.json" "$work/$lang.index.json" \
    --require-identical
  "$tool" scripts "$lang" > "$work/$lang.scripts"
  node "$root/tests/e2e/lunr/search-index.js" "$work/$lang.json" "$work/$lang.index.json" \
    "$work/$lang.scripts" 200
  "$agora" index "$work/$lang.json" --out "$work/$lang.agora.json" --shards "$work/$lang.shards" \
    2>/dev/null
  cmp "$work/$lang.index.json" "$work/$lang.agora.json"
  grep -q "\"pipeline\":\[\"[a-zA-Z]*-$lang\"" "$work/$lang.shards/shards.json"
  cmp "$root/node_modules/lunr-languages/min/lunr.$lang.min.js" "$work/$lang.shards/lunr.$lang.min.js"
  echo "agora index: the same bytes; shards with lunr.$lang's pipeline and scripts"
done
