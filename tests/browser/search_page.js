// The search page in a real browser: over HTTP under a sub-path, the query in
// ?q= and typed into the header box give the expected first result; from a
// file:// copy of an --offline build, search works too (search/index.js).
// Usage: node search_page.js ONLINE_SITE_DIR OFFLINE_SITE_DIR
'use strict';
const path = require('path');
const { serve } = require('./static_server.js');
const { launch } = require('./chromium.js');

const [online, offline] = process.argv.slice(2).map((p) => path.resolve(p));
const cases = [
  { query: 'giga school', first: 'initiatives/giga/' },
  { query: 'mongolia', first: 'case-studies/mongolia-digital-transformation-taskforce/' },
];

async function firstResult(page) {
  await page.waitForSelector('#search-results a', { timeout: 15000 });
  return page.$eval('#search-results a', (a) => a.getAttribute('href'));
}

function expect(cond, message) {
  if (!cond) throw new Error(message);
  console.log('ok: ' + message);
}

(async () => {
  const server = await serve(online, '/a/deep/prefix/');
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    for (const c of cases) {
      await page.goto(server.url + 'search/?q=' + encodeURIComponent(c.query));
      const href = await firstResult(page);
      expect(href.endsWith(c.first), `"${c.query}" over HTTP: first result ${href}`);
    }
    // From the home page: type in the header box, press Enter.
    await page.goto(server.url);
    await page.fill('#site-search', 'mongolia');
    await page.press('#site-search', 'Enter');
    const href = await firstResult(page);
    expect(href.endsWith(cases[1].first), `typed query from the home page: first result ${href}`);
    expect(new URL(page.url()).searchParams.get('q') === 'mongolia', 'the query is in the URL');
    await page.click('#search-results a');
    await page.waitForLoadState();
    expect(page.url().endsWith(cases[1].first), 'the result link opens the document');

    const file = 'file://' + offline + '/search/index.html?q=' + encodeURIComponent(cases[0].query);
    await page.goto(file);
    const offlineHref = await firstResult(page);
    expect(offlineHref.endsWith(cases[0].first + 'index.html'), `file:// offline build: first result ${offlineHref}`);
    expect(errors.length === 0, 'no script errors' + (errors.length ? ': ' + errors.join('; ') : ''));
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
