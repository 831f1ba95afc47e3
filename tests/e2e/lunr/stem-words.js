#!/usr/bin/env node
// The reference side of lunr_languages_stemmers.sh: reads a word list,
// lower-cases it as JavaScript does, deduplicates it, and writes
//   WORDS    the words, one a line
//   STEMS    lunr.LANG.stemmer of each word (lunr-languages' lunr.LANG.js)
//   TERMS    each word through the whole builder pipeline of
//            this.use(lunr.LANG), terms tab-separated
// and fails if the package's min/ build stems any word differently (that
// build is what a site's search page loads). With MAX, keeps MAX words
// evenly spread over the list.
//   node stem-words.js LANG LIST WORDS STEMS TERMS [MAX]
'use strict';
const fs = require('fs');
const path = require('path');
const { useLanguage } = require('./languages.js');

const [lang, listPath, wordsPath, stemsPath, termsPath, max] = process.argv.slice(2);
const fresh = (min) => {
  delete require.cache[require.resolve('/usr/share/nodejs/lunr/index.js')];
  const lunr = require('/usr/share/nodejs/lunr/index.js');
  useLanguage(lunr, lang, { min });
  return lunr;
};
const lunr = fresh(false);
// Lines are the unit of comparison: drop words with a tab or a CR in them.
const all = [...new Set(fs.readFileSync(listPath, 'utf8').split('\n')
  .filter((w) => w && !/[\t\r]/.test(w)).map((w) => w.toLowerCase()))];
const step = max ? Math.max(1, Math.ceil(all.length / Number(max))) : 1;
const words = all.filter((w, i) => i % step === 0);
const stem = (l, w) => l[lang].stemmer(new l.Token(w)).toString();
const stems = words.map((w) => stem(lunr, w));

const minLunr = fresh(true);
const minDiffers = words.filter((w, i) => stem(minLunr, w) !== stems[i]);
if (minDiffers.length) {
  console.error(`min/lunr.${lang}.min.js stems ${minDiffers.length} words differently, e.g. ${minDiffers.slice(0, 5)}`);
  process.exit(1);
}

let builder;
lunr(function () { this.use(lunr[lang]); builder = this; });
const terms = words.map((w) => builder.pipeline.run(lunr.tokenizer(w)).map(String).join('\t'));

fs.writeFileSync(wordsPath, words.join('\n') + '\n');
fs.writeFileSync(stemsPath, stems.join('\n') + '\n');
fs.writeFileSync(termsPath, terms.join('\n') + '\n');
