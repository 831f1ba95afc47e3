#!/usr/bin/env node
// Turns a search corpus from bench/gen-corpus.js into an agora site in this
// repository's own schema (site.yaml and data/ copied from the repository),
// one Markdown document per corpus document: same title, summary and body
// text, in the type its ref names, with themes and regions from the
// vocabularies. Same corpus, same bytes.
//
//   node bench/gen-site.js --corpus corpus.json --out DIR [--repo .]
'use strict';
const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const args = { corpus: null, out: null, repo: path.join(__dirname, '..') };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args)) throw new Error('unknown option ' + argv[i]);
    args[key] = argv[i + 1];
  }
  if (!args.corpus || !args.out) throw new Error('usage: gen-site.js --corpus FILE --out DIR');
  return args;
}

// A YAML double-quoted scalar: JSON's escapes, plus the characters YAML
// reads as line breaks or a byte order mark.
function yamlString(s) {
  return JSON.stringify(s).replace(/[\u0085\u2028\u2029\ufeff]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function ids(file) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((line) => /^- id: (.+)$/.exec(line)).filter(Boolean).map((m) => m[1].trim());
}

// At most `max` characters, cut at a space.
function clip(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim();
}

const kTypes = {
  'case-studies': 'case-studies', 'best-practices': 'best-practices', policies: 'policy-templates',
  meetings: 'roundtables', initiatives: 'initiatives', organizations: 'organizations',
};
const kTypeList = Object.values(kTypes);

function main() {
  const args = parseArgs(process.argv);
  const corpus = JSON.parse(fs.readFileSync(args.corpus, 'utf8'));
  fs.mkdirSync(args.out, { recursive: true });
  fs.copyFileSync(path.join(args.repo, 'site.yaml'), path.join(args.out, 'site.yaml'));
  fs.cpSync(path.join(args.repo, 'data'), path.join(args.out, 'data'), { recursive: true });
  const themes = ids(path.join(args.repo, 'data/themes.yaml'));
  const regions = ids(path.join(args.repo, 'data/regions.yaml'));
  const kinds = ids(path.join(args.repo, 'data/organization-kinds.yaml'));
  const start = Date.UTC(2015, 0, 1);
  corpus.documents.forEach((doc, n) => {
    const [prefix] = String(doc.url).split('/');
    const type = kTypes[prefix] || kTypeList[n % kTypeList.length];
    const slug = 'doc-' + n;
    const body = String(doc.body || '').trim();
    const words = body.split(/\s+/).filter(Boolean);
    const title = clip(String(doc.title || '').replace(/\s+/g, ' ').trim(), 150) || 'Document ' + n;
    const summary = clip(String(doc.summary || '').replace(/\s+/g, ' ').trim(), 300) ||
      clip(words.slice(0, 30).join(' '), 300) || 'Document ' + n;
    const date = new Date(start + (n % 3000) * 86400000).toISOString().slice(0, 10);
    const lines = ['---', `title: ${yamlString(title)}`, `date: ${date}`, `summary: ${yamlString(summary)}`,
      `themes: [${themes[n % themes.length]}, ${themes[(n + 1 + (n * 7) % (themes.length - 1)) % themes.length]}]`,
      `regions: [${regions[(n * 13) % regions.length]}]`];
    if (type === 'best-practices') lines.push(`lesson: ${yamlString(clip(summary, 120))}`);
    if (type === 'policy-templates') lines.push('template_kind: checklist');
    if (type === 'roundtables') lines.push('series: Bench roundtables');
    if (type === 'initiatives') lines.push('status: active');
    if (type === 'organizations') lines.push(`kind: [${kinds[n % kinds.length]}]`);
    lines.push('---', '');
    // Paragraphs of about 80 words.
    for (let i = 0; i < words.length; i += 80) lines.push(words.slice(i, i + 80).join(' '), '');
    const file = path.join(args.out, 'content', type, slug + '.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, lines.join('\n'));
  });
  console.log(`${corpus.documents.length} documents in ${args.out}/content`);
}

main();
