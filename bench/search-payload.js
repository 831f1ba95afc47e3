#!/usr/bin/env node
// Search payload: the bytes a reader transfers for one search, compressed as
// served, on a built site that has both agora's search and a Pagefind index
// of the same HTML (bench/search-payload drives it).
//
//   node bench/search-payload.js SITE_DIR CORPUS_JSON [--queries N] [--seed S] [--json OUT]
//
// A static server serves SITE_DIR with brotli (quality 11, as agora's .br
// copies) when that is smaller; files that are already compressed, like
// Pagefind's index chunks, go as they are. For each query, a fresh Chromium
// context (empty cache):
//   - agora: opens search/?q=QUERY, waits for the first ten results, and
//     counts every response under search/ and js/ (shard map, shards,
//     document chunks, lunr.min.js, lunr-shards.js, search.js);
//   - Pagefind: imports pagefind/pagefind.js, runs search(QUERY), loads the
//     data of the first ten results (their fragments), and counts every
//     response under pagefind/.
// The page's HTML and CSS are the same for both and are not counted.
// Queries are two words drawn from the corpus by document frequency: rare
// (in fewer than 10 documents), typical (10 to 1,000) and common (over
// 1,000), not stop words.
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');
const zlib = require('zlib');
const { launch } = require(path.join(__dirname, '..', 'tests', 'browser', 'chromium.js'));

const [siteDir, corpusPath, ...flags] = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = flags.indexOf(name);
  return at >= 0 ? flags[at + 1] : fallback;
};
const perClass = Number(flag('--queries', 8));
const seed = Number(flag('--seed', 9));
const jsonOut = flag('--json', null);
const kShown = 10;

const kTypes = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.wasm': 'application/wasm' };

