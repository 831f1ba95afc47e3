#!/usr/bin/env bash
# The committed issue forms are exactly what `agora forms` generates from
# site.yaml, so they never drift from the schema; and the intake workflow
# is valid YAML that names the labels the forms set.
# Usage: issue_forms.sh AGORA_BIN REPO_ROOT SHARED_DIR
set -euo pipefail
agora=$(realpath "$1")
root=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$root" && "$agora" forms --out "$tmp/forms" > "$tmp/out.txt")
committed=$(cd "$root/.github/ISSUE_TEMPLATE" && ls *.yml | sort)
generated=$(cd "$tmp/forms" && ls *.yml | sort)
[[ "$committed" == "$generated" ]] || {
  echo "FAIL: .github/ISSUE_TEMPLATE has [$committed], agora forms writes [$generated]" >&2
  echo "run 'agora forms' and commit the result" >&2
  exit 1
}
for form in $generated; do
  diff -u "$root/.github/ISSUE_TEMPLATE/$form" "$tmp/forms/$form" || {
    echo "FAIL: $form differs from what agora forms generates; run 'agora forms'" >&2
    exit 1
  }
done
python3 - "$root" <<'PY'
import sys, yaml
root = sys.argv[1]
workflow = yaml.safe_load(open(f"{root}/.github/workflows/intake.yml"))
condition = workflow["jobs"]["intake"]["if"]
for form in ("request-support.yml", "offer-support.yml"):
    labels = yaml.safe_load(open(f"{root}/.github/ISSUE_TEMPLATE/{form}"))["labels"]
    for label in labels:
        assert f"'{label}'" in condition, f"intake.yml does not react to label {label!r} of {form}"
PY
echo "issue forms: $(echo "$generated" | wc -w) forms, as site.yaml declares them"
