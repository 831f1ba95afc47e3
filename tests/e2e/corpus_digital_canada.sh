#!/usr/bin/env bash
# A real bilingual collection nobody here wrote: the Canadian Digital
# Service's Hugo content (../shared/corpora), with the site.yaml kept in
# tests/corpus/. The build must publish every document in its language's
# tree, link each English page to the French page it is paired with by
# translationKey (hreflang alternates and the switcher), and pass the link
# crawl. The warnings it prints are counted by code, for the record.
set -euo pipefail
agora=$1 repo=$2
corpus=${AGORA_CORPORA:-$repo/../shared/corpora}/digital-canada-ca-content-md.tar.gz
if [[ ! -f $corpus ]]; then
  echo "corpus not found: $corpus (set AGORA_CORPORA)"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

tar -xzf "$corpus" -C "$work"
cp "$repo/tests/corpus/digital-canada-ca/site.yaml" "$work/site.yaml"
(cd "$work" && "$agora" check --format json) > "$work/check.json" || true
"$agora" build --config "$work/site.yaml" --out "$work/public" --quiet 2> "$work/build.log" ||
  { cat "$work/build.log"; fail "agora build failed on the corpus"; }

node - "$work" <<'JS'
'use strict';
const fs = require('fs');
const path = require('path');
const work = process.argv[2];
const report = JSON.parse(fs.readFileSync(path.join(work, 'check.json'), 'utf8'));
const counts = {};
for (const d of report) counts[`${d.severity} ${d.code}`] = (counts[`${d.severity} ${d.code}`] || 0) + 1;
console.log('diagnostics by code:', JSON.stringify(counts));
const errors = report.filter((d) => d.severity === 'error');
if (errors.length) {
  console.log(errors.slice(0, 10));
  throw new Error(`${errors.length} errors on the corpus`);
}

// Every Markdown file is a document of its language's tree.
function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    // _index.md, Hugo's section pages, are not documents (a warning each).
    if (e.isDirectory()) walk(full, out); else if (e.name.endsWith('.md') && e.name !== '_index.md') out.push(full);
  }
  return out;
}
const sources = walk(path.join(work, 'content'), []);
const published = {};
const pagesOf = (tree) => {
  const dir = path.join(work, 'public', tree);
  const out = new Set();
  const rec = (d, rel) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      if (rel === '' && tree === '' && e.name === 'fr') continue;
      const r = rel + e.name + '/';
      if (fs.existsSync(path.join(d, e.name, 'index.html'))) out.add(r);
      rec(path.join(d, e.name), r);
    }
  };
  rec(dir, '');
  return out;
};
const byLanguage = { en: 0, fr: 0 };
for (const s of sources) byLanguage[path.relative(path.join(work, 'content'), s).split(path.sep)[0]]++;
const manifest = JSON.parse(fs.readFileSync(path.join(work, 'public', 'manifest.json'), 'utf8'));
const files = new Set(manifest.files.map((f) => f.path));

// Pages of documents carry an edit link or a source path; count document
// pages by the kicker every document page has.
let documentPages = { en: 0, fr: 0 };
let paired = 0, pairedOk = 0;
for (const file of files) {
  if (!file.endsWith('index.html')) continue;
  const html = fs.readFileSync(path.join(work, 'public', file), 'utf8');
  if (!html.includes('<article class="document">')) continue;
  const language = file.startsWith('fr/') ? 'fr' : 'en';
  documentPages[language]++;
  if (language !== 'en') continue;
  const alt = html.match(/<link rel="alternate" hreflang="fr" href="([^"]*)">/);
  if (!alt) continue;
  paired++;
  const target = alt[1].replace('https://digital.canada.ca/', '');
  if (files.has(target + 'index.html')) pairedOk++;
  else throw new Error(`${file}: its French alternate ${alt[1]} was not published`);
  const switcher = html.match(/<nav class="languages"[\s\S]*?<\/nav>/);
  if (!switcher || !switcher[0].includes('hreflang="fr"')) throw new Error(`${file}: no switcher to French`);
}
console.log(`sources: ${byLanguage.en} English, ${byLanguage.fr} French; document pages: ` +
            `${documentPages.en} English, ${documentPages.fr} French; ${pairedOk} English pages ` +
            `linked to their French version`);
if (documentPages.en !== byLanguage.en) throw new Error('not every English document was published');
if (documentPages.fr !== byLanguage.fr) throw new Error('not every French document was published');
if (pairedOk < 180) throw new Error(`only ${pairedOk} English pages link to a French version`);
JS
node "$repo/tests/tools/crawl.js" "$work/public"