// ---- server ------------------------------------------------------------
const compressed = new Map();  // path -> {raw, br, gz}
function encodings(file) {
  if (!compressed.has(file)) {
    const raw = fs.readFileSync(file);
    const br = zlib.brotliCompressSync(raw, { params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_LGWIN]: 22,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
    const gz = zlib.gzipSync(raw, { level: 9 });
    compressed.set(file, { raw, br, gz });
  }
  return compressed.get(file);
}

let log = [];  // {path, raw, br, gz, sent}
function serve(root) {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); log.push({ path: pathname, raw: 0, br: 0, gz: 0, sent: 0, pre: 0 }); return; }
    const e = encodings(file);
    const useBr = /\bbr\b/.test(req.headers['accept-encoding'] || '') && e.br.length < e.raw.length;
    const headers = { 'Content-Type': kTypes[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-store' };
    if (useBr) headers['Content-Encoding'] = 'br';
    const body = useBr ? e.br : e.raw;
    // `pre`: what a server that only sends the site's own precompressed
    // copies (FILE.br) sends; agora writes them for text files over 1 KB.
    const pre = fs.existsSync(file + '.br') ? fs.statSync(file + '.br').size : e.raw.length;
    log.push({ path: pathname, raw: e.raw.length, br: Math.min(e.br.length, e.raw.length),
      gz: Math.min(e.gz.length, e.raw.length), sent: body.length, pre });
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const rng = require('./rng.js');  // mulberry32

// Words a reader would type: plain lower-case tokens of the documents
// (lunr's tokenizer and trimmer, no stop words), with the number of
// documents that contain each.
function chooseQueries(corpus) {
  const lunr = require(path.join(__dirname, '..', 'tests', 'e2e', 'lunr', 'build-lunr-index.js')).loadLunr();
  const df = new Map();
  for (const doc of corpus.documents) {
    const seen = new Set();
    for (const f of corpus.fields) {
      for (const token of String(doc[f.name] || '').toLowerCase().split(/[\s-]+/)) {
        const w = token.replace(/^\W+/, '').replace(/\W+$/, '');
        if (/^[a-z]{3,}$/.test(w) && lunr.stopWordFilter(w)) seen.add(w);
      }
    }
    for (const w of seen) df.set(w, (df.get(w) || 0) + 1);
  }
  const words = [...df.keys()].sort();
  const classes = {
    rare: words.filter((w) => df.get(w) < 10),
    typical: words.filter((w) => df.get(w) >= 10 && df.get(w) <= 1000),
    common: words.filter((w) => df.get(w) > 1000),
  };
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const out = [];
  for (const [name, list] of Object.entries(classes)) {
    for (let i = 0; i < perClass && list.length >= 2; i++) {
      const a = pick(list);
      let b = pick(list);
      while (b === a) b = pick(list);
      out.push({ kind: name, text: `${a} ${b}`, df: [df.get(a), df.get(b)] });
    }
  }
  return out;
}

// ---- measuring ---------------------------------------------------------
function sum(entries, key) { return entries.reduce((n, e) => n + e[key], 0); }

// Responses carry Cache-Control: no-store, so each page starts cold.
async function measure(context, base, query) {
  const out = {};
  // agora: the real search page.
  let page = await context.newPage();
  log = [];
  await page.goto(base + 'search/?q=' + encodeURIComponent(query.text));
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]');
    return status && !/…$/.test(status.textContent) && status.textContent.length > 0 &&
      (document.querySelectorAll('#search-results li').length > 0 || /^No /.test(status.textContent));
  }, null, { timeout: 120000 });
  await page.waitForTimeout(300);
  const agora = log.filter((e) => /^\/(search|js)\/./.test(e.path) && !e.path.endsWith('.html'));
  out.agora = { results: await page.$$eval('#search-results li', (l) => l.length),
    files: agora.map((e) => e.path.replace(/^\//, '')), br: sum(agora, 'br'), gz: sum(agora, 'gz'),
    raw: sum(agora, 'raw'), pre: sum(agora, 'pre'),
    parts: {
      map: sum(agora.filter((e) => /shards\.json$/.test(e.path)), 'br'),
      shards: sum(agora.filter((e) => /shard-\d+\.json$/.test(e.path)), 'br'),
      documents: sum(agora.filter((e) => /docs-\d+\.json$/.test(e.path)), 'br'),
      scripts: sum(agora.filter((e) => /\.js$/.test(e.path)), 'br'),
      other: sum(agora.filter((e) => /(terms|refs)\.json$/.test(e.path)), 'br'),
    } };
  await page.close();

  // Pagefind: its JS API, the first ten results' data.
  page = await context.newPage();
  log = [];
  await page.goto(base + 'search/');  // any page of the site, for the origin
  log = [];
  const pf = await page.evaluate(async ([q, shown]) => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
    return { results: search.results.length, shown: data.length };
  }, [query.text, kShown]);
  const pagefind = log.filter((e) => e.path.startsWith('/pagefind/'));
  out.pagefind = { results: pf.results, shown: pf.shown, files: pagefind.map((e) => e.path.replace(/^\//, '')),
    br: sum(pagefind, 'sent'), gz: sum(pagefind, 'gz'), raw: sum(pagefind, 'raw'),
    pre: sum(pagefind, 'pre') };
  await page.close();
  return out;
}

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[v.length >> 1] : 0;
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';

(async () => {
  const root = path.resolve(siteDir);
  const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));
  const queries = chooseQueries(corpus);
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const { context, close } = await launch();
  const rows = [];
  try {
    for (const q of queries) {
      const m = await measure(context, base, q);
      rows.push({ ...q, ...m });
      console.log(`${q.kind.padEnd(8)} ${JSON.stringify(q.text).padEnd(28)} df ${String(q.df).padEnd(12)} ` +
        `agora ${kb(m.agora.br).padStart(9)} (${m.agora.results} shown; map ${kb(m.agora.parts.map)}, ` +
        `${m.agora.files.filter((f) => /shard-/.test(f)).length} shards ${kb(m.agora.parts.shards)}, ` +
        `docs ${kb(m.agora.parts.documents)}, scripts ${kb(m.agora.parts.scripts)})   ` +
        `pagefind ${kb(m.pagefind.br).padStart(9)} (${m.pagefind.results} results, ${m.pagefind.files.length} files)`);
    }
  } finally {
    await close();
    server.close();
  }
  console.log('\nmedian bytes per query, compressed as served (brotli where it helps):');
  for (const kind of ['rare', 'typical', 'common']) {
    const r = rows.filter((x) => x.kind === kind);
    if (!r.length) continue;
    const stat = (side, key) => `${kb(median(r.map((x) => x[side][key])))}`;
    console.log(`  ${kind.padEnd(8)} agora ${stat('agora', 'br')} ` +
      `(max ${kb(Math.max(...r.map((x) => x.agora.br)))}; gzip ${stat('agora', 'gz')}; ` +
      `own .br copies only ${stat('agora', 'pre')})   pagefind ${stat('pagefind', 'br')} ` +
      `(max ${kb(Math.max(...r.map((x) => x.pagefind.br)))}; gzip ${stat('pagefind', 'gz')}; ` +
      `uncompressed server ${stat('pagefind', 'pre')})`);
  }
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(rows, null, 1));
})().catch((e) => { console.error(e); process.exit(1); });
