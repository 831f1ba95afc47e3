#!/usr/bin/env bash
# agora's String.prototype.toLowerCase port against node's on every code
# point (one per line) and on Greek final-sigma contexts.
# Usage: lunr_lower_case.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1"
tool="$(dirname "$agora")/tests/lunr_tool"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node -e '
  const fs = require("fs");
  const lines = [];
  for (let cp = 0; cp <= 0x10FFFF; cp++) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp === 0x0A || cp === 0x0D) continue;
    lines.push(String.fromCodePoint(cp));
  }
  // Final sigma: word ends, case-ignorables around it, non-Greek neighbours.
  lines.push("ΟΔΟΣ ΟΔΟΣ.", "ΑΣ ΑΣ.Σ", "Σ", "ΑΣ\u0301Β", "ΑΣ\u0301", "ΑΣ\u0301 Β", "a.Σ", "1Σ",
             "ΣΑΣ’ Σ’Α", "İSTANBUL İ", "ΑΣ𝐀", "𐐀Σ", "ǅΣ", "ΣΑ Σ-Σ ΑΣ-");
  const text = lines.join("\n");
  fs.writeFileSync(process.argv[1], text);
  fs.writeFileSync(process.argv[2], text.toLowerCase());
' "$work/in.txt" "$work/node.txt"
"$tool" lower < "$work/in.txt" > "$work/agora.txt"
lines=$(wc -l < "$work/in.txt")
if cmp -s "$work/node.txt" "$work/agora.txt"; then
  echo "toLowerCase: $((lines + 1)) lines (every code point + sigma cases) identical to node"
else
  echo "toLowerCase differs from node (line: input / node / agora):"
  paste -d'\t' "$work/in.txt" "$work/node.txt" "$work/agora.txt" | awk -F'\t' '$2 != $3 {print NR": "$0}' | head -20
  exit 1
fi
