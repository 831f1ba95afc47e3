// Search in four languages on tests/fixtures/languages, in Debian's Chromium
// (tests/e2e/search_languages_browser.sh builds the sites):
//   - French: "numériques" finds the French document that only says
//     "numérique" (lunr-languages' stemmer, loaded from fr/search/), marks
//     the word, and speaks French;
//   - Chinese: a four-character phrase and a two-character word find the
//     Chinese document (bigrams, lunr-zh.js from zh/search/);
//   - Arabic: an inflected word finds the Arabic document; the page is
//     right-to-left and has zero axe-core violations at phone and desktop
//     widths, empty and with results;
//   - English: its own index only, without another language's scripts;
// over HTTP under a sub-path and from file://, with a whole index per
// language and with shards.
// Usage: node search_languages.js ONLINE OFFLINE SHARDED SHARDED_OFFLINE
'use strict';
const fs = require('fs');
const path = require('path');
const { serve } = require('./static_server.js');
const { launch } = require('./chromium.js');

const [online, offline, sharded, shardedOffline] = process.argv.slice(2).map((p) => path.resolve(p));
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = { phone: { width: 375, height: 740 }, desktop: { width: 1280, height: 900 } };

// tree: the language's folder; first: the expected first result; count: how
// many results; marked: a word the results must mark; status: the start of
// the status line, in the page's language; scripts: what the page loads
// from its search folder besides the index.
const cases = [
  { tree: 'fr/', query: 'numériques', first: 'fr/notes/help-desk-roundtable/', count: 1,
    marked: 'numérique', status: '1 résultat pour « numériques »',
    scripts: ['lunr.stemmer.support.min.js', 'lunr.fr.min.js'] },
  { tree: 'zh/', query: '数字化转型', first: 'zh/notes/help-desk-roundtable/', count: 1,
    marked: '数字化转型', status: '“数字化转型”共有1个结果', scripts: ['lunr-zh.js'] },
  { tree: 'zh/', query: '圆桌', first: 'zh/notes/help-desk-roundtable/', count: 1, marked: '圆桌',
    scripts: ['lunr-zh.js'] },
  { tree: 'ar/', query: 'رقمية', first: 'ar/notes/help-desk-roundtable/', count: 1,
    marked: 'الرقمية', status: 'نتيجة واحدة', scripts: ['lunr.stemmer.support.min.js', 'lunr.ar.min.js'] },
  { tree: '', query: 'roundtable', first: 'notes/help-desk-roundtable/', count: 1, marked: 'Roundtable',
    status: '1 result for', scripts: [] },
];

let failures = 0;
function expect(cond, message) {
  console.log((cond ? 'ok: ' : 'FAIL: ') + message);
  if (!cond) failures++;
}

async function results(page) {
  await page.waitForSelector('#search-results li a', { timeout: 15000 });
  return page.evaluate(() => ({
    hrefs: Array.from(document.querySelectorAll('#search-results li h3 a')).map((a) => a.getAttribute('href')),
    marks: Array.from(document.querySelectorAll('#search-results mark')).map((m) => m.textContent),
    status: document.querySelector('#search-results [data-search-status]').textContent,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
  }));
}

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

// One case on one site: `url` opens the search page with the query; names
// of the files the page requested land in `fetched` (reset here).
async function check(page, label, url, c, fetched, suffix) {
  fetched.length = 0;
  await page.goto(url);
  const r = await results(page);
  const where = `${label} ${c.tree || 'en/'} "${c.query}"`;
  expect(r.hrefs.length === c.count && r.hrefs[0].endsWith(c.first + suffix),
    `${where}: ${r.hrefs.length} result(s), first ${r.hrefs[0]}`);
  expect(r.marks.includes(c.marked), `${where}: marks ${JSON.stringify(r.marks)}`);
  if (c.status) expect(r.status.startsWith(c.status), `${where}: status "${r.status}"`);
  const ownDir = c.tree + 'search/';
  const fromOwn = fetched.filter((f) => f.startsWith(ownDir)).map((f) => f.slice(ownDir.length));
  expect(c.scripts.every((s) => fromOwn.includes(s)) &&
    !fetched.some((f) => /lunr\.(stemmer\.support|\w\w)\.min\.js$|lunr-zh\.js$/.test(f) && !f.startsWith(ownDir)),
    `${where}: loaded its pipeline's scripts from ${ownDir}: ${fromOwn.filter((f) => /^lunr/.test(f)).join(' ') || 'none'}`);
  const indexFiles = fetched.filter((f) => /(^|\/)(index|shards|shard-\d+|docs-\d+)\.js(on)?$/.test(f));
  expect(indexFiles.length > 0 && indexFiles.every((f) => f.startsWith(ownDir)),
    `${where}: index files from ${ownDir} only: ${indexFiles.join(' ')}`);
  return { r, indexFiles };
}

(async () => {
  const servers = [await serve(online, '/mirror/kb/'), await serve(sharded, '/mirror/kb/')];
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const fetched = [];
    let base = '';
    page.on('request', (r) => {
      const url = r.url();
      if (url.startsWith(base)) fetched.push(decodeURIComponent(url.slice(base.length)));
    });

    const sites = [
      { label: 'HTTP', base: servers[0].url, open: (c) => `${servers[0].url}${c.tree}search/?q=${encodeURIComponent(c.query)}`, suffix: '' },
      { label: 'file://', base: `file://${offline}/`, open: (c) => `file://${offline}/${c.tree}search/index.html?q=${encodeURIComponent(c.query)}`, suffix: 'index.html' },
      { label: 'sharded HTTP', base: servers[1].url, open: (c) => `${servers[1].url}${c.tree}search/?q=${encodeURIComponent(c.query)}`, suffix: '', sharded: true },
      { label: 'sharded file://', base: `file://${shardedOffline}/`, open: (c) => `file://${shardedOffline}/${c.tree}search/index.html?q=${encodeURIComponent(c.query)}`, suffix: 'index.html', sharded: true },
    ];
    for (const site of sites) {
      base = site.base;
      for (const c of cases) {
        const { indexFiles } = await check(page, site.label, site.open(c), c, fetched, site.suffix);
        if (site.sharded) {
          expect(indexFiles.some((f) => /shards\.js(on)?$/.test(f)) && indexFiles.some((f) => /shard-\d+\.js(on)?$/.test(f)) &&
            !indexFiles.some((f) => /index\.js(on)?$/.test(f)), `${site.label} ${c.tree || 'en/'}: the map and shards, no whole index`);
        }
      }
    }

    // The Arabic page: right to left, and accessible, empty and with results.
    base = servers[0].url;
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      for (const query of ['', 'رقمية']) {
        await page.goto(`${servers[0].url}ar/search/${query ? '?q=' + encodeURIComponent(query) : ''}`);
        if (query) await results(page);
        else await page.waitForFunction(() => /\S/.test(document.querySelector('[data-search-status]').textContent));
        const dir = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir].join(' '));
        const violations = await axeViolations(page);
        expect(dir === 'ar rtl' && violations.length === 0,
          `Arabic search page, ${width}, ${query ? 'with results' : 'empty'}: ${dir}, ` +
          `${violations.length} axe violations${violations.length ? ': ' + violations.join('; ') : ''}`);
      }
    }
    expect(errors.length === 0, 'no script errors' + (errors.length ? ': ' + errors.join('; ') : ''));
  } finally {
    await browser.close();
    servers.forEach((s) => s.close());
  }
  if (failures) {
    console.error(`FAIL: ${failures} check(s) failed`);
    process.exit(1);
  }
})().catch((e) => { console.error('FAIL: ' + e.message); process.exit(1); });
