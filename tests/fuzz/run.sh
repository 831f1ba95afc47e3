#!/usr/bin/env bash
# Runs every fuzz target of BUILD (default build-fuzz) for SECONDS each
# (default 600), one at a time on one core (or only the targets named after
# BUILD and SECONDS), growing a working corpus in
# BUILD/fuzz-corpus/TARGET from the seeds in tests/fuzz/corpus/TARGET.
# Writes BUILD/fuzz-report.txt: executions and coverage per target. A crash,
# leak or timeout leaves its input in BUILD/fuzz-artifacts/TARGET/ and fails
# the run; turn each one into a regression test in tests/security/.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build-fuzz}
seconds=${2:-600}
report="$build/fuzz-report.txt"
: > "$report"
status=0
shift 2 2> /dev/null || shift $#
for fuzzer in "$build"/tests/fuzz/*_fuzzer; do
  name=$(basename "$fuzzer" _fuzzer)
  if (($# > 0)) && [[ " $* " != *" $name "* ]]; then continue; fi
  work="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name/"
  mkdir -p "$work" "$artifacts"
  log="$build/fuzz-$name.log"
  # -timeout: no single input may take 5 s (a stall is a bug, as a crash is).
  # One process, no -jobs: one core, and the log stays ours (with -jobs,
  # libFuzzer writes fuzz-N.log into the current folder).
  "$fuzzer" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
    -max_len=16384 -print_final_stats=1 -artifact_prefix="$artifacts" \
    -dict="$here/agora.dict" "$work" "$here/corpus/$name" > "$log" 2>&1
  code=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(ls "$work" | wc -l)
  line="$name: ${runs:-0} executions in ${seconds} s, coverage ${cov:-0} edges, ${ft:-0} features, corpus ${corpus} inputs, exit ${code}"
  echo "$line" | tee -a "$report"
  if ((code != 0)); then
    status=1
    grep -m3 -E "ERROR|SUMMARY|Test unit written" "$log" | sed 's/^/  /' | tee -a "$report"
  fi
done
exit $status
