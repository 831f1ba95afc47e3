// The clearing-house's pages in Debian's Chromium (playwright-core), checked
// by axe-core.
//
// Usage: node support.test.js SITE_DIR REPO_ROOT
//
// - Zero axe-core violations (WCAG 2.0/2.1 A and AA) on the Find support
//   page, a service-in-a-region page, the countries page, a country page,
//   the Request support page, an open request's page with suggestions, a
//   help desk's page, a provider's page, the dashboard and the needs gap
//   map: at desktop width in light and dark schemes, and at phone width.
// - Every SVG chart has a text alternative: role="img" with a name (its
//   <title> and <desc> by aria-labelledby, or aria-label), and a <desc>
//   that names every bar.
// - The dashboard's numbers, as the browser shows them, equal the counts of
//   content/requests/ (tests/tools/request_counts.py reads the front matter).
// - Examples carry the visible "illustrative example" label.
// - No request leaves the site's origin (no script, no font, no tracker).
'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { launch } = require('./chromium');
const { serve } = require('./static_server');

const [siteDir, repo] = process.argv.slice(2);
if (!siteDir || !repo) {
  console.error('usage: node support.test.js SITE_DIR REPO_ROOT');
  process.exit(2);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const RUNS = [
  { name: 'desktop light', viewport: { width: 1280, height: 900 }, scheme: 'light' },
  { name: 'desktop dark', viewport: { width: 1280, height: 900 }, scheme: 'dark' },
  { name: 'phone light', viewport: { width: 375, height: 740 }, scheme: 'light' },
];

const PAGES = {
  'find support': 'support/',
  'service in a region': 'support/services/technical-skills-training/africa/',
  countries: 'support/countries/',
  country: 'support/countries/gh/',
  'request support': 'support/request/',
  'open request': 'requests/example-readiness-assessment-west-africa/',
  'closed request': 'requests/ghana-common-country-assessment-support/',
  'help desk': 'help-desks/joint-itu-undp-facility/',
  provider: 'organizations/undp/',
  dashboard: 'support/dashboard/',
  'needs map': 'support/needs/',
};

async function axeViolations(page) {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.slice(0, 3)
      .map((n) => n.target.join(' ')).join(', ')}`);
  }, AXE_TAGS);
}

// Each inline SVG in <main>: its role and the text of its name and description.
function chartsOf(page) {
  return page.evaluate(() => [...document.querySelectorAll('main svg')].map((svg) => {
    const text = (ids) => (ids || '').split(/\s+/).filter(Boolean)
      .map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim();
    return {
      role: svg.getAttribute('role'),
      hidden: svg.getAttribute('aria-hidden') === 'true',
      name: svg.getAttribute('aria-label') || text(svg.getAttribute('aria-labelledby')),
      desc: (svg.querySelector('desc') || {}).textContent || '',
      bars: [...svg.querySelectorAll('text.chart-label')].map((t) => t.textContent),
      inFigureWithCaption: !!(svg.closest('figure') && svg.closest('figure').querySelector('figcaption')),
    };
  }));
}

// The dashboard as the reader sees it: the summary figures and each
// table's rows (name -> [real, examples]), by the table's heading id.
function dashboardOf(page) {
  return page.evaluate(() => {
    const figure = (name) => (document.querySelector(`[data-figure="${name}"]`) || {}).textContent;
    const tables = {};
    for (const section of document.querySelectorAll('section.figure-table')) {
      const id = section.querySelector('h2').id;
      tables[id] = {};
      for (const row of section.querySelectorAll('tbody tr')) {
        const cells = row.querySelectorAll('td');
        tables[id][row.querySelector('th').textContent.trim()] =
          [Number(cells[0].textContent), Number(cells[1].textContent)];
      }
    }
    return { requests: figure('requests'), examples: figure('examples'),
      successful: figure('successful'), tables };
  });
}

async function main() {
  const counts = JSON.parse(execFileSync('python3', [path.join(repo, 'tests/tools/request_counts.py'), repo],
    { encoding: 'utf8' }));
  const server = await serve(siteDir);
  const browser = await launch();
  const failures = [];
  const offsite = new Set();
  browser.context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('about:')) offsite.add(url);
  });
  try {
    const page = browser.context.pages()[0] || await browser.context.newPage();
    for (const [kind, rel] of Object.entries(PAGES)) {
      if (!fs.existsSync(path.join(siteDir, rel, 'index.html'))) {
        failures.push(`${kind}: no page ${rel}`);
        continue;
      }
      for (const run of RUNS) {
        await page.setViewportSize(run.viewport);
        await page.emulateMedia({ colorScheme: run.scheme, reducedMotion: 'reduce' });
        const response = await page.goto(server.url + rel, { waitUntil: 'load' });
        if (!response || response.status() !== 200) {
          failures.push(`${kind}: HTTP ${response && response.status()} for ${rel}`);
          continue;
        }
        const violations = await axeViolations(page);
        for (const v of violations) failures.push(`${kind} ${run.name}: axe ${v}`);
        console.log(`${violations.length ? 'FAIL' : 'ok  '} axe ${kind} ${run.name} /${rel}`);
      }
      for (const chart of await chartsOf(page)) {
        const ok = chart.hidden ? chart.inFigureWithCaption
          : chart.role === 'img' && chart.name.length > 0 &&
            chart.bars.every((bar) => chart.desc.includes(bar));
        if (!ok) failures.push(`${kind}: an SVG chart without a text alternative: ${JSON.stringify(chart)}`);
      }
    }

    // Charts: the dashboard has one per table, each described.
    await page.goto(server.url + PAGES.dashboard);
    const charts = await chartsOf(page);
    if (charts.length < 3) failures.push(`dashboard: ${charts.length} charts, expected at least 3`);
    console.log(`ok   ${charts.length} charts on the dashboard, each role=img with a title and a description`);

    // The dashboard's numbers equal the counts in content/.
    const shown = await dashboardOf(page);
    const expect = (what, got, want) => {
      if (String(got) !== String(want)) failures.push(`dashboard ${what}: shows ${got}, content/ has ${want}`);
    };
    expect('real requests', shown.requests, counts.requests[0]);
    expect('examples', shown.examples, counts.requests[1]);
    expect('successful matching cases', shown.successful, counts.successful[0]);
    for (const [field, table] of Object.entries(counts.by)) {
      const rows = shown.tables[`by-${field}`];
      if (!rows) { failures.push(`dashboard: no table by ${field}`); continue; }
      for (const [key, want] of Object.entries(table)) {
        const name = counts.names[key] || key;
        expect(`${field} ${name}`, JSON.stringify(rows[name] || [0, 0]), JSON.stringify(want));
      }
      for (const [name, got] of Object.entries(rows)) {
        const key = Object.keys(counts.names).find((k) => counts.names[k] === name) || name;
        if (!table[key] && (got[0] || got[1])) failures.push(`dashboard ${field} ${name}: ${got}, none in content/`);
      }
    }
    console.log(`ok   dashboard: ${shown.requests} real requests, ${shown.examples} examples, ` +
      `${shown.successful} successful matching cases`);

    // Examples are labelled where they are shown.
    for (const file of counts.examples) {
      const slug = path.basename(file, '.md');
      await page.goto(`${server.url}requests/${slug}/`);
      const label = await page.evaluate(() => {
        const el = document.querySelector('main .document-header .example-label');
        return el && el.offsetHeight > 0 ? el.textContent : '';
      });
      if (!label) failures.push(`requests/${slug}: no visible illustrative example label`);
    }
    console.log(`ok   ${counts.examples.length} examples labelled`);
  } finally {
    await browser.close();
    server.close();
  }
  for (const url of offsite) failures.push(`request left the site's origin: ${url}`);
  if (failures.length) {
    console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
    process.exit(1);
  }
  console.log('clearing-house browser tests passed');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
