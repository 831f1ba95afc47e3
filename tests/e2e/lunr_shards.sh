#!/usr/bin/env bash
# Sharded search is lunr.js: a generated corpus of 5,000 documents goes
# through `agora index --shards` (small shards, so most queries span
# several), and lunr-shards.js in node must give lunr.js's results on the
# whole index for 520 generated queries of every kind: same refs, same
# order, scores within 1e-6 (tests/e2e/lunr/shard-equivalence.js). The
# --scripts variant (file:// pages) must carry the same JSON.
# Usage: lunr_shards.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1" root="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

node "$root/bench/gen-corpus.js" --docs 5000 --words 60 --seed 11 --out "$work/corpus.json"
"$agora" index "$work/corpus.json" --out "$work/index.json" --shards "$work/shards" \
  --shard-size 6000 --store title,url
node "$root/tests/e2e/lunr/shard-equivalence.js" "$work/corpus.json" "$work/index.json" \
  "$work/shards" --queries 520 --seed 3

"$agora" index "$work/corpus.json" --shards "$work/scripts" --shard-size 6000 --store title --scripts
node -e '
  const fs = require("fs"), path = require("path"), vm = require("vm");
  const [json, scripts] = process.argv.slice(1);
  const names = fs.readdirSync(json).filter((n) => n.endsWith(".json") && !n.startsWith("docs-"));
  const window = {};
  for (const name of names) {
    vm.runInNewContext(fs.readFileSync(path.join(scripts, name.replace(/\.json$/, ".js")), "utf8"), { window });
    const want = JSON.parse(fs.readFileSync(path.join(json, name), "utf8"));
    const got = window.AGORA_SEARCH_FILES[name];
    // The map records each file'"'"'s own size, so it differs in sizes only.
    if (name === "shards.json") { for (const s of [...want.shards, ...got.shards]) s[3] = 0; want.vocabulary[1] = got.vocabulary[1] = want.refs[1] = got.refs[1] = want.lengths[1] = got.lengths[1] = 0; }
    if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(name + ": the script carries other JSON");
  }
  console.log(`--scripts: ${names.length} scripts carry the same JSON as the .json files`);
' "$work/shards" "$work/scripts"
