#!/usr/bin/env node
// After one document's summary and updated date change, a rebuild must
// rewrite exactly the files that show it and leave every other file alone
// (same inode, same mtime), so `rsync -a` moves only those.
// Usage: node rebuild_set.js AGORA_BIN SITE_COPY_DIR OUT_DIR DOC (e.g. roundtables/x)
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const [agora, site, out, doc] = process.argv.slice(2);
const source = path.join(site, 'content', doc + '.md');

function setSummary(text, date) {
  const md = fs.readFileSync(source, 'utf8');
  let next = md.replace(/^summary:.*\n(?:[ \t]+.*\n)*/m, `summary: ${text}\n`);
  next = next.replace(/^updated:.*\n/m, '');
  if (date) next = next.replace(/^summary:/m, `updated: ${date}\nsummary:`);
  if (next === md) throw new Error('could not edit ' + source);
  fs.writeFileSync(source, next);
}
function build() {
  execFileSync(agora, ['build', '--config', path.join(site, 'site.yaml'), '--out', out, '-q'], { stdio: 'inherit' });
}
function snapshot() {
  const files = new Map();
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else files.set(path.relative(out, full), { ino: fs.statSync(full).ino, text: fs.readFileSync(full) });
    }
  })(out);
  return files;
}

setSummary('Rebuild probe one.', null);
build();
const before = snapshot();
setSummary('Rebuild probe two.', '2030-01-01');
build();
const after = snapshot();

// What shows the document: its page, every page and data file that shows its
// summary, and the site-wide files that list every document.
const expected = new Set([doc + '/index.html', 'search/index.json', 'search/index.js',
  'search/documents.json', 'sitemap.xml', 'feed.xml', 'manifest.json']);
for (const [file, { text }] of before) {
  if (/\.(html|json|csv|xml)$/.test(file) && text.includes('Rebuild probe one.')) expected.add(file);
}
// A translation shows the fields it does not translate (the updated date
// among them) from the original, so its page and its language's feed do too.
for (const file of before.keys()) {
  const m = file.match(/^([a-z]{2,3}(?:-[A-Za-z]+)?)\/(.*)$/);
  if (m && m[2] === doc + '/index.html') {
    expected.add(file);
    expected.add(m[1] + '/feed.xml');
  }
}
for (const file of [...expected]) {
  for (const ext of ['.gz', '.br']) if (before.has(file + ext) || after.has(file + ext)) expected.add(file + ext);
}
const rewritten = new Set();
for (const [file, { ino }] of after) {
  if (!before.has(file) || before.get(file).ino !== ino) rewritten.add(file);
}
const missing = [...expected].filter((f) => !rewritten.has(f));
const extra = [...rewritten].filter((f) => !expected.has(f));
const kinds = {};
for (const f of expected) { const k = f.split('/')[0]; kinds[k] = (kinds[k] || 0) + 1; }
console.log(`rebuild after editing ${doc}: ${rewritten.size} files rewritten of ${after.size}; expected ${expected.size}`);
console.log('  by folder: ' + JSON.stringify(kinds));
for (const f of missing) console.log('  not rewritten: ' + f);
for (const f of extra) console.log('  rewritten but does not show the document: ' + f);
// Every file that was left alone must really be unchanged.
let stale = 0;
for (const [file, { text }] of after) {
  if (!rewritten.has(file) && !text.equals(before.get(file).text)) stale++;
}
if (stale) console.log(`  ${stale} files kept their inode but changed`);
process.exit(missing.length || extra.length || stale || expected.size < 10 ? 1 : 0);
