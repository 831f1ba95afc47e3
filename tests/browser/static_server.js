// A tiny static file server for browser tests: serves ROOT under PREFIX on
// 127.0.0.1 (an ephemeral port), directory URLs as their index.html.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const kTypes = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain', '.zip': 'application/zip', '.csv': 'text/csv',
};

// Resolves to {url, close()}; url ends with the prefix and a '/'.
function serve(root, prefix = '/') {
  const base = prefix.endsWith('/') ? prefix : prefix + '/';
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!pathname.startsWith(base)) { res.writeHead(404); res.end('outside the prefix'); return; }
    let file = path.join(root, pathname.slice(base.length));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!pathname.endsWith('/')) { res.writeHead(301, { Location: pathname + '/' }); res.end(); return; }
      file = path.join(file, 'index.html');
    }
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404); res.end('not found'); return; }
      res.writeHead(200, { 'Content-Type': kTypes[path.extname(file)] || 'application/octet-stream' });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}${base}`, close: () => server.close() });
  }));
}

module.exports = { serve };
