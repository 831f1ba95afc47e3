// An --offline build opened through file:// in Chromium: from the home page,
// follow links three levels deep (a listing, a document, a term page), then
// search from there. Usage: node offline_browse.js OFFLINE_SITE_DIR
'use strict';
const path = require('path');
const { launch } = require('./chromium.js');

function expect(cond, message) {
  if (!cond) throw new Error(message);
  console.log('ok: ' + message);
}

(async () => {
  const root = path.resolve(process.argv[2]);
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto('file://' + root + '/index.html');
    expect(page.url().startsWith('file://'), 'home opened from file://');
    await page.click('nav.site-nav a[href$="initiatives/index.html"]');
    expect(page.url().endsWith('/initiatives/index.html'), 'level 1: a listing ' + page.url());
    await page.click('.items .item-title a');
    expect(/\/initiatives\/[^/]+\/index\.html$/.test(page.url()), 'level 2: a document ' + page.url());
    await page.click('.document-meta .terms a[href*="themes/"]');
    expect(/\/themes\/[^/]+\/index\.html$/.test(page.url()), 'level 3: a term page ' + page.url());
    const title = await page.textContent('h1');
    expect(title.trim().length > 0, 'the term page has a heading: ' + title.trim());
    await page.fill('#site-search', 'partner2connect');
    await page.press('#site-search', 'Enter');
    await page.waitForSelector('#search-results a', { timeout: 15000 });
    const count = await page.$$eval('#search-results li a', (as) => as.length);
    const first = await page.$eval('#search-results a', (a) => a.getAttribute('href'));
    expect(count > 0 && first.endsWith('index.html'), `search from file:// gives ${count} results, first ${first}`);
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
