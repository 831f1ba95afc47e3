#!/usr/bin/env node
// Compares agora's index.json with the index lunr.js builds from the same
// corpus. Strict: every key must be present on both sides, in the same order;
// terms, _index values, refs, positions and vector indices must be equal;
// scores may differ by at most 0.001. Also reports whether the two
// JSON.stringify outputs are byte-identical.
//
//   node compare-index.js CORPUS AGORA_INDEX [--positions] [--require-identical]
'use strict';
const fs = require('fs');
const { buildLunrIndex } = require('./build-lunr-index.js');

const [corpusPath, oursPath, ...flags] = process.argv.slice(2);
const positions = flags.includes('--positions');
const requireIdentical = flags.includes('--require-identical');

const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));
const t0 = Date.now();
const expectedText = JSON.stringify(buildLunrIndex(corpus, { positions }));
const lunrMs = Date.now() - t0;
const actualText = fs.readFileSync(oursPath, 'utf8');
const expected = JSON.parse(expectedText);
const actual = JSON.parse(actualText);

const errors = [];
const fail = (where, msg) => { if (errors.length < 30) errors.push(`${where}: ${msg}`); else errors.length++; };
let maxScoreDiff = 0, scores = 0, postings = 0, positionPairs = 0;

function sameKeys(where, a, b) {
  const ka = Object.keys(a), kb = Object.keys(b);
  if (JSON.stringify(ka) !== JSON.stringify(kb)) {
    const missing = kb.filter((k) => !(k in a)), extra = ka.filter((k) => !(k in b));
    fail(where, `keys differ (missing ${JSON.stringify(missing.slice(0, 5))}, extra ${JSON.stringify(extra.slice(0, 5))}` +
      (missing.length + extra.length === 0 ? ', order differs' : '') + ')');
    return false;
  }
  return true;
}

sameKeys('top level', actual, expected);
for (const key of ['version', 'fields', 'pipeline']) {
  if (JSON.stringify(actual[key]) !== JSON.stringify(expected[key])) {
    fail(key, `${JSON.stringify(actual[key])} != ${JSON.stringify(expected[key])}`);
  }
}

// Field vectors: same refs in the same order, same indices, scores ±0.001.
const av = actual.fieldVectors, ev = expected.fieldVectors;
if (av.length !== ev.length) fail('fieldVectors', `${av.length} vectors, lunr has ${ev.length}`);
for (let i = 0; i < Math.min(av.length, ev.length); i++) {
  const [aref, a] = av[i], [eref, e] = ev[i];
  const where = `fieldVectors[${i}] ${eref}`;
  if (av[i].length !== 2) fail(where, 'entry is not [ref, elements]');
  if (aref !== eref) { fail(where, `ref ${JSON.stringify(aref)}`); continue; }
  if (a.length !== e.length) { fail(where, `${a.length / 2} elements, lunr has ${e.length / 2}`); continue; }
  for (let j = 0; j < e.length; j += 2) {
    if (a[j] !== e[j]) { fail(where, `element ${j / 2}: index ${a[j]} != ${e[j]}`); break; }
    const diff = Math.abs(a[j + 1] - e[j + 1]);
    scores++;
    maxScoreDiff = Math.max(maxScoreDiff, diff);
    if (!(diff <= 0.001 + 1e-12)) fail(where, `term ${e[j]}: score ${a[j + 1]} != ${e[j + 1]}`);
  }
}

// Inverted index: same terms in the same (UTF-16) order, same postings.
const ai = actual.invertedIndex, ei = expected.invertedIndex;
if (ai.length !== ei.length) fail('invertedIndex', `${ai.length} terms, lunr has ${ei.length}`);
for (let i = 0; i < Math.min(ai.length, ei.length); i++) {
  const [aterm, a] = ai[i], [eterm, e] = ei[i];
  const where = `invertedIndex[${i}] ${JSON.stringify(eterm)}`;
  if (ai[i].length !== 2) fail(where, 'entry is not [term, posting]');
  if (aterm !== eterm) { fail(where, `term ${JSON.stringify(aterm)}`); continue; }
  if (!sameKeys(where, a, e)) continue;
  if (a._index !== e._index) fail(where, `_index ${a._index} != ${e._index}`);
  for (const field of Object.keys(e)) {
    if (field === '_index') continue;
    if (!sameKeys(`${where}.${field}`, a[field], e[field])) continue;
    for (const ref of Object.keys(e[field])) {
      postings++;
      const am = a[field][ref], em = e[field][ref];
      if (!sameKeys(`${where}.${field}.${ref}`, am, em)) continue;
      for (const key of Object.keys(em)) {
        if (JSON.stringify(am[key]) !== JSON.stringify(em[key])) {
          fail(`${where}.${field}.${ref}.${key}`, `${JSON.stringify(am[key])} != ${JSON.stringify(em[key])}`);
        }
        if (key === 'position') positionPairs += em[key].length;
      }
    }
  }
}

const identical = actualText === expectedText;
let firstDiff = -1;
if (!identical) {
  firstDiff = 0;
  while (firstDiff < actualText.length && actualText[firstDiff] === expectedText[firstDiff]) firstDiff++;
}
console.log(`documents ${corpus.documents.length}, field vectors ${ev.length}, scores ${scores} ` +
  `(max diff ${maxScoreDiff}), terms ${ei.length}, postings ${postings}, position pairs ${positionPairs}`);
console.log(`lunr.js build ${lunrMs} ms; JSON bytes agora ${Buffer.byteLength(actualText)}, lunr ${Buffer.byteLength(expectedText)}`);
console.log(`byte-identical to JSON.stringify: ${identical ? 'yes' : 'NO (first difference at char ' + firstDiff + ': ' +
  JSON.stringify(actualText.slice(Math.max(0, firstDiff - 40), firstDiff + 40)) + ' vs ' +
  JSON.stringify(expectedText.slice(Math.max(0, firstDiff - 40), firstDiff + 40)) + ')'}`);
if (errors.length) {
  console.log(`${errors.length} structural difference(s):`);
  for (const e of errors.filter(Boolean)) console.log('  ' + e);
  process.exit(1);
}
if (requireIdentical && !identical) process.exit(1);
console.log('structure, terms, _index, refs, positions and vectors: equal');
