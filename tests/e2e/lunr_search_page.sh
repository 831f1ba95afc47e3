#!/usr/bin/env bash
# The default theme's search.js in Chromium: a small site with a search
# index built by agora (lunr_tool), lunr.min.js from libjs-lunr, served over
# http and opened from file://. Skips (77) without playwright-core.
# Usage: lunr_search_page.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail
agora="$1" root="$2"
tool="$(dirname "$agora")/tests/lunr_tool"
if ! (cd "$root" && node -e 'require.resolve("playwright-core")' 2>/dev/null); then
  echo "SKIP: playwright-core is not installed (npm ci in $root)"
  exit 77
fi
site="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$site"; }
trap cleanup EXIT

mkdir -p "$site/search" "$site/assets/js"
cp "$root/tests/e2e/search_page/index.html" "$site/search/index.html"
cp "$root/themes/default/assets/js/search.js" "$site/assets/js/search.js"
cp /usr/share/javascript/lunr/lunr.min.js "$site/search/lunr.min.js"
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const docs = [
    ["case-studies/mangroves/", "Mangroves and coastal resilience", "case-studies", "2024-03-01",
     "How a fishing community restored mangroves to protect the coast."],
    ["policies/coastal-zoning/", "Coastal zoning template", "policies", "2023-11-20",
     "A policy template for zoning that protects mangroves and wetlands."],
    ["meetings/2024-05/", "Roundtable, May 2024", "meetings", "2024-05-14",
     "Notes on digital help desks, data sharing and open standards."],
  ];
  const corpus = { ref: "url", fields: [{ name: "title", boost: 10 }, { name: "summary", boost: 5 }],
    documents: docs.map(([url, title, , , summary]) => ({ url, title, summary })) };
  const documents = {};
  for (const [url, title, type, date, summary] of docs) documents[url] = { title, url, type, date, summary };
  fs.writeFileSync(dir + "/corpus.json", JSON.stringify(corpus));
  fs.writeFileSync(dir + "/search/documents.json", JSON.stringify(documents));
' "$site"
"$tool" index "$site/corpus.json" "$site/search/index.json" 2>/dev/null
{ printf 'window.AGORA_SEARCH={"index":'; cat "$site/search/index.json"
  printf ',"documents":'; cat "$site/search/documents.json"; printf '};\n'; } > "$site/search/index.js"

port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$site" > /dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/search/index.html" > /dev/null && break
  sleep 0.1
done
(cd "$root" && node "$root/tests/e2e/search_page/check.js" "$site" "http://127.0.0.1:$port")
