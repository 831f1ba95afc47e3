#!/usr/bin/env bash
# End-to-end checks of generator/output through tests/output_tool, with
# outside tools as judges: gzip and unzip read our files, sha256sum checks the
# manifest, rsync -a moves only what changed, and `mirror` works over a
# folder and over HTTP (python3 -m http.server on the loopback).
# Usage (from the build dir): bash output_mirror.sh AGORA_BINARY REPO_ROOT SHARED_DIR
set -euo pipefail

TOOL="$PWD/tests/output_tool"
work=$(mktemp -d)
pids=()  # background processes this script started
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [[ "$1" == "$2" ]] || fail "$3: expected [$2], got [$1]"; }

# A small site: 30 pages, a stylesheet, an image.
mkdir -p src/css src/img
for i in $(seq 1 30); do
  mkdir -p "src/notes/n$i"
  for j in $(seq 1 40); do echo "<p>Note $i, paragraph $j: help desks and mirrors.</p>"; done \
    > "src/notes/n$i/index.html"
done
for j in $(seq 1 100); do echo ".c$j { margin: ${j}px; }"; done > src/css/site.css
head -c 4000 /dev/urandom > src/img/photo.jpg

# 1. First write, then outside tools read what we wrote.
"$TOOL" write src out cache > /dev/null
[[ -f out/notes/n1/index.html.gz && -f out/notes/n1/index.html.br ]] || fail "no precompressed copies"
[[ ! -e out/img/photo.jpg.gz ]] || fail "binary file was compressed"
for gz in $(find out -name '*.gz'); do
  gzip -t "$gz" || fail "gzip -t $gz"
  cmp -s <(gzip -dc "$gz") "${gz%.gz}" || fail "$gz does not decompress to its source"
done
python3 - out <<'PY' || fail "manifest does not match the files"
import hashlib, json, os, sys
root = sys.argv[1]
entries = json.load(open(os.path.join(root, "manifest.json")))["files"]
paths = [e["path"] for e in entries]
assert paths == sorted(paths), "not sorted"
on_disk = sorted(os.path.relpath(os.path.join(d, f), root)
                 for d, _, fs in os.walk(root) for f in fs if f != "manifest.json")
assert on_disk == sorted(paths), "manifest and folder list different files"
for e in entries:
    data = open(os.path.join(root, e["path"]), "rb").read()
    assert len(data) == e["bytes"] and hashlib.sha256(data).hexdigest() == e["sha256"], e["path"]
PY

# 2. Determinism: another folder, no cache, same bytes.
"$TOOL" write src out2 > /dev/null
diff -r out out2 > /dev/null || fail "two writes of the same site differ"

# 3. rsync -a moves only what changed.
rsync -a out/ rsynced/
echo "<p>edited</p>" >> src/notes/n7/index.html
rm -r src/notes/n30
report=$("$TOOL" write src out cache)
[[ "$report" == *"compressed=2 cache_hits=58"* ]] || fail "cache not used: $report"
changed=$(rsync -ai --delete --dry-run out/ rsynced/ | grep -E '^(>f|\*deleting)' | awk '{print $2}' | sort | tr '\n' ' ')
expect_eq "$changed" "manifest.json notes/n30/ notes/n30/index.html notes/n30/index.html.br notes/n30/index.html.gz notes/n7/index.html notes/n7/index.html.br notes/n7/index.html.gz " "rsync transfer set"

# 4. Mirror from a folder: initial copy, then an incremental update.
run_mirror() { "$TOOL" mirror "$@" 2> mirror.log; }
out1=$(run_mirror out2 dest)
[[ "$out1" == "files=94 fetched=94 kept=0 "* ]] || fail "initial mirror: $out1"
grep -q "^mirror: 94/94 files, " mirror.log || fail "no progress line: $(cat mirror.log)"
out1=$(run_mirror out dest)
[[ "$out1" == "files=91 fetched=3 kept=88 resumed=0 repaired=0 deleted=3" ]] || fail "update: $out1"
diff -r out dest > /dev/null || fail "mirror differs from source"

# 5. A corrupted DEST file is detected and fetched again.
echo "bit rot" > dest/notes/n3/index.html
out1=$(run_mirror out dest)
[[ "$out1" == "files=91 fetched=1 kept=90 resumed=0 repaired=1 deleted=0" ]] || fail "repair: $out1"
diff -r out dest > /dev/null || fail "mirror not repaired"

# 6. Over HTTP, from a path prefix, on the loopback.
mkdir -p www/a/deep && cp -r out www/a/deep/prefix
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory www "$port" > /dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break
  sleep 0.1
done
out1=$(run_mirror "http://127.0.0.1:$port/a/deep/prefix/" web)
[[ "$out1" == "files=91 fetched=91 "* ]] || fail "http mirror: $out1"
diff -r out web > /dev/null || fail "http mirror differs"

# 7. A mirror killed midway (SIGKILL, from a slow server) leaves DEST at the
# old version, and the next run fetches only what it had not verified.
cp -r dest before_kill
for i in $(seq 1 29); do echo "<p>v3</p>" >> "src/notes/n$i/index.html"; done
"$TOOL" write src out cache > /dev/null
rm -rf www/a/deep/prefix && cp -r out www/a/deep/prefix
slow_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 - "$slow_port" www > /dev/null 2>&1 <<'PY' &
import functools, http.server, sys, time
class Slow(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        time.sleep(0.05)
        super().do_GET()
handler = functools.partial(Slow, directory=sys.argv[2])
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), handler).serve_forever()
PY
pids+=($!)
for _ in $(seq 1 100); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $slow_port))" 2>/dev/null && break
  sleep 0.1
done
slow_url="http://127.0.0.1:$slow_port/a/deep/prefix/"
"$TOOL" mirror "$slow_url" dest > /dev/null 2> kill.log &
mirror_pid=$!
sleep 2
kill -9 "$mirror_pid" 2>/dev/null || fail "mirror finished before it could be killed"
wait "$mirror_pid" 2>/dev/null || true
diff -r before_kill dest > /dev/null || fail "a killed mirror changed DEST"
[[ -d dest.staging ]] || fail "a killed mirror left no staging dir to resume from"
out1=$(run_mirror "$slow_url" dest)
read -r files fetched kept resumed _ <<< "$(echo "$out1" | tr '=' ' ' | awk '{print $2, $4, $6, $8}')"
expect_eq "$files" 91 "files after resume"
(( resumed > 0 )) || fail "resume re-verified nothing: $out1"
(( fetched < 87 )) || fail "resume fetched everything again: $out1"
expect_eq "$((fetched + kept + resumed))" 91 "every file settled once"
diff -r out dest > /dev/null || fail "resumed mirror differs from source"
echo "resumed after SIGKILL: $out1"

# 8. The offline bundle: unzip reads it, and it is byte-stable.
"$TOOL" zip src a.zip && "$TOOL" zip src b.zip
unzip -tq a.zip > /dev/null || fail "unzip -t"
cmp -s a.zip b.zip || fail "two zips differ"
mkdir unzipped && (cd unzipped && unzip -q ../a.zip)
diff -r src unzipped > /dev/null || fail "zip does not round-trip"

# 9. The weight report names the type and its page count.
"$TOOL" report src notes | grep -qE '^notes +29 ' || fail "weight report"

echo "output e2e: ok"
