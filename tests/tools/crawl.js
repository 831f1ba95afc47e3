#!/usr/bin/env node
// Crawls a built site on disk: every relative href and src in every HTML page
// must resolve to a generated file, and every #fragment to an id in it.
// Usage: node crawl.js SITE_DIR [--offline]
//   --offline: links to pages must name index.html (file:// cannot list dirs).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2]);
const offline = process.argv.includes('--offline');

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const idCache = new Map();
function idsOf(file) {
  if (!idCache.has(file)) {
    const html = fs.readFileSync(file, 'utf8');
    idCache.set(file, new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]))));
  }
  return idCache.get(file);
}

const pages = walk(root, []).filter((f) => f.endsWith('.html'));
let links = 0;
const broken = [];
for (const page of pages) {
  const html = fs.readFileSync(page, 'utf8');
  for (const m of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
    const raw = decode(m[2]);
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(raw) || raw.startsWith('//')) continue;  // external
    links++;
    const [beforeHash, fragment] = raw.split('#');
    const target = beforeHash.split('?')[0];
    let file;
    if (target === '') {
      file = page;
    } else {
      if (target.startsWith('/')) { broken.push(`${path.relative(root, page)}: root-relative ${raw}`); continue; }
      file = path.resolve(path.dirname(page), decodeURIComponent(target));
      if (!file.startsWith(root)) { broken.push(`${path.relative(root, page)}: leaves the site: ${raw}`); continue; }
      if (target.endsWith('/') || target === '.' || target === '..') {
        if (offline) { broken.push(`${path.relative(root, page)}: offline link without index.html: ${raw}`); continue; }
        file = path.join(file, 'index.html');
      }
    }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      broken.push(`${path.relative(root, page)}: ${raw} -> missing ${path.relative(root, file)}`);
      continue;
    }
    if (fragment && file.endsWith('.html') && !idsOf(file).has(decodeURIComponent(fragment))) {
      broken.push(`${path.relative(root, page)}: ${raw} -> no id "${fragment}"`);
    }
  }
}
console.log(`crawl: ${pages.length} pages, ${links} internal links, ${broken.length} broken`);
for (const b of broken.slice(0, 50)) console.log('  ' + b);
if (pages.length === 0 || links === 0) { console.log('crawl: nothing to crawl'); process.exit(1); }
process.exit(broken.length ? 1 : 0);
