#!/usr/bin/env bash
# agora serve over real HTTP: files, codings, 304s, traversal, live reload,
# the error overlay, SIGINT. See tests/e2e/serve/serve_test.py.
# Usage: serve.sh AGORA_BINARY REPO_ROOT SHARED_DIR (cwd: build dir)
set -euo pipefail
exec python3 "$2/tests/e2e/serve/serve_test.py" "$1" "$2"
