#!/usr/bin/env bash
# `agora index` for any site: on a Hugo site's content (the Canadian Digital
# Service's, English and French, from ../shared/corpora) turned into a corpus
# the way a Hugo user's indexing script would, and on this repository's own
# corpus (`agora build --emit-search-corpus`), index.json must be
# byte-identical to lunr.js 2.3.9's; the Hugo site's shards must answer 200
# generated queries exactly as lunr.js does on the whole index.
# (lunr_compat.sh runs `agora index` on the generated compatibility corpus.)
# Usage: agora_index.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1" root="$2" shared="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

tar -xzf "$shared/corpora/digital-canada-ca-content-md.tar.gz" -C "$work"
node "$root/tests/e2e/lunr/hugo-corpus.js" "$work/content" "$work/hugo.json"
"$agora" index "$work/hugo.json" --out "$work/hugo-index.json" --shards "$work/shards" --shard-size 3000
node "$root/tests/e2e/lunr/shard-equivalence.js" "$work/hugo.json" "$work/hugo-index.json" \
  "$work/shards" --queries 200 --seed 5

"$agora" build --config "$root/site.yaml" --out "$work/public" -q --emit-search-corpus "$work/site.json"
"$agora" index "$work/site.json" --out "$work/site-index.json"
cmp "$work/site-index.json" "$work/public/search/index.json"
node "$root/tests/e2e/lunr/compare-index.js" "$work/site.json" "$work/site-index.json" --require-identical
