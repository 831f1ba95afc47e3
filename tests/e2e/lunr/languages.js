// Loads the pipeline of a language into a lunr instance, as a site's search
// page does: lunr-languages' lunr.stemmer.support.js and lunr.LANG.js for
// fr, es, ru and ar (from node_modules, or their min/ builds), our
// lunr-zh.js for zh. Returns the plugin for builder.use(), or null for en.
'use strict';
const path = require('path');

const repo = path.join(__dirname, '..', '..', '..');
const packageDir = process.env.LUNR_LANGUAGES_DIR || path.join(repo, 'node_modules', 'lunr-languages');

function useLanguage(lunr, code, { min = false } = {}) {
  if (!code || code === 'en') return null;
  // Registering a plugin twice on one lunr only warns, but keep it quiet.
  lunr.__agoraLoaded = lunr.__agoraLoaded || {};
  if (code === 'zh') {
    if (!lunr.__agoraLoaded.zh) require(path.join(repo, 'themes', 'default', 'assets', 'js', 'lunr-zh.js'))(lunr);
    lunr.__agoraLoaded.zh = true;
    return lunr.zhBigram;
  }
  const file = (name) => min ? path.join(packageDir, 'min', `lunr.${name}.min.js`)
    : path.join(packageDir, `lunr.${name}.js`);
  if (!lunr.__agoraLoaded.support) require(file('stemmer.support'))(lunr);
  lunr.__agoraLoaded.support = true;
  if (!lunr.__agoraLoaded[code]) require(file(code))(lunr);
  lunr.__agoraLoaded[code] = true;
  if (typeof lunr[code] !== 'function') throw new Error(`lunr-languages has no lunr.${code}`);
  return lunr[code];
}

module.exports = { useLanguage, packageDir };
