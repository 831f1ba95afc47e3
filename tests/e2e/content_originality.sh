#!/usr/bin/env bash
# The bundled content states the seeds' facts in new sentences: no run of
# 10 words is shared with a seed document.
set -euo pipefail
repo=$2 shared=$3
node "$repo/tests/tools/seed_overlap.js" "$repo/content" "$shared/seeds" 10
