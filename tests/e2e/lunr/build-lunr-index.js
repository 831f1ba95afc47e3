// Builds the reference lunr.js 2.3.9 index from a search corpus, the way
// DESIGN.md's Search contract says: same ref, fields and boosts, documents
// in order, document boost as add(doc, {boost}); a corpus "language" other
// than en is applied with this.use(lunr.LANG) (lunr-languages, or our
// lunr-zh.js for zh) before anything is added.
'use strict';
const path = require('path');
const { useLanguage } = require('./languages.js');

function loadLunr() {
  // Requiring index.js directly skips the package's broken "main" warning.
  const dir = process.env.LUNR_DIR || '/usr/share/nodejs/lunr';
  return require(path.join(dir, 'index.js'));
}

function buildLunrIndex(corpus, { positions = false } = {}) {
  const lunr = loadLunr();
  const plugin = useLanguage(lunr, corpus.language);
  return lunr(function () {
    if (plugin) this.use(plugin);
    this.ref(corpus.ref);
    for (const field of corpus.fields) this.field(field.name, { boost: field.boost });
    if (positions) this.metadataWhitelist = ['position'];
    for (const doc of corpus.documents) this.add(doc, { boost: doc.boost });
  });
}

module.exports = { loadLunr, buildLunrIndex };
