#!/usr/bin/env bash
# make bench's smallest size, untimed, so the benchmark never rots: the
# corpus generator, agora (cold, warm, one edit, the next edit, warm without
# compressed copies), the floor under its writes, Hugo with bench/hugo's
# layouts, and the index alone against lunr.js must all run, and the table
# must hold every row. No figure is checked.
set -euo pipefail
agora="$1" root="$2"
command -v hugo > /dev/null || { echo "hugo missing"; exit 77; }
[ -d /usr/share/nodejs/lunr ] || { echo "node-lunr missing"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
node "$root/bench/site-bench.js" --sizes 1000 --runs 1 --lunr-sizes 1000 --mixed 300x200 --settle 0 \
  --build-dir "$(dirname "$agora")" --work "$work" > "$work/out.txt" 2>&1 || {
  cat "$work/out.txt"; exit 1; }
cat "$work/out.txt"
fail=0
for row in "| 1000 | agora cold |" "| 1000 | Hugo |" "| 1000 | agora warm |" "| 1000 | agora, one edit |" \
           "| 1000 | agora, next edit |" "| 1000 | agora warm, no copies |" \
           "| 1000 | floor: write its files |" "| 1000 | floor: link its files |" \
           "| site corpus, 1000 documents |" "| mixed-script corpus, 300 × 200 words |"; do
  grep -qF "$row" "$work/out.txt" || { echo "FAIL: no row $row"; fail=1; }
done
if grep -q "| NO |" "$work/out.txt"; then echo "FAIL: an index differs from lunr.js's"; fail=1; fi
# Every agora row wrote a site with pages; Hugo too.
awk -F'|' '/^\| 1000 \|/ { gsub(/ /, "", $7); if ($7 + 0 < 1000) { print "FAIL: few pages: " $0; bad = 1 } }
  END { exit bad }' "$work/out.txt" || fail=1
# Without compressed copies: as many pages as with them, fewer files.
awk -F'|' '/^\| 1000 \| agora warm \|/ { gsub(/ /, "", $7); gsub(/ /, "", $8); pages = $7; files = $8 }
  /^\| 1000 \| agora warm, no copies \|/ { gsub(/ /, "", $7); gsub(/ /, "", $8); plain = $7; plain_files = $8 }
  END { if (plain != pages || plain_files + 0 >= files + 0) { print "FAIL: no copies: " plain " pages, " plain_files " files"; exit 1 } }' \
  "$work/out.txt" || fail=1
# The floor made the warm build's files again, every one.
awk -F'|' '/^\| 1000 \| agora warm \|/ { gsub(/ /, "", $8); files = $8 }
  /^\| 1000 \| floor: / { gsub(/ /, "", $8); floor[++n] = $8 }
  END { bad = n < 2; for (i = 1; i <= n; i++) if (floor[i] != files) bad = 1
        if (bad) { print "FAIL: floor: " n " rows, not all of " files " files"; exit 1 } }' \
  "$work/out.txt" || fail=1
[ "$fail" = 0 ] && echo "bench_smallest: ok"
exit "$fail"
