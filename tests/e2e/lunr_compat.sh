#!/usr/bin/env bash
# lunr.js compatibility: a generated corpus (>= 2,000 documents with accented
# Latin, Cyrillic, Greek, Arabic, CJK, emoji, digits, hyphens, apostrophes,
# URLs and empty fields) indexed by `agora index` and by lunr.js 2.3.9 in
# node must give the same index, byte for byte; without and with token
# positions.
# Usage: lunr_compat.sh AGORA_BINARY REPO_ROOT SHARED_DIR (cwd: build dir)
set -euo pipefail
agora="$1" root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node "$root/bench/gen-corpus.js" --docs 2000 --words 120 --seed 7 --out "$work/corpus.json"
for mode in plain positions; do
  flag=()
  [ "$mode" = positions ] && flag=(--positions)
  echo "== $mode"
  "$agora" index "$work/corpus.json" --out "$work/index-$mode.json" "${flag[@]}"
  node "$root/tests/e2e/lunr/compare-index.js" "$work/corpus.json" "$work/index-$mode.json" \
    "${flag[@]}" --require-identical
done
