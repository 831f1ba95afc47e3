// The public site in a real browser: Debian's Chromium driven by
// playwright-core, checked by axe-core.
//
// Usage: node site.test.js SITE_DIR SCREENSHOT_DIR
//
// For each page kind (home, listing, facet, term, document, organization,
// gap map, search), at phone and desktop widths, in light and dark colour
// schemes: zero axe-core violations of WCAG 2.0/2.1 A and AA rules, and no
// request leaving the site's origin. The search page is checked empty and
// with results. Keyboard: the first Tab reaches the skip link, Tab alone
// reaches the search box, and from the search page's box a result.
// Screenshots of every page kind at both widths go to SCREENSHOT_DIR.
'use strict';

const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [siteDir, shotDir] = process.argv.slice(2);
if (!siteDir || !shotDir) {
  console.error('usage: node site.test.js SITE_DIR SCREENSHOT_DIR');
  process.exit(2);
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORTS = { phone: { width: 375, height: 740 }, desktop: { width: 1280, height: 900 } };
const SCHEMES = ['light', 'dark'];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

// The first directory under `dir` (site-relative) that holds an index.html.
function firstPageUnder(dir, exclude = []) {
  const full = path.join(siteDir, dir);
  if (!fs.existsSync(full)) return null;
  const names = fs.readdirSync(full).filter((n) => !exclude.includes(n)).sort();
  for (const name of names) {
    if (fs.existsSync(path.join(full, name, 'index.html'))) return `${dir}${name}/`;
  }
  return null;
}

function pages() {
  const list = {
    home: '',
    listing: 'case-studies/',
    facet: firstPageUnder('case-studies/themes/'),
    term: firstPageUnder('themes/', ['page']),
    document: fs.existsSync(path.join(siteDir, 'case-studies/giga-school-mapping/index.html'))
      ? 'case-studies/giga-school-mapping/'
      : firstPageUnder('case-studies/', ['page', 'themes', 'regions']),
    organization: fs.existsSync(path.join(siteDir, 'organizations/itu/index.html'))
      ? 'organizations/itu/'
      : firstPageUnder('organizations/', ['page', 'themes', 'regions']),
    'gap-map': 'gap-map/',
    search: 'search/',
    // The search page with results, once search.js has put them there.
    'search-results': 'search/?q=digital',
  };
  // A multilingual site: Arabic (right to left) and a French translation.
  if (fs.existsSync(path.join(siteDir, 'ar/index.html'))) {
    list['ar-home'] = 'ar/';
    list['ar-listing'] = 'ar/case-studies/';
    list['ar-gap-map'] = 'ar/gap-map/';
    for (const [kind, rel] of [['ar-document', 'ar/initiatives/digital-help-desks/'],
      ['fr-document', 'fr/initiatives/digital-help-desks/']]) {
      if (fs.existsSync(path.join(siteDir, rel, 'index.html'))) list[kind] = rel;
    }
  }
  for (const [kind, url] of Object.entries(list)) {
    if (url === null || !fs.existsSync(path.join(siteDir, url.split('?')[0], 'index.html'))) {
      throw new Error(`no ${kind} page in ${siteDir} (${url})`);
    }
  }
  return list;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg', '.webp': 'image/webp' };

function serve(root) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const label = (kind, width, scheme) => `${kind} ${width} ${scheme}`;

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.split('\n').slice(1, 2).join('')}`),
    }));
  }, AXE_TAGS);
}

// Tab presses from a fresh load until `selector` has focus; -1 if never
// within `limit`.
async function tabsTo(page, selector, limit) {
  for (let n = 1; n <= limit; ++n) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return n;
  }
  return -1;
}

async function main() {
  const server = await serve(siteDir);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true,
    viewport: VIEWPORTS.desktop,
  });
  const failures = [];
  const offsite = new Set();
  fs.mkdirSync(shotDir, { recursive: true });
  browser.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('about:')) offsite.add(url);
  });

  try {
    const page = browser.pages()[0] || await browser.newPage();
    const list = pages();
    for (const [kind, rel] of Object.entries(list)) {
      for (const [width, viewport] of Object.entries(VIEWPORTS)) {
        for (const scheme of SCHEMES) {
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
          const response = await page.goto(`${origin}/${rel}`, { waitUntil: 'load' });
          if (!response || response.status() !== 200) {
            failures.push(`${kind}: HTTP ${response && response.status()} for /${rel}`);
            continue;
          }
          if (kind === 'search-results') {
            const shown = await page.waitForSelector('#search-results a', { timeout: 10000 }).catch(() => null);
            if (!shown) failures.push(`${label(kind, width, scheme)}: no result for "digital"`);
          }
          const lang = await page.evaluate(() => document.documentElement.lang);
          if (!lang) failures.push(`${kind}: <html> has no lang`);
          if (kind.startsWith('ar-')) {
            // Right to left throughout, and nothing wider than the screen.
            const rtl = await page.evaluate(() => ({
              dir: document.documentElement.dir,
              body: getComputedStyle(document.body).direction,
              nav: getComputedStyle(document.querySelector('.site-nav')).direction,
              overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            }));
            if (lang !== 'ar' || rtl.dir !== 'rtl' || rtl.body !== 'rtl' || rtl.nav !== 'rtl') {
              failures.push(`${label(kind, width, scheme)}: not right to left (${JSON.stringify(rtl)})`);
            }
            if (rtl.overflow > 1) failures.push(`${label(kind, width, scheme)}: ${rtl.overflow}px wider than the screen`);
          }
          const violations = await axeViolations(page);
          for (const v of violations) {
            failures.push(`${label(kind, width, scheme)}: axe ${v.id} (${v.help})\n    ${v.nodes.join('\n    ')}`);
          }
          console.log(`${violations.length ? 'FAIL' : 'ok  '} axe ${label(kind, width, scheme)} /${rel}`);
          if (scheme === 'light' || kind === 'home' || kind === 'document' || kind === 'gap-map') {
            await page.screenshot({ path: path.join(shotDir, `${kind}-${width}-${scheme}.png`), fullPage: false });
          }
        }
      }
    }

    // Keyboard: a fresh load, then Tab only.
    await page.setViewportSize(VIEWPORTS.desktop);
    await page.emulateMedia({ colorScheme: 'light' });
    for (const [kind, rel] of Object.entries(list)) {
      if (kind === 'search-results') continue;
      await page.goto(`${origin}/${rel}`);
      const skip = await tabsTo(page, 'a.skip-link', 1);
      if (skip !== 1) failures.push(`${kind}: the first Tab does not reach the skip link`);
      const search = await tabsTo(page, 'input[type="search"]', 10);
      if (search < 0) failures.push(`${kind}: Tab does not reach the search box`);
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return { visible: r.width > 0 && r.height > 0, outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
      });
      if (!focus.visible) failures.push(`${kind}: the focused search box is not visible`);
      if (!focus.outline) failures.push(`${kind}: the focused search box shows no focus outline`);
      // Landmarks: one banner, one main, one contentinfo, a labelled main navigation.
      const landmarks = await page.evaluate(() => ({
        banner: document.querySelectorAll('body > header').length,
        main: document.querySelectorAll('main').length,
        contentinfo: document.querySelectorAll('body > footer').length,
        nav: document.querySelectorAll('nav.site-nav[aria-label]').length,
      }));
      for (const [name, count] of Object.entries(landmarks)) {
        if (count !== 1) failures.push(`${kind}: ${count} ${name} landmarks, expected 1`);
      }
      console.log(`${skip === 1 && search > 0 ? 'ok  ' : 'FAIL'} keyboard ${kind}: skip link on Tab 1, search box after ${search + 1} Tabs`);
    }

    // The language switcher moves between versions of the same page.
    if (list['fr-document']) {
      const english = list['fr-document'].replace(/^fr\//, '');
      await page.goto(`${origin}/${english}`);
      await page.click('nav.languages a[hreflang="fr"]');
      await page.waitForLoadState('load');
      const french = { url: page.url(), lang: await page.evaluate(() => document.documentElement.lang) };
      if (french.url !== `${origin}/${list['fr-document']}` || french.lang !== 'fr') {
        failures.push(`switcher: English to French reached ${french.url} (lang ${french.lang})`);
      }
      const current = await page.getAttribute('nav.languages a[aria-current]', 'hreflang');
      if (current !== 'fr') failures.push(`switcher: the French page marks ${current} as current`);
      await page.click('nav.languages a[hreflang="en"]');
      await page.waitForLoadState('load');
      if (page.url() !== `${origin}/${english}`) failures.push(`switcher: back to English reached ${page.url()}`);
      console.log(`ok   switcher: /${english} -> /${list['fr-document']} -> back`);
    } else {
      failures.push('switcher: no French translation of the help-desks initiative to switch to');
    }

    // The skip link moves focus to the main content.
    await page.goto(`${origin}/${list.document}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate(() => !!document.activeElement.closest('main'));
    if (!inMain) failures.push('document: the skip link does not move focus into <main>');

    // On the search page, once search.js has shown results, Tab alone goes
    // from the query box to a result.
    await page.goto(`${origin}/${list['search-results']}`);
    const result = await page.waitForSelector('#search-results a', { timeout: 10000 }).catch(() => null);
    if (result) {
      await page.focus('#search-query');
      const n = await tabsTo(page, '#search-results a', 5);
      if (n < 0) failures.push('search: Tab from the query box does not reach a result');
      console.log(`${n > 0 ? 'ok  ' : 'FAIL'} keyboard search: a result after ${n} Tabs from the box`);
    } else {
      failures.push('search: no result for "digital" to reach with the keyboard');
    }
  } finally {
    await browser.close();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }

  for (const url of offsite) failures.push(`request left the site's origin: ${url}`);
  console.log(`requests off the site's origin: ${offsite.size}`);
  if (failures.length) {
    console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log('browser tests passed');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
