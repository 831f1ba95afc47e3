#!/usr/bin/env node
// The corpus of `make bench`: this repository grown to --docs documents.
// Every document of content/ (all types: case studies to help desks, offers
// and requests) is a model; copies take its front matter as it is (so they
// pass the schema, and their organizations, matched offers and timelines
// stay valid), with a new title, terms picked from the vocabularies in data/
// and a generated body: headings, lists, a table now and then, links to
// other generated documents and to the repository's own, and about 5% of
// words (the rest from the repository's own text) in another script or with accents. The originals stay in the site.
// Same arguments, same bytes.
//
//   node bench/gen-bench-site.js --docs 10000 --words 700 --seed 12 --out DIR [--repo .]
'use strict';
const fs = require('fs');
const path = require('path');

function parseArgs(argv) {
  const args = { docs: 1000, words: 700, seed: 12, out: null, repo: path.join(__dirname, '..') };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args)) throw new Error('unknown option ' + argv[i]);
    args[key] = typeof args[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  if (!args.out) throw new Error('usage: gen-bench-site.js --docs N --out DIR');
  return args;
}

const rng = require('./rng.js');  // mulberry32

// Words a multilingual knowledge base holds: accented Latin, Cyrillic,
// Greek, Arabic, Hebrew, CJK, Devanagari.
const kNonAscii = [
  'café', 'naïve', 'São Paulo', 'Zürich', 'façade', 'résumé', 'Straße', 'Dvořák', 'coöperation',
  'développement', 'numérique', 'société', 'educación', 'información', 'políticas', 'niños',
  'Москва', 'цифровой', 'развитие', 'сотрудничество', 'Україна', 'ΟΔΗΓΟΣ', 'ψηφιακός',
  'التنمية', 'الرقمية', 'العربية', 'مكتب', 'שלום', '数字化', '信息社会', '能力建设', 'デジタル',
  '한국어', 'डिजिटल', 'विकास', 'İstanbul', 'Łódź', 'Ærøskøbing', 'piñata', '€100',
];
const kFunctionWords = ['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'with',
  'as', 'was', 'on', 'by', 'this', 'be', 'are', 'from', 'or', 'have', 'an', 'not', 'which', 'their'];

// The vocabulary ids of a data file ("- id: x" lines), or [] when absent.
function ids(file) {
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((line) => /^- id: "?([^"]+?)"?\s*$/.exec(line)).filter(Boolean).map((m) => m[1]);
}

// Front matter lines and body of a Markdown file.
function splitFile(text) {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) return null;
  return { front: m[1].split('\n'), body: m[2] };
}

// Models: every original document (translations, drafts and files with
// their own language left out), in a fixed order.
function models(repo) {
  const root = path.join(repo, 'content');
  const out = [];
  for (const type of fs.readdirSync(root).sort()) {
    const dir = path.join(root, type);
    if (!fs.statSync(dir).isDirectory() || type.startsWith('_')) continue;
    for (const file of fs.readdirSync(dir).sort()) {
      if (!/^[^._][^.]*\.md$/.test(file)) continue;
      const parsed = splitFile(fs.readFileSync(path.join(dir, file), 'utf8'));
      if (!parsed || parsed.front.some((l) => /^(draft: true|language:|translation_of:)/.test(l))) {
        continue;
      }
      out.push({ type, slug: file.slice(0, -3), front: parsed.front });
    }
  }
  return out;
}

// The distinct words of the repository's own Markdown, sorted: the
// generated text reads like the repository's, in its vocabulary.
function repositoryWords(repo) {
  const seen = new Set();
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const file = path.join(dir, name);
      if (fs.statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.md')) {
        for (const w of fs.readFileSync(file, 'utf8').toLowerCase().match(/[a-z]{3,}/g) || []) seen.add(w);
      }
    }
  };
  walk(path.join(repo, 'content'));
  return [...seen].sort();
}

function yamlString(s) { return JSON.stringify(s); }

