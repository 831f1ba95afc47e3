#!/usr/bin/env bash
# agora's ports of lunr-languages' stemmers (fr, es, ru, ar) against the
# package's JavaScript in node, word by word, on real word lists of each
# language (tests/e2e/lunr/wordlist.sh; up to 120,000 words each, evenly
# spread, at least 20,000): the stemmer alone (lunr.LANG.stemmer) and the
# whole builder pipeline of this.use(lunr.LANG) (trimmer, stop words,
# French accent folding, stemmer). stem-words.js also checks that the
# package's min/ build, which search pages load, stems like its source.
# Usage: lunr_languages_stemmers.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1" root="$2"
tool="$(dirname "$agora")/tests/lunr_tool"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ ! -d "$root/node_modules/lunr-languages" ]; then
  echo "node_modules/lunr-languages is missing: run make deps (npm ci)"
  exit 1
fi

# Prints the lines where two files differ, with the word: WORD / JS / C++.
report() {
  paste -d'\n' "$1" "$2" "$3" | awk 'NR % 3 == 1 {w = $0} NR % 3 == 2 {j = $0}
    NR % 3 == 0 && j != $0 {print "  " w " / " j " / " $0; if (++n == 20) exit}'
}

failed=0
for lang in fr es ru ar; do
  bash "$root/tests/e2e/lunr/wordlist.sh" "$lang" > "$work/list"
  node "$root/tests/e2e/lunr/stem-words.js" "$lang" "$work/list" "$work/words" "$work/js.stems" \
    "$work/js.terms" 120000
  "$tool" stem "$lang" < "$work/words" > "$work/cpp.stems"
  "$tool" pipeline "$lang" < "$work/words" > "$work/cpp.terms"
  words=$(wc -l < "$work/words")
  changed=$(paste -d'\n' "$work/words" "$work/js.stems" | awk 'NR % 2 == 1 {w = $0} NR % 2 == 0 && w != $0' | wc -l)
  stems=$(paste -d'\n' "$work/js.stems" "$work/cpp.stems" | awk 'NR % 2 == 1 {j = $0} NR % 2 == 0 && j != $0' | wc -l)
  terms=$(paste -d'\n' "$work/js.terms" "$work/cpp.terms" | awk 'NR % 2 == 1 {j = $0} NR % 2 == 0 && j != $0' | wc -l)
  echo "$lang: $words words ($changed changed by the stemmer); stem mismatches $stems, pipeline mismatches $terms"
  if [ "$words" -lt 20000 ]; then
    echo "  fewer than 20,000 words"
    failed=1
  fi
  if [ "$stems" -ne 0 ]; then
    echo "  stem: word / lunr.$lang.stemmer / agora"
    report "$work/words" "$work/js.stems" "$work/cpp.stems"
    failed=1
  fi
  if [ "$terms" -ne 0 ]; then
    echo "  pipeline: word / lunr.$lang / agora"
    report "$work/words" "$work/js.terms" "$work/cpp.terms"
    failed=1
  fi
done
exit "$failed"
