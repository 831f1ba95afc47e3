// Page-weight budgets of a built site (no dependencies beyond node).
//
// Usage: node page_weight.js SITE_DIR
//
//   - every stylesheet under 12 KB, and no web fonts, @import or remote url();
//   - the median document page under 25 KB of HTML, the largest under 64 KB;
//   - no <script> on any page but a search page (search/, LANG/search/);
//   - no external URL in a <link>, <script>, <img> or <source> (a
//     rel="canonical" link, or a rel="alternate" hreflang link, names a page's
//     public address and is never fetched).
'use strict';

const fs = require('fs');
const path = require('path');

const KB = 1024;
// KB budgets counted as 1,000 bytes, so they hold under either reading.
const BUDGET = { css: 12000, medianDocument: 25000, maxDocument: 64 * KB };

const siteDir = process.argv[2];
if (!siteDir) {
  console.error('usage: node page_weight.js SITE_DIR');
  process.exit(2);
}

function walk(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const failures = [];
const files = walk(siteDir).map((f) => path.relative(siteDir, f).split(path.sep).join('/'));
const html = files.filter((f) => f.endsWith('.html'));
const css = files.filter((f) => f.endsWith('.css'));
const size = (f) => fs.statSync(path.join(siteDir, f)).size;

if (css.length === 0) failures.push('no stylesheet found');
for (const f of css) {
  const text = fs.readFileSync(path.join(siteDir, f), 'utf8');
  console.log(`css ${f}: ${size(f)} bytes`);
  if (size(f) >= BUDGET.css) failures.push(`${f}: ${size(f)} bytes, budget ${BUDGET.css}`);
  if (/@font-face/i.test(text)) failures.push(`${f}: declares a web font`);
  if (/@import/i.test(text)) failures.push(`${f}: @import costs a request`);
  if (/url\(\s*['"]?(https?:)?\/\//i.test(text)) failures.push(`${f}: loads a remote url()`);
}

const documents = [];
const tagPattern = /<(link|script|img|source|iframe|video|audio)\b[^>]*>/gi;
for (const f of html) {
  const text = fs.readFileSync(path.join(siteDir, f), 'utf8');
  if (/<body class="kind-document"/.test(text)) documents.push({ file: f, bytes: Buffer.byteLength(text) });
  // Each language's tree has its own search page (fr/search/...).
  const isSearchPage = /^(?:[a-z]{2,3}(?:-[A-Za-z]+)?\/)?search\//.test(f);
  if (!isSearchPage && /<script\b/i.test(text)) failures.push(`${f}: has a <script> (only search/ may)`);
  for (const [tag] of text.matchAll(tagPattern)) {
    if (/\brel="canonical"/.test(tag) || /\brel="alternate"[^>]*\bhreflang=/.test(tag)) continue;
    const m = tag.match(/\b(?:src|href|srcset)="\s*((?:https?:)?\/\/[^"]*)"/i);
    if (m) failures.push(`${f}: external URL in ${tag.slice(0, 60)}...: ${m[1]}`);
  }
}

documents.sort((a, b) => a.bytes - b.bytes);
if (documents.length === 0) failures.push('no document pages found (body class kind-document)');
else {
  const median = documents[Math.floor((documents.length - 1) / 2)];
  const largest = documents[documents.length - 1];
  console.log(`document pages: ${documents.length}; median ${median.bytes} bytes (${median.file}); ` +
    `largest ${largest.bytes} bytes (${largest.file}); smallest ${documents[0].bytes} bytes`);
  if (median.bytes >= BUDGET.medianDocument) {
    failures.push(`median document page ${median.bytes} bytes, budget ${BUDGET.medianDocument}`);
  }
  if (largest.bytes >= BUDGET.maxDocument) {
    failures.push(`largest document page ${largest.file}: ${largest.bytes} bytes, limit ${BUDGET.maxDocument}`);
  }
}
for (const page of ['index.html', 'gap-map/index.html', 'search/index.html']) {
  if (files.includes(page)) console.log(`${page}: ${size(page)} bytes`);
}
console.log(`html pages checked: ${html.length}`);

if (failures.length) {
  console.error(`\n${failures.length} failure(s):\n${failures.join('\n')}`);
  process.exit(1);
}
console.log('page weight budgets met');
