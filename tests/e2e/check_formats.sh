#!/usr/bin/env bash
# The real binary's `agora check` report in each format, its exit codes, and
# colour only when stdout (not stderr) is a terminal.
# Usage: check_formats.sh AGORA_BIN REPO_ROOT SHARED_DIR
set -euo pipefail
agora=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

site=$tmp/site
cp -r "$root/tests/fixtures/bad/site" "$site"
cd "$site"
"$agora" check > "$tmp/out" || fail "a clean site must pass"
[[ $(cat "$tmp/out") == "agora check: 4 documents, no problems found" ]] || fail "clean: $(cat "$tmp/out")"

cat > content/case-studies/new-case.md <<'DOC'
---
title: New case
date: 2023-01-01
summary: A summary.
regions: [sub-saharan africa]
draft: true
---
Body.
DOC

status=0; "$agora" check > "$tmp/text" || status=$?
[[ $status -eq 1 ]] || fail "text: exit $status"
diff -u - "$tmp/text" <<'OUT' || fail "text report differs"
content/case-studies/new-case.md:5:11: error[unknown-term]: 'sub-saharan africa' is not in the vocabulary of Regions (field 'regions')
  5 | regions: [sub-saharan africa]
    |           ^
  hint: did you mean 'Sub-Saharan Africa'?
content/case-studies/new-case.md:6:1: warning[draft]: draft: true keeps this document out of the published site
  6 | draft: true
    | ^
  hint: remove 'draft: true' when it is ready to publish
1 error, 1 warning
OUT

status=0; "$agora" check --format github > "$tmp/github" || status=$?
[[ $status -eq 1 ]] || fail "github: exit $status"
diff -u - "$tmp/github" <<'OUT' || fail "github report differs"
::error file=content/case-studies/new-case.md,line=5,col=11,title=unknown-term::'sub-saharan africa' is not in the vocabulary of Regions (field 'regions') (did you mean 'Sub-Saharan Africa'?)
::warning file=content/case-studies/new-case.md,line=6,col=1,title=draft::draft: true keeps this document out of the published site (remove 'draft: true' when it is ready to publish)
OUT

status=0; "$agora" check --format json > "$tmp/json" || status=$?
[[ $status -eq 1 ]] || fail "json: exit $status"
python3 - "$tmp/json" <<'PY' || fail "json report differs"
import json, sys
got = json.load(open(sys.argv[1]))
assert [list(d) for d in got] == [["file", "line", "column", "severity", "code", "message", "hint"]] * 2, got
assert [(d["line"], d["column"], d["severity"], d["code"]) for d in got] == \
    [(5, 11, "error", "unknown-term"), (6, 1, "warning", "draft")], got
PY

# Warnings alone pass, unless --strict.
sed -i 's/sub-saharan africa/Sub-Saharan Africa/' content/case-studies/new-case.md
"$agora" check > /dev/null || fail "a warning alone must not fail"
status=0; "$agora" check --strict > /dev/null || status=$?
[[ $status -eq 1 ]] || fail "--strict: exit $status"

# Colour: stdout a terminal -> colour; stdout a pipe with stderr a terminal
# -> none; NO_COLOR -> none. `script` runs the command on a pseudo-terminal.
script -qec "'$agora' check" /dev/null > "$tmp/tty" || true
grep -q $'\033\\[' "$tmp/tty" || fail "no colour on a terminal"
script -qec "'$agora' check | cat" /dev/null > "$tmp/pipe" || true
grep -q 'warning\[draft\]' "$tmp/pipe" || fail "piped report missing"
if grep -q $'\033\\[' "$tmp/pipe"; then fail "colour on a pipe"; fi
script -qec "NO_COLOR=1 '$agora' check" /dev/null > "$tmp/nocolor" || true
if grep -q $'\033\\[' "$tmp/nocolor"; then fail "colour despite NO_COLOR"; fi
echo "check formats: ok"
