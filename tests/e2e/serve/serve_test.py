#!/usr/bin/env python3
"""agora serve against a copy of the fixture site, over real HTTP.

Usage: serve_test.py AGORA_BINARY REPO_ROOT

Starts `agora serve --port 0` (a free port, printed on its first line) and
checks: content types, HEAD, ETag and 304, the .gz/.br copies and pages
compressed on the fly; every traversal attempt (dots, percent-encoded dots,
backslashes, symbolic links leaving the site) gets 404; an edited document
sends the reload event on the event stream and the page then has the new
text; a document whose front matter is broken shows the overlay naming its
file and line over the last good page, and fixing it removes the overlay;
SIGINT stops the server, frees the port and removes its temporary folder;
an output folder inside the watched sources is refused.
Every wait is bounded generously (TIMEOUT); nothing depends on how fast.
"""
import gzip
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

TIMEOUT = 180  # seconds; a loaded CI machine builds slowly, a hang still fails
DOC = 'content/notes/first-session.md'
DOC_URL = '/notes/first-session/'


def fail(message):
    print('FAIL: ' + message)
    sys.exit(1)


class Server:
    """The agora serve process, its output collected by a thread."""

    def __init__(self, agora, site):
        self.proc = subprocess.Popen(
            [agora, 'serve', '--config', os.path.join(site, 'site.yaml'), '--port', '0'],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.lines = []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()
        first = self.wait_line(r'^agora serve: http://127\.0\.0\.1:(\d+)/ serves (\S+);')
        self.port = int(first.group(1))
        self.out = first.group(2)

    def _read(self):
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append(line.rstrip('\n'))
            print('  | ' + line.rstrip('\n'), flush=True)

    def wait_line(self, pattern, start=0):
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            with self.lock:
                for line in self.lines[start:]:
                    m = re.search(pattern, line)
                    if m:
                        return m
            if self.proc.poll() is not None:
                fail('agora serve exited with %s' % self.proc.returncode)
            time.sleep(0.05)
        fail('no line matching %r within %d s' % (pattern, TIMEOUT))

    def request(self, method, target, headers=None):
        conn = http.client.HTTPConnection('127.0.0.1', self.port, timeout=TIMEOUT)
        # putrequest sends the target exactly as given: no normalisation.
        conn.putrequest(method, target, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            conn.putheader(name, value)
        conn.endheaders()
        response = conn.getresponse()
        body = response.read()
        conn.close()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def wait_for(predicate, what):
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    fail('%s: not within %d s' % (what, TIMEOUT))


class EventStream:
    """A raw SSE connection that records the event names it receives."""

    def __init__(self, port, generation):
        self.sock = socket.create_connection(('127.0.0.1', port), timeout=TIMEOUT)
        self.sock.sendall(('GET /__agora/events?generation=%d HTTP/1.1\r\nHost: x\r\n'
                           'Accept: text/event-stream\r\n\r\n' % generation).encode())
        self.data = b''
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                chunk = self.sock.recv(4096)
            except OSError:
                return
            if not chunk:
                return
            with self.lock:
                self.data += chunk

    def text(self):
        with self.lock:
            return self.data.decode('utf-8', 'replace')

    def close(self):
        self.sock.close()


def generation_of(body):
    m = re.search(rb'/__agora/events\?generation=(\d+)', body)
    if not m:
        fail('no live-reload script in the page')
    return int(m.group(1))


def check_files(server):
    out = server.out
    print('-- content types, HEAD, ETag, 304')
    expected = {
        '/': 'text/html; charset=utf-8',
        DOC_URL: 'text/html; charset=utf-8',
        '/css/site.css': 'text/css; charset=utf-8',
        '/search/index.json': 'application/json; charset=utf-8',
        '/sitemap.xml': 'application/xml; charset=utf-8',
        '/robots.txt': 'text/plain; charset=utf-8',
        '/notes/img/map.svg': 'image/svg+xml; charset=utf-8',
    }
    for target, content_type in expected.items():
        status, headers, body = server.request('GET', target)
        if status != 200:
            fail('GET %s: %d' % (target, status))
        if headers.get('content-type') != content_type:
            fail('GET %s: Content-Type %r, expected %r' % (target, headers.get('content-type'),
                                                           content_type))
        etag = headers.get('etag', '')
        if not re.fullmatch(r'"[0-9a-f]{32}"', etag):
            fail('GET %s: ETag %r' % (target, etag))
        head_status, head_headers, head_body = server.request('HEAD', target)
        if head_status != 200 or head_body or head_headers.get('etag') != etag or \
                head_headers.get('content-length') != str(len(body)):
            fail('HEAD %s: %d %r, %d body bytes' % (target, head_status, head_headers,
                                                    len(head_body)))
        status, _, unchanged = server.request('GET', target, {'If-None-Match': etag})
        if status != 304 or unchanged:
            fail('GET %s with If-None-Match: %d, %d bytes' % (target, status, len(unchanged)))
        status, _, _ = server.request('GET', target, {'If-None-Match': '"0000"'})
        if status != 200:
            fail('GET %s with another ETag: %d' % (target, status))
        if not target.endswith('/'):
            with open(os.path.join(out, target[1:]), 'rb') as f:
                if f.read() != body:
                    fail('GET %s: not the bytes of the built file' % target)
    print('   %d files: types, HEAD, 304 as expected' % len(expected))

    print('-- precompressed copies')
    status, _, identity = server.request('GET', '/css/site.css')
    for coding, suffix in (('br', '.br'), ('gzip', '.gz')):
        status, headers, body = server.request('GET', '/css/site.css',
                                               {'Accept-Encoding': coding})
        if headers.get('content-encoding') != coding or 'Accept-Encoding' not in \
                headers.get('vary', ''):
            fail('site.css with %s: %r' % (coding, headers))
        with open(os.path.join(out, 'css/site.css' + suffix), 'rb') as f:
            if body != f.read():
                fail('site.css with %s is not the %s copy' % (coding, suffix))
        status, _, _ = server.request('GET', '/css/site.css', {
            'Accept-Encoding': coding, 'If-None-Match': headers['etag']})
        if status != 304:
            fail('site.css with %s and its ETag: %d' % (coding, status))
    if gzip.decompress(server.request('GET', '/css/site.css',
                                      {'Accept-Encoding': 'gzip'})[2]) != identity:
        fail('site.css.gz does not decompress to site.css')
    status, headers, body = server.request('GET', '/css/site.css',
                                           {'Accept-Encoding': 'br;q=0, gzip;q=0'})
    if 'content-encoding' in headers or body != identity:
        fail('q=0 refusals ignored')
    status, headers, page = server.request('GET', '/')
    status, headers, packed = server.request('GET', '/', {'Accept-Encoding': 'gzip'})
    if headers.get('content-encoding') != 'gzip' or gzip.decompress(packed) != page:
        fail('the home page with gzip is not the page compressed')
    status, headers, packed = server.request('GET', '/', {'Accept-Encoding': 'br'})
    if headers.get('content-encoding') != 'br' or not packed or packed == page:
        fail('the home page with br: %r' % headers)
    print('   .br and .gz copies sent as they are; pages compressed on the fly')


def check_traversal(server, work):
    print('-- traversal')
    secret = os.path.join(work, 'secret.txt')
    with open(secret, 'w') as f:
        f.write('secret outside the site\n')
    os.symlink(secret, os.path.join(server.out, 'leak.txt'))
    os.symlink(work, os.path.join(server.out, 'up'))
    os.symlink('/etc/passwd', os.path.join(server.out, 'notes', 'passwd.html'))
    targets = [
        '/../secret.txt', '/../../../../etc/passwd', '/notes/../../secret.txt',
        '/%2e%2e/secret.txt', '/%2E%2E/%2E%2E/etc/passwd', '/.%2e/secret.txt',
        '/%2e%2e%2fsecret.txt', '/notes/%2e%2e%2f%2e%2e%2fsecret.txt', '/..%2f..%2fetc%2fpasswd',
        '/%252e%252e/secret.txt', '/..\\secret.txt', '/notes\\..\\..\\secret.txt',
        '/%5c..%5csecret.txt', '/notes%5c..%5c..%5csecret.txt', '/leak.txt', '/up/secret.txt',
        '/up/', '/notes/passwd.html', '/index.html%00.txt', '/./index.html',
    ]
    for target in targets:
        status, _, body = server.request('GET', target)
        if status != 404:
            fail('GET %s: %d, expected 404' % (target, status))
        if b'secret outside' in body or b'root:' in body:
            fail('GET %s leaked a file' % target)
    # Inside the site, the same files answer.
    if server.request('GET', '/robots.txt')[0] != 200:
        fail('robots.txt')
    print('   %d traversal attempts: 404 each' % len(targets))


def edit(site, text):
    path = os.path.join(site, DOC)
    tmp = path + '.tmp-edit'
    with open(tmp, 'w') as f:
        f.write(text)
    os.replace(tmp, path)  # as editors save: a new file renamed over the old one


def wait_reload(server, since):
    stream = EventStream(server.port, since)
    wait_for(lambda: 'event: reload' in stream.text(), 'the reload event')
    stream.close()


def check_live(server, site):
    print('-- a page from before the first build reloads, if its stream opens late')
    # The waiting page names generation 0; when the first build ends before
    # its event stream opens, the stream must still tell it to reload.
    wait_reload(server, 0)
    print('-- edit: reload event, new content')
    status, _, page = server.request('GET', DOC_URL)
    generation = generation_of(page)
    stream = EventStream(server.port, generation)
    wait_for(lambda: 'retry:' in stream.text(), 'the event stream to open')
    with open(os.path.join(site, DOC)) as f:
        original = f.read()
    edited = original.replace('The champions opened the meeting.',
                              'The champions opened the meeting with a marker-4711 word.')
    edit(site, edited)
    wait_for(lambda: 'event: reload' in stream.text(), 'the reload event after an edit')
    stream.close()
    status, _, page = server.request('GET', DOC_URL)
    if status != 200 or b'marker-4711' not in page:
        fail('the page does not show the edit')
    generation = generation_of(page)
    print('   reload event received; the page shows the edit')

    print('-- broken front matter: overlay over the last good page')
    broken = edited.replace('date: 2019-12-10', 'date: 2019-13-45')
    line = broken.split('\n').index('date: 2019-13-45') + 1
    edit(site, broken)
    wait_reload(server, generation)
    status, _, page = server.request('GET', DOC_URL)
    text = page.decode()
    if 'id="agora-serve-problems"' not in text:
        fail('no overlay after breaking the front matter')
    location = '%s:%d:' % (DOC, line)
    if location not in text:
        fail('the overlay does not name %s' % location)
    if 'marker-4711' not in text:
        fail('the last good page is not served under the overlay')
    other = server.request('GET', '/')[2].decode()
    if location not in other:
        fail('other pages do not show the overlay')
    generation = generation_of(page)
    print('   overlay names %s on every page, over the last good one' % location)

    print('-- fixed: overlay gone')
    fixed = edited.replace('marker-4711', 'marker-4712')
    edit(site, fixed)
    wait_reload(server, generation)
    page = server.request('GET', DOC_URL)[2].decode()
    if 'agora-serve-problems' in page:
        fail('the overlay stayed after the fix')
    if 'marker-4712' not in page:
        fail('the fixed page is not served')
    print('   overlay gone, the fixed page served')
    # The server's output record is its own: `agora build` into public/
    # afterwards still finds the site's.
    if not os.path.exists(server.out + '.record'):
        fail('no output record beside the temporary folder')
    if os.path.exists(os.path.join(site, '.agora-cache', 'output-record')):
        fail("agora serve wrote the site's output record")


def check_stop(server):
    print('-- SIGINT')
    server.proc.send_signal(signal.SIGINT)
    try:
        code = server.proc.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        fail('agora serve did not stop on SIGINT')
    if code != 0:
        fail('agora serve exited with %d after SIGINT' % code)
    server.wait_line(r'^agora serve: stopped$')
    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.bind(('127.0.0.1', server.port))
    except OSError as e:
        fail('port %d still taken after SIGINT: %s' % (server.port, e))
    finally:
        probe.close()
    # Everything named after the folder goes with it: the tree its last
    # rebuild replaced, its output record and what sits beside the record.
    folder = os.path.dirname(server.out)
    base = os.path.basename(server.out)
    left = sorted(name for name in os.listdir(folder) if name.startswith(base))
    if left:
        fail('still there after the stop: %s' % ', '.join(left))
    print('   exit 0, port %d free, temporary folder removed' % server.port)


def main():
    agora, repo = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp()
    server = None
    try:
        site = os.path.join(work, 'site')
        shutil.copytree(os.path.join(repo, 'tests/fixtures/site'), site)
        # An output folder among the watched sources would rebuild for ever.
        refused = subprocess.run(
            [agora, 'serve', '--config', os.path.join(site, 'site.yaml'), '--port', '0',
             '--out', os.path.join(site, 'content', 'preview')],
            capture_output=True, text=True, timeout=TIMEOUT)
        if refused.returncode != 1 or 'which is watched' not in refused.stderr:
            fail('an output folder inside content/ was accepted: %r' % refused.stderr)
        server = Server(agora, site)
        if not server.out.startswith(tempfile.gettempdir()):
            fail('output not in a temporary folder: ' + server.out)
        wait_for(lambda: server.request('GET', '/')[0] == 200, 'the first build')
        check_files(server)
        check_traversal(server, work)
        check_live(server, site)
        check_stop(server)
        # The script is serve's alone: a build's pages never hold it.
        out = os.path.join(work, 'built')
        subprocess.run([agora, 'build', '--config', os.path.join(site, 'site.yaml'),
                        '--out', out, '-q'], check=True)
        for root, _, files in os.walk(out):
            for name in files:
                with open(os.path.join(root, name), 'rb') as f:
                    if b'__agora' in f.read():
                        fail('build output %s holds the live-reload script' % name)
        print('-- agora build output holds no live-reload script')
    finally:
        if server and server.proc.poll() is None:
            server.proc.kill()
            server.proc.wait()
        shutil.rmtree(work, ignore_errors=True)
    print('serve: all checks passed')


if __name__ == '__main__':
    main()
