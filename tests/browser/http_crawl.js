// Crawls a site over HTTP from START_URL, following every href and src on
// every HTML page that stays under START_URL's path; every one must answer
// 200. Usage: node http_crawl.js SITE_DIR PREFIX   (serves SITE_DIR itself)
'use strict';
const { serve } = require('./static_server.js');

(async () => {
  const [dir, prefix] = process.argv.slice(2);
  const server = await serve(dir, prefix);
  const start = new URL(server.url);
  const seen = new Set([start.href]);
  const queue = [start.href];
  const broken = [];
  let pages = 0;
  try {
    while (queue.length) {
      const url = queue.shift();
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status !== 200) { broken.push(`${url}: HTTP ${res.status}`); continue; }
      if (!(res.headers.get('content-type') || '').startsWith('text/html')) { await res.arrayBuffer(); continue; }
      pages++;
      const html = await res.text();
      for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const raw = m[1].replace(/&amp;/g, '&');
        const target = new URL(raw, url);
        if (target.origin !== start.origin) continue;  // external links are not ours to check
        if (!target.pathname.startsWith(start.pathname)) {
          broken.push(`${url}: ${raw} leaves ${start.pathname}`);
          continue;
        }
        target.hash = '';
        target.search = '';
        if (!seen.has(target.href)) { seen.add(target.href); queue.push(target.href); }
      }
    }
  } finally {
    server.close();
  }
  console.log(`http crawl under ${start.pathname}: ${pages} pages, ${seen.size} URLs, ${broken.length} broken`);
  for (const b of broken.slice(0, 30)) console.log('  ' + b);
  process.exit(broken.length || pages < 2 ? 1 : 0);
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
