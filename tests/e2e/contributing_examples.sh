#!/usr/bin/env bash
# The example front matter in CONTRIBUTING.md must pass `agora check`: each
# ```yaml block after an "<!-- example: TYPE/SLUG -->" line is added to a copy
# of the real site as content/TYPE/SLUG.md, and check must say nothing about it.
# Usage: contributing_examples.sh AGORA_BIN REPO_ROOT SHARED_DIR
set -euo pipefail
agora=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp -r "$root/site.yaml" "$root/data" "$root/content" "$tmp/"
examples=$(awk -v dir="$tmp/content" '
  /^<!-- example: / { target = dir "/" $3 ".md"; next }
  target != "" && /^```yaml$/ { inside = 1; next }
  inside && /^```$/ { print "Body text.\n" > target; close(target); print target; inside = 0; target = ""; next }
  inside { print > target }
' "$root/CONTRIBUTING.md")
count=$(echo "$examples" | grep -c . || true)
[[ $count -eq 9 ]] || { echo "FAIL: expected 9 examples, found $count" >&2; exit 1; }

status=0
(cd "$tmp" && "$agora" check --format json > "$tmp/report.json") || status=$?
python3 - "$tmp/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
bad = [d for d in report if "-example" in d["file"] or "example-foundation" in d["file"]]
for d in bad:
    print(f'FAIL: {d["file"]}:{d["line"]}:{d["column"]}: {d["code"]}: {d["message"]}', file=sys.stderr)
sys.exit(1 if bad else 0)
PY
echo "contributing examples: $count ok (check exit $status on the whole site)"