function main() {
  const args = parseArgs(process.argv);
  const random = rng(args.seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = repositoryWords(args.repo);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  const zipf = () => words[Math.min(words.length - 1, Math.floor(Math.pow(words.length, random())) - 1)];
  const word = () => {
    const r = random();
    if (r < 0.05) return pick(kNonAscii);
    if (r < 0.30) return pick(kFunctionWords);
    return zipf();
  };
  const sentence = (n) => {
    const out = [];
    for (let i = 0; i < n; i++) out.push(word());
    const s = out.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };

  const originals = models(args.repo);
  const vocab = {
    themes: ids(path.join(args.repo, 'data/themes.yaml')),
    regions: ids(path.join(args.repo, 'data/regions.yaml')),
  };
  fs.rmSync(args.out, { recursive: true, force: true });
  fs.mkdirSync(args.out, { recursive: true });
  for (const name of ['site.yaml']) fs.copyFileSync(path.join(args.repo, name), path.join(args.out, name));
  fs.cpSync(path.join(args.repo, 'data'), path.join(args.out, 'data'), { recursive: true });
  fs.cpSync(path.join(args.repo, 'content'), path.join(args.out, 'content'), { recursive: true });

  const extra = Math.max(0, args.docs - originals.length);
  const docPath = (n) => {
    const model = originals[n % originals.length];
    return { type: model.type, slug: `${model.slug}-${n}` };
  };
  for (let n = 0; n < extra; n++) {
    const model = originals[n % originals.length];
    const { type, slug } = docPath(n);
    const title = sentence(4 + Math.floor(random() * 6)).slice(0, -1) + ` (${n})`;
    // Top-level keys with their continuation lines (indented, or list items).
    const entries = [];
    for (const line of model.front) {
      if (entries.length && /^(\s|- )/.test(line)) entries[entries.length - 1].push(line);
      else entries.push([line]);
    }
    const front = [];
    for (const entry of entries) {
      const key = (/^([A-Za-z_]+):/.exec(entry[0]) || [])[1];
      if (key === 'title') front.push(`title: ${yamlString(title)}`);
      else if (key === 'themes') {
        const a = pick(vocab.themes), b = pick(vocab.themes);
        front.push(`themes: [${a === b ? a : a + ', ' + b}]`);
      } else if (key === 'regions' && vocab.regions.length) {
        front.push(`regions: [${pick(vocab.regions)}]`);
      } else if (key === 'summary') {
        front.push(`summary: ${yamlString(sentence(12 + Math.floor(random() * 20)))}`);
      } else if (key !== 'translation_key') front.push(...entry);
    }
    // Bodies of 0.5x to 1.5x --words, in sections of a few paragraphs.
    const total = Math.round(args.words * (0.5 + random()));
    const body = [];
    let written = 0, section = 0;
    while (written < total) {
      body.push(`## ${sentence(2 + Math.floor(random() * 4)).slice(0, -1)}`, '');
      for (let p = 0; p < 3 && written < total; p++) {
        const n = 30 + Math.floor(random() * 60);
        let para = sentence(n);
        if (random() < 0.5 && n < extra) {
          const target = docPath(Math.floor(random() * extra));
          para += ` See [${pick(kFunctionWords)} ${zipf()}](../${target.type}/${target.slug}.md).`;
        }
        if (random() < 0.2) {
          const o = pick(originals);
          para += ` Compare [${o.slug}](../${o.type}/${o.slug}.md).`;
        }
        body.push(para, '');
        written += n;
      }
      if (section % 3 === 1) {
        for (let i = 0; i < 4; i++) body.push(`- ${sentence(5 + Math.floor(random() * 8))}`);
        body.push('');
        written += 30;
      }
      if (section % 5 === 2) {
        body.push('| item | value |', '| --- | --- |');
        for (let i = 0; i < 3; i++) body.push(`| ${zipf()} | ${Math.floor(random() * 1000)} |`);
        body.push('');
        written += 9;
      }
      section++;
    }
    const file = path.join(args.out, 'content', type, slug + '.md');
    fs.writeFileSync(file, ['---', ...front, '---', '', ...body].join('\n'));
  }
  console.log(`${originals.length + extra} documents in ${args.out}/content`);
}

main();
