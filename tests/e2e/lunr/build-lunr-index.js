// Builds the reference lunr.js 2.3.9 index from a search corpus, the way
// DESIGN.md's Search contract says: same ref, fields and boosts, documents
// in order, document boost as add(doc, {boost}).
'use strict';
const path = require('path');

function loadLunr() {
  // Requiring index.js directly skips the package's broken "main" warning.
  const dir = process.env.LUNR_DIR || '/usr/share/nodejs/lunr';
  return require(path.join(dir, 'index.js'));
}

function buildLunrIndex(corpus, { positions = false } = {}) {
  const lunr = loadLunr();
  return lunr(function () {
    this.ref(corpus.ref);
    for (const field of corpus.fields) this.field(field.name, { boost: field.boost });
    if (positions) this.metadataWhitelist = ['position'];
    for (const doc of corpus.documents) this.add(doc, { boost: doc.boost });
  });
}

module.exports = { loadLunr, buildLunrIndex };
