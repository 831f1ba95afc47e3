#!/usr/bin/env node
// The lunr.js side of bench/lunr-bench: corpus -> index.json with lunr.js
// 2.3.9, timing the build and the JSON.stringify + write separately.
//   node bench/lunr-js-index.js CORPUS OUT [--positions]
'use strict';
const fs = require('fs');
const path = require('path');
const { buildLunrIndex } = require(path.join(__dirname, '..', 'tests', 'e2e', 'lunr', 'build-lunr-index.js'));

const [corpusPath, outPath, ...flags] = process.argv.slice(2);
const t0 = process.hrtime.bigint();
const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));
const t1 = process.hrtime.bigint();
const index = buildLunrIndex(corpus, { positions: flags.includes('--positions') });
const t2 = process.hrtime.bigint();
fs.writeFileSync(outPath, JSON.stringify(index));
const t3 = process.hrtime.bigint();
const ms = (a, b) => Number(b - a) / 1e6;
console.error(`lunr.js: ${corpus.documents.length} documents; parse ${ms(t0, t1).toFixed(0)} ms, ` +
  `build ${ms(t1, t2).toFixed(0)} ms, stringify+write ${ms(t2, t3).toFixed(0)} ms`);
