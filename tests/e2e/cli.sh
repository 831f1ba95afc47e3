#!/usr/bin/env bash
# The command line itself: version, help, the subcommand table, and exit
# codes for misuse.
set -euo pipefail
agora=$1
fail() { echo "FAIL: $*"; exit 1; }

[[ "$("$agora" --version)" =~ ^agora\ [0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version"
help=$("$agora" --help)
for command in build check new mirror; do
  grep -Eq "^  $command " <<<"$help" || fail "--help does not list $command"
done
"$agora" build --help | grep -q -- '--emit-search-corpus' || fail "build --help"
if "$agora" 2>/dev/null; then fail "no subcommand exited 0"; fi
if "$agora" frobnicate 2>/dev/null; then fail "unknown subcommand exited 0"; fi
if "$agora" check --format xml 2>/dev/null; then fail "bad --format exited 0"; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if (cd "$work" && "$agora" build 2> err.log); then fail "build without site.yaml exited 0"; fi
grep -q "site.yaml" "$work/err.log" || fail "missing site.yaml not named"
echo "cli: all checks passed"
