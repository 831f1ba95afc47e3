#!/usr/bin/env node
// Content is written in our own words: no run of N consecutive words (default
// 10) in content/ may also appear in a seed document. Words are compared
// lower-cased, with punctuation as a word break, so light edits do not hide
// a copied sentence. Usage: node seed_overlap.js CONTENT_DIR SEEDS_DIR [N]
'use strict';
const fs = require('fs');
const path = require('path');

const [contentDir, seedsDir, nArg] = process.argv.slice(2);
const N = Number(nArg || 10);

function files(dir, test) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(full, test));
    else if (test(e.name)) out.push(full);
  }
  return out.sort();
}
const words = (text) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

const seedRuns = new Map();
const seeds = files(seedsDir, (n) => n.endsWith('.txt'));
for (const seed of seeds) {
  const w = words(fs.readFileSync(seed, 'utf8'));
  for (let i = 0; i + N <= w.length; i++) seedRuns.set(w.slice(i, i + N).join(' '), path.basename(seed));
}
const docs = files(contentDir, (n) => n.endsWith('.md'));
const hits = [];
for (const doc of docs) {
  const w = words(fs.readFileSync(doc, 'utf8'));
  for (let i = 0; i + N <= w.length; i++) {
    const run = w.slice(i, i + N).join(' ');
    if (seedRuns.has(run)) { hits.push(`${path.relative(contentDir, doc)}: "${run}" (${seedRuns.get(run)})`); break; }
  }
}
console.log(`seed overlap: ${docs.length} documents against ${seeds.length} seeds, ${seedRuns.size} runs of ${N} words; ${hits.length} documents share one`);
for (const h of hits) console.log('  ' + h);
process.exit(hits.length || docs.length === 0 || seeds.length === 0 ? 1 : 0);
