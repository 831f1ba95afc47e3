// Drives themes/default/assets/js/search.js in Chromium (playwright-core):
// the search page must show the expected first result over http:// (fetching
// index.json + documents.json) and over file:// (loading search/index.js),
// put the query in ?q=, and filter by type.
//   node check.js SITE_DIR HTTP_URL
'use strict';
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const [siteDir, httpUrl] = process.argv.slice(2);

async function check(browser, url, label) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.fill('#q', 'mangroves');
  await page.waitForSelector('#search-results ol li a', { timeout: 10000 });
  const first = await page.textContent('#search-results ol li a');
  const marked = await page.$$eval('#search-results mark', (ms) => ms.map((m) => m.textContent));
  await page.waitForFunction(() => location.search.includes('q=mangroves'));
  await page.selectOption('#search-type', 'policies');
  await page.waitForFunction(() => location.search.includes('type=policies'));
  const filtered = await page.$$eval('#search-results ol li .search-result-type', (ts) => ts.map((t) => t.textContent));
  // Keyboard: ArrowDown from the box lands on the first result.
  await page.focus('#q');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  await page.close();
  const ok = first === 'Mangroves and coastal resilience' && marked.length > 0 &&
    filtered.length > 0 && filtered.every((t) => t === 'Policies') && focused.length > 0 &&
    errors.length === 0;
  console.log(`${label}: first result "${first}", ${marked.length} marks, ` +
    `${filtered.length} policy results, focus "${focused}", errors ${JSON.stringify(errors)} -> ${ok ? 'ok' : 'FAIL'}`);
  return ok;
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  let ok = true;
  try {
    ok = (await check(browser, `${httpUrl}/search/index.html`, 'http')) && ok;
    ok = (await check(browser, 'file://' + path.resolve(siteDir, 'search/index.html'), 'file')) && ok;
  } finally {
    await browser.close();
  }
  process.exit(ok ? 0 : 1);
})().catch((e) => { console.error(e); process.exit(1); });
