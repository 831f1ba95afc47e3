#!/usr/bin/env bash
# agora build --compare-to: two builds of the fixture site that differ by one
# document. The pages reported added, changed and removed are exactly the
# .html files whose bytes differ between the two output folders, compared
# with a folder and with a URL (the first build served over HTTP).
set -euo pipefail
agora=$1 repo=$2
work=$(mktemp -d)
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cp -r "$repo/tests/fixtures/site" "$work/site"
"$agora" build --config "$work/site/site.yaml" --out "$work/published" -q

# The truth, from the bytes: "added|changed|removed PATH" for every .html
# file that differs between two folders.
truth() {
  python3 - "$1" "$2" <<'PY'
import os, sys
def pages(root):
    found = {}
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith('.html'):
                p = os.path.join(d, f)
                found[os.path.relpath(p, root)] = open(p, 'rb').read()
    return found
old, new = pages(sys.argv[1]), pages(sys.argv[2])
for p in sorted(set(old) | set(new)):
    if p not in old: print('added', p)
    elif p not in new: print('removed', p)
    elif old[p] != new[p]: print('changed', p)
PY
}
# The same lines from agora's JSON, checking each URL on the way.
reported() {
  python3 - "$1" "$2" <<'PY'
import json, sys
changes = json.load(open(sys.argv[1]))
base = sys.argv[2]
lines = []
for kind in ('added', 'changed', 'removed'):
    for page in changes['pages'][kind]:
        path, url = page['path'], page['url']
        expected = base + (path[:-len('index.html')] if path.endswith('index.html') else path)
        if url != expected:
            sys.exit('FAIL: %s has URL %s, expected %s' % (path, url, expected))
        lines.append((path, kind))
for path, kind in sorted(lines):
    print(kind, path)
PY
}
compare() {  # compare NAME SOURCE
  local name=$1 source=$2
  "$agora" build --config "$work/site/site.yaml" --out "$work/$name" --compare-to "$source" \
    --compare-out "$work/$name.json" >"$work/$name.log"
  cat "$work/$name.log"
  diff <(truth "$work/published" "$work/$name" | sort) \
       <(reported "$work/$name.json" https://fixture.example.org/kb/ | sort) ||
    fail "$name: reported pages differ from the pages whose bytes changed"
  local count
  count=$(truth "$work/published" "$work/$name" | wc -l)
  ((count > 0)) || fail "$name: nothing changed"
  grep -q "^agora build: compared with $source: " "$work/$name.log" || fail "$name: no summary"
}

echo "-- one document edited, compared with a folder"
sed -i 's/Members asked for plain language/Members asked for plainer language/' \
  "$work/site/content/notes/first-session.md"
compare edited "$work/published"
truth "$work/published" "$work/edited" | grep -qx 'changed notes/first-session/index.html' ||
  fail "the edited document's page is not among the changes"
truth "$work/published" "$work/edited" | grep -q '^changed index.html$' &&
  fail "the home page changed although the edit is only in a body"
[[ -f "$work/edited.json" ]] || fail "no JSON list"
# The pull-request workflow's job summary, from the same output.
"$repo/scripts/changes-summary" "$work/edited.log" >"$work/summary.md"
grep -qx -- '- changed <https://fixture.example.org/kb/notes/first-session/>' "$work/summary.md" ||
  fail "the job summary does not list the changed page: $(cat "$work/summary.md")"
grep -q '^compared with .*: 0 pages added, 1 changed, 0 removed' "$work/summary.md" ||
  fail "the job summary has no count line"

echo "-- one document added, compared with a URL"
cp "$repo/tests/fixtures/site/content/notes/first-session.md" "$work/site/content/notes/"
sed 's/^title: .*/title: A fourth session, added/' "$work/site/content/notes/second-session.md" \
  > "$work/site/content/notes/fourth-session.md"
port_file="$work/port"
python3 -c '
import http.server, functools, sys
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args): pass
handler = functools.partial(Quiet, directory=sys.argv[1])
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
open(sys.argv[2], "w").write(str(server.server_port))
server.serve_forever()' "$work/published" "$port_file" &
server=$!
for _ in $(seq 1 600); do [[ -s "$port_file" ]] && break; sleep 0.1; done
[[ -s "$port_file" ]] || fail "the HTTP server did not start"
compare added "http://127.0.0.1:$(cat "$port_file")/"
grep -q '"path": "notes/fourth-session/index.html"' "$work/added.json" ||
  fail "the added page is not listed"

echo "-- an unreachable published site is an error"
if "$agora" build --config "$work/site/site.yaml" --out "$work/x" --compare-to "$work/none" \
     -q 2>"$work/err.log"; then
  fail "a missing published folder was accepted"
fi
grep -q 'compare-to' "$work/err.log" || fail "no --compare-to error message"
echo "compare-to: exactly the changed pages, from a folder and from a URL"
