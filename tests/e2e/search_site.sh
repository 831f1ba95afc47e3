#!/usr/bin/env bash
# The bundled site's search index, checked against lunr.js itself: lunr.js
# builds an index from the corpus `agora build --emit-search-corpus` wrote,
# and it must equal search/index.json (byte for byte, and so also within the
# contract's 0.001 on scores). Also checks the search files the page loads.
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$agora" build --config "$repo/site.yaml" --out "$work/public" --emit-search-corpus "$work/corpus.json"
node "$repo/tests/e2e/lunr/compare-index.js" "$work/corpus.json" "$work/public/search/index.json" --require-identical

# The default language's index: translations (NAME.LANG.md) are in their own.
documents=$(find "$repo/content" -name '*.md' ! -regex '.*\.[a-z][a-z][a-z]?\.md' | wc -l)
node -e '
  const fs = require("fs");
  const [dir, expected] = process.argv.slice(1);
  const docs = JSON.parse(fs.readFileSync(dir + "/search/documents.json", "utf8"));
  const corpus = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
  const refs = Object.keys(docs);
  if (refs.length !== Number(expected)) throw new Error(`documents.json has ${refs.length} entries, want ${expected}`);
  for (const d of corpus.documents) {
    const entry = docs[d.ref];
    if (!entry || !entry.title || !entry.url || !entry.type || !entry.date) throw new Error("incomplete entry " + d.ref);
    if (!fs.existsSync(dir + "/" + entry.url + "index.html")) throw new Error("no page at " + entry.url);
  }
  // index.js carries the same index and documents for file:// browsing.
  global.window = {};
  eval(fs.readFileSync(dir + "/search/index.js", "utf8"));
  const same = JSON.stringify(window.AGORA_SEARCH.index) === fs.readFileSync(dir + "/search/index.json", "utf8");
  if (!same) throw new Error("index.js and index.json differ");
  console.log(`search files: ${refs.length} documents, index.js matches index.json`);
' "$work/public" "$documents" "$work/corpus.json"
cmp "$work/public/search/lunr.min.js" /usr/share/javascript/lunr/lunr.min.js || fail "lunr.min.js is not Debian's"
