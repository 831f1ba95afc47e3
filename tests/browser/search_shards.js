// The search page on a sharded site (tests/e2e/search_shards_browser.sh):
// over HTTP under a sub-path and from file://, queries give the expected
// first result; the page loads the shard map, shards and document chunks
// (never index.json); "More results" shows the next page; the type filter
// counts results without fetching their documents.
// Usage: node search_shards.js ONLINE_SITE_DIR OFFLINE_SITE_DIR
'use strict';
const path = require('path');
const { serve } = require('./static_server.js');
const { launch } = require('./chromium.js');

const [online, offline] = process.argv.slice(2).map((p) => path.resolve(p));
const cases = [
  { query: 'giga school', first: 'initiatives/giga/' },
  { query: 'mongolia', first: 'case-studies/mongolia-digital-transformation-taskforce/' },
];

function expect(cond, message) {
  if (!cond) throw new Error(message);
  console.log('ok: ' + message);
}

async function firstResult(page) {
  await page.waitForSelector('#search-results a', { timeout: 15000 });
  return page.$eval('#search-results a', (a) => a.getAttribute('href'));
}

(async () => {
  const server = await serve(online, '/a/deep/prefix/');
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    let fetched = [];
    page.on('request', (r) => {
      const m = /\/search\/([^/?]+)$/.exec(new URL(r.url()).pathname);
      if (m) fetched.push(m[1]);
    });
    for (const c of cases) {
      fetched = [];
      await page.goto(server.url + 'search/?q=' + encodeURIComponent(c.query));
      const href = await firstResult(page);
      expect(href.endsWith(c.first), `"${c.query}" over HTTP: first result ${href}`);
      const shards = fetched.filter((f) => /^shard-\d+\.json$/.test(f));
      expect(fetched.includes('shards.json') && shards.length >= 1 &&
        fetched.some((f) => /^docs-\d+\.json$/.test(f)) && !fetched.includes('index.json') &&
        !fetched.includes('documents.json'),
        `"${c.query}" fetched the map, ${shards.length} shard(s) and document chunks: ${fetched.join(' ')}`);
    }

    // A query with many results: ten at first, ten more on request.
    await page.goto(server.url + 'search/?q=digital');
    await firstResult(page);
    const before = await page.$$eval('#search-results li a', (as) => as.length);
    await page.click('[data-search-more]');
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li a').length > n, before);
    const after = await page.$$eval('#search-results li a', (as) => as.length);
    expect(before === 10 && after > 10, `"digital": ${before} results, then ${after} after "More results"`);
    const options = await page.$$eval('#search-type option', (os) => os.map((o) => o.textContent));
    expect(options.some((o) => /\(\d*[1-9]\d*\)$/.test(o)), `type filter counts results: ${options.join(', ')}`);

    // From the home page: type in the header box, press Enter.
    await page.goto(server.url);
    await page.fill('#site-search', 'mongolia');
    await page.press('#site-search', 'Enter');
    const typed = await firstResult(page);
    expect(typed.endsWith(cases[1].first), `typed query from the home page: first result ${typed}`);

    const file = 'file://' + offline + '/search/index.html?q=' + encodeURIComponent(cases[0].query);
    fetched = [];
    page.removeAllListeners('request');
    page.on('request', (r) => { if (r.url().startsWith('file:')) fetched.push(path.basename(r.url())); });
    await page.goto(file);
    const offlineHref = await firstResult(page);
    expect(offlineHref.endsWith(cases[0].first + 'index.html'), `file:// offline build: first result ${offlineHref}`);
    expect(fetched.includes('shards.js') && fetched.some((f) => /^shard-\d+\.js$/.test(f)) &&
      fetched.some((f) => /^docs-\d+\.js$/.test(f)), `file:// loaded shard scripts: ${fetched.filter((f) => /^(shard|docs)/.test(f)).join(' ')}`);
    expect(errors.length === 0, 'no script errors' + (errors.length ? ': ' + errors.join('; ') : ''));
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
