#!/usr/bin/env node
// Loads agora's index.json the way a site's search page does (lunr.js, then
// the scripts `lunr_tool scripts LANG` lists, then lunr.Index.load) and
// searches it: for QUERIES documents spread over the corpus, a word of the
// title as written (capitals, accents and all) must find its document
// through the language's search pipeline. Words the builder pipeline
// drops or changes before stemming (stop words, words with punctuation the
// trimmer removes) are skipped, since a search page trims queries itself.
// For Chinese, each sampled document is also searched by the first two and
// the first four characters of a Han run of its summary (a word and a
// phrase). Extra arguments are "QUERY=REF" pairs that must match too.
//   node search-index.js CORPUS INDEX SCRIPTS_FILE QUERIES [QUERY=REF ...]
'use strict';
const fs = require('fs');
const path = require('path');
const { packageDir } = require('./languages.js');

const [corpusPath, indexPath, scriptsPath, queries, ...pairs] = process.argv.slice(2);
const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));
const repo = path.join(__dirname, '..', '..', '..');

const lunr = require('/usr/share/nodejs/lunr/index.js');
const scripts = fs.readFileSync(scriptsPath, 'utf8').split('\n').filter(Boolean);
for (const line of scripts) {
  const [source, file] = line.split(' ');
  const full = source === 'theme' ? path.join(repo, 'themes', 'default', 'assets', file)
    : path.join(packageDir, file);
  const plugin = require(full);
  if (!/\.support\./.test(file) || typeof lunr.stemmerSupport === 'undefined') plugin(lunr);
}
const index = lunr.Index.load(JSON.parse(fs.readFileSync(indexPath, 'utf8')));

// The builder pipeline, to tell which words are indexed as themselves.
let builder;
const language = corpus.language || 'en';
const plugin = language === 'en' ? null : language === 'zh' ? lunr.zhBigram : lunr[language];
lunr(function () { if (plugin) this.use(plugin); builder = this; });

function find(word) {
  return index.query((q) => {
    for (const t of lunr.tokenizer(word)) q.term(t.toString(), {});
  }).map((r) => r.ref);
}

let checked = 0, skipped = 0;
const failures = [];
const step = Math.max(1, Math.floor(corpus.documents.length / Number(queries)));
for (let d = 0; d < corpus.documents.length && checked < Number(queries); d += step) {
  const doc = corpus.documents[d];
  const word = String(doc.title || '').split(/[\s-]+/).find((w) => {
    const built = builder.pipeline.run(lunr.tokenizer(w)).map(String);
    const searched = index.pipeline.runString(w.toLowerCase()).map(String);
    return built.length > 0 && built.every((t) => t !== '') && built.join(' ') === searched.join(' ');
  });
  const hanRun = language === 'zh' && (String(doc.summary || '').match(/[\u4E00-\u9FFF]{4,}/) || [])[0];
  const words = (word ? [word] : []).concat(hanRun ? [hanRun.slice(0, 2), hanRun.slice(0, 4)] : []);
  if (!words.length) { skipped++; continue; }
  for (const w of words) {
    checked++;
    if (!find(w).includes(doc[corpus.ref])) failures.push(`${JSON.stringify(w)} does not find ${doc[corpus.ref]}`);
  }
}
for (const pair of pairs) {
  const [query, ref] = pair.split('=');
  checked++;
  const refs = find(query);
  if (!refs.includes(ref)) failures.push(`${JSON.stringify(query)} does not find ${ref} (found ${refs.slice(0, 5)})`);
}
console.log(`search (${language}, scripts: ${scripts.map((s) => s.split(' ')[1]).join(', ')}): ` +
  `${checked} queries found their document, ${skipped} titles had no plain word`);
if (failures.length) {
  console.log(failures.slice(0, 20).join('\n'));
  process.exit(1);
}
