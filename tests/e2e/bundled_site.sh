#!/usr/bin/env bash
# The bundled knowledge repository: `agora check` passes with no warnings,
# every document is published, and every internal link of the built site
# resolves.
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$repo" && "$agora" check) | tee "$work/check.log"
grep -q 'no problems found' "$work/check.log" || fail "agora check reported problems"

documents=$(find "$repo/content" -name '*.md' | wc -l)
[[ $documents -ge 60 ]] || fail "only $documents documents"
"$agora" build --config "$repo/site.yaml" --out "$work/public"
# A translation, TYPE/NAME.LANG.md, is published in its language's tree.
for md in $(cd "$repo/content" && find . -name '*.md' | sed 's|^\./||; s|\.md$||'); do
  page=$md
  if [[ $md =~ ^(.*)\.([a-z][a-z])$ ]]; then page=${BASH_REMATCH[2]}/${BASH_REMATCH[1]}; fi
  [[ -f "$work/public/$page/index.html" ]] || fail "no page for content/$md.md"
done
echo "bundled site: $documents documents, each with its page"
node "$repo/tests/tools/crawl.js" "$work/public"
