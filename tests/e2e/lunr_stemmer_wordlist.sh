#!/usr/bin/env bash
# Every word of Debian's wamerican list (lower-cased, deduplicated) must stem
# exactly as lunr.stemmer does in node.
# Usage: lunr_stemmer_wordlist.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1"
tool="$(dirname "$agora")/tests/lunr_tool"
list=/usr/share/dict/american-english
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Lower-case as JavaScript does (in node), then deduplicate in node too so
# both sides see the same words in the same order.
node -e '
  const fs = require("fs");
  const words = [...new Set(fs.readFileSync(process.argv[1], "utf8").split("\n")
    .filter(Boolean).map((w) => w.toLowerCase()))];
  fs.writeFileSync(process.argv[2], words.join("\n") + "\n");
  const lunr = require("/usr/share/nodejs/lunr/index.js");
  fs.writeFileSync(process.argv[3],
    words.map((w) => lunr.stemmer(new lunr.Token(w)).toString()).join("\n") + "\n");
' "$list" "$work/words.txt" "$work/lunr.txt"
"$tool" stem < "$work/words.txt" > "$work/agora.txt"

total=$(wc -l < "$work/words.txt")
changed=$(paste -d'\t' "$work/words.txt" "$work/lunr.txt" | awk -F'\t' '$1 != $2' | wc -l)
mismatches=$(paste -d'\t' "$work/words.txt" "$work/lunr.txt" "$work/agora.txt" | awk -F'\t' '$2 != $3' | tee "$work/diff.txt" | wc -l)
echo "words: $total (stem differs from the word for $changed); mismatches with lunr.stemmer: $mismatches"
if [ "$mismatches" -ne 0 ]; then
  echo "word / lunr / agora:"
  head -20 "$work/diff.txt"
  exit 1
fi
