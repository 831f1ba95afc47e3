#!/usr/bin/env bash
# Chinese: agora's bigram pipeline (generator/search/languages/chinese.cpp)
# against its JavaScript (themes/default/assets/js/lunr-zh.js) on real
# Chinese text, the manual pages of Debian's manpages-zh (1,200 sections
# plus edge cases): the index agora writes must be byte-identical to the
# one lunr.js builds with this.use(lunr.zhBigram), without and with token
# positions (so every bigram and its position match), and so must the one
# `agora index` writes. Then the index is loaded with lunr-zh.js as a search
# page loads it, and two-character words and four-character phrases find
# their documents.
# Usage: lunr_chinese.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1" root="$2"
tool="$(dirname "$agora")/tests/lunr_tool"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ ! -d /usr/share/man/zh_CN ]; then
  echo "/usr/share/man/zh_CN is missing (install manpages-zh)"
  exit 1
fi

node "$root/tests/e2e/lunr/gen-zh-corpus.js" --docs 1200 --out "$work/zh.json"
for mode in plain positions; do
  flag=()
  [ "$mode" = positions ] && flag=(--positions)
  echo "== $mode"
  "$tool" index "$work/zh.json" "$work/index-$mode.json" "${flag[@]}" 2>/dev/null
  node "$root/tests/e2e/lunr/compare-index.js" "$work/zh.json" "$work/index-$mode.json" \
    "${flag[@]}" --require-identical
done
"$tool" scripts zh > "$work/scripts"
node "$root/tests/e2e/lunr/search-index.js" "$work/zh.json" "$work/index-plain.json" \
  "$work/scripts" 200 "中文=edge/1" "数字化转型=edge/13" "信息社会=edge/16" "𠜎𠜱=edge/5"
# `agora index` reads the corpus's language: the same bytes, and its shards
# come with lunr-zh.js.
"$agora" index "$work/zh.json" --out "$work/agora.json" --shards "$work/shards" 2>/dev/null
cmp "$work/index-plain.json" "$work/agora.json"
cmp "$root/themes/default/assets/js/lunr-zh.js" "$work/shards/lunr-zh.js"
echo "agora index: the same bytes; shards with lunr-zh.js"
