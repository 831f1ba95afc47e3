#!/usr/bin/env node
// The sharded client against lunr.js on the whole index.
//
//   node shard-equivalence.js CORPUS INDEX_JSON SHARDS_DIR [--queries N] [--seed S]
//
// 1. lunr.js 2.3.9 builds the index from CORPUS; INDEX_JSON (agora index)
//    must equal its JSON.stringify byte for byte.
// 2. lunr-shards.js's expansion of the shards in SHARDS_DIR (postings
//    scored over lengths.json) is the whole index: every term once with its
//    _index and postings, and every field-vector element once, with lunr's
//    score bit for bit.
// 3. N generated queries of every kind (single and several terms, +required,
//    -prohibited, field:term, term^boost, trailing, leading and inner
//    wildcards, ~1 and ~2 fuzzy, mixes, query functions with lunr.Query
//    options, words not in the index, syntax errors) run through lunr's
//    Index#search / #query on the whole index and through lunr-shards.js on
//    the shards: same refs, same order, scores within 1e-6, same match
//    metadata, or the same error.
// 4. The document store returns each result's stored fields.
'use strict';
const fs = require('fs');
const path = require('path');
const { buildLunrIndex, loadLunr } = require('./build-lunr-index.js');

const repo = path.resolve(__dirname, '..', '..', '..');
const AgoraShards = require(path.join(repo, 'themes/default/assets/js/lunr-shards.js'));

const [corpusPath, indexPath, shardsDir, ...flags] = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = flags.indexOf(name);
  return at >= 0 ? Number(flags[at + 1]) : fallback;
};
const queryCount = flag('--queries', 520);
const seed = flag('--seed', 3);

const lunr = loadLunr();
const corpus = JSON.parse(fs.readFileSync(corpusPath, 'utf8'));
const errors = [];
const fail = (msg) => { errors.push(msg); if (errors.length <= 20) console.log('FAIL: ' + msg); };

// 1. agora index == lunr.js
const t0 = Date.now();
const built = buildLunrIndex(corpus);
const expectedJson = JSON.stringify(built);
const indexText = fs.readFileSync(indexPath, 'utf8');
if (indexText !== expectedJson) fail('agora index output differs from lunr.js JSON.stringify');
else console.log(`agora index: byte-identical to lunr.js (${corpus.documents.length} documents, ` +
  `${Buffer.byteLength(indexText)} bytes, lunr.js build ${Date.now() - t0} ms)`);
const whole = lunr.Index.load(JSON.parse(expectedJson));

// 2. The shards partition the index, and the client scores them as lunr.
const read = (name) => JSON.parse(fs.readFileSync(path.join(shardsDir, name), 'utf8'));
const map = read('shards.json');
const lengths = read(map.lengths[0]);
const full = JSON.parse(expectedJson);
const fullTerms = full.invertedIndex;
let termAt = 0;
const vectorElements = new Map();
for (const [first, last, name] of map.shards) {
  const shard = read(name);
  const terms = AgoraShards.expand(map, lengths, shard);
  if (terms[0].term !== first || terms[terms.length - 1].term !== last) fail(`${name}: first/last term differ from the map`);
  const named = new Set();
  for (const entry of terms) {
    if (JSON.stringify([entry.term, entry.posting]) !== JSON.stringify(fullTerms[termAt])) {
      fail(`${name}: term ${JSON.stringify(entry.term)} differs from the whole index's entry ${termAt}`);
      break;
    }
    termAt++;
    for (const [key, index, score] of entry.elements) {
      const list = vectorElements.get(key) || [];
      list.push([index, score]);
      vectorElements.set(key, list);
      named.add(key.slice(key.indexOf('/') + 1));
    }
  }
  if (shard.docs.length !== 2 * named.size) fail(`${name}: lists ${shard.docs.length / 2} documents, its postings name ${named.size}`);
}
if (termAt !== fullTerms.length) fail(`the shards hold ${termAt} terms, the index ${fullTerms.length}`);
let elements = 0;
for (const [key, vector] of full.fieldVectors) {
  const got = (vectorElements.get(key) || []).sort((a, b) => a[0] - b[0]);
  const want = [];
  for (let i = 0; i < vector.length; i += 2) want.push([vector[i], vector[i + 1]]);
  elements += want.length;
  if (JSON.stringify(got) !== JSON.stringify(want)) { fail(`field vector ${key} differs`); break; }
}
if (JSON.stringify(read('terms.json')) !== JSON.stringify(fullTerms.map((e) => e[0]))) fail('terms.json differs');
if (JSON.stringify(read('refs.json')) !== JSON.stringify(corpus.documents.map((d) => String(d[corpus.ref])))) fail('refs.json differs');
console.log(`shards: ${map.shards.length} shards hold ${termAt} terms and ${elements} vector elements, ` +
  'each once; the client scores every element as lunr.js');

const rng = require(path.join(__dirname, '..', '..', '..', 'bench', 'rng.js'));  // mulberry32
const random = rng(seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const fields = corpus.fields.map((f) => f.name);

// Words as a reader types them: tokens of the documents' text, without the
// characters lunr's query syntax reserves.
const words = [];
for (let i = 0; i < 4000; i++) {
  const doc = pick(corpus.documents);
  const text = String(doc[pick(fields)] || '');
  const tokens = text.split(/[\s-]+/).map((t) => t.replace(/[:^~+*\\]/g, '')).filter(Boolean);
  if (tokens.length) words.push(pick(tokens));
}
const word = () => pick(words);
const prefix = () => {
  const w = word().toLowerCase();
  return w.slice(0, Math.min(w.length, 2 + Math.floor(random() * 4)));
};
const suffix = () => { const w = word().toLowerCase(); return w.slice(Math.max(1, w.length - 4)); };

const kinds = {
  single: () => word(),
  several: () => `${word()} ${word()} ${word()}`,
  two: () => `${word()} ${word()}`,
  required: () => `+${word()} ${word()}`,
  'all required': () => `+${word()} +${word()}`,
  prohibited: () => `${word()} -${word()}`,
  'only prohibited': () => `-${word()}`,
  field: () => `${pick(fields)}:${word()} ${word()}`,
  'two fields': () => `${pick(fields)}:${word()} ${pick(fields)}:${word()}`,
  boost: () => `${word()}^${pick([2, 5, 10, 0.5])} ${word()}`,
  'trailing wildcard': () => `${prefix()}*`,
  'word and wildcard': () => `${word()} ${prefix()}*`,
  'leading wildcard': () => `*${suffix()}`,
  'inner wildcard': () => { const w = word().toLowerCase(); return w.length > 2 ? `${w[0]}*${w.slice(-1)}` : `${w}*`; },
  fuzzy: () => `${word()}~1`,
  'fuzzy and word': () => `${word()}~1 ${word()}`,
  'fuzzy 2': () => `${word().slice(0, 6)}~2`,
  mixed: () => `+${pick(fields)}:${word()} -${word()} ${prefix()}* ${word()}~1^3`,
  'not in the index': () => `zqxjw${Math.floor(random() * 1000)} ${word()}`,
  'required, not in the index': () => `+zqxjw${Math.floor(random() * 1000)} ${word()}`,
};
// Query functions: lunr.Query options the string syntax cannot say.
const functionKinds = {
  'search page': () => {
    const terms = [word(), word()].map((w) => w.toLowerCase());
    return (q) => terms.forEach((t) => {
      q.term(t, { boost: 10 });
      q.term(t, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, boost: 1 });
    });
  },
  'pipeline with wildcard option': () => {
    const t = word().toLowerCase();
    return (q) => q.term(t, { wildcard: lunr.Query.wildcard.TRAILING });
  },
  'fields and presence options': () => {
    const a = word().toLowerCase(), b = word().toLowerCase(), field = pick(fields);
    return (q) => {
      q.term(a, { fields: [field], presence: lunr.Query.presence.REQUIRED });
      q.term(b, { editDistance: 1, boost: 3 });
    };
  },
};
const fixed = ['', 'the', 'москва', '東京', '😀', 'title:', 'nosuchfield:word', 'a~', '+', '-', 'e-mail'];

// Kinds that make lunr walk the whole vocabulary or score every document
// are slow in lunr.js itself, so they come less often.
const rare = new Set(['leading wildcard', 'only prohibited', 'fuzzy 2', 'inner wildcard']);
const schedule = [];
for (const kind of Object.keys(kinds)) {
  for (let n = rare.has(kind) ? 1 : 4; n > 0; n--) schedule.push({ kind });
}
for (const kind of Object.keys(functionKinds)) {
  for (let n = 3; n > 0; n--) schedule.push({ kind, fn: true });
}
const queries = [];
for (const q of fixed) queries.push({ kind: 'fixed', text: q });
for (let i = 0; queries.length < queryCount; i++) {
  const { kind, fn } = schedule[i % schedule.length];
  queries.push(fn ? { kind, fn: functionKinds[kind]() } : { kind, text: kinds[kind]() });
}

const outcome = (run) => {
  try { return { results: run() }; } catch (e) { return { error: `${e.name}: ${e.message}` }; }
};

(async () => {
  const client = await AgoraShards.open({
    lunr,
    load: (name) => Promise.resolve(read(name)),
  });
  let maxDiff = 0, results = 0, spanning = 0, identical = 0, errored = 0;
  const perKind = {};
  const timing = {};
  const shardsPerQuery = [];
  for (const q of queries) {
    const fn = q.fn || ((query) => new lunr.QueryParser(q.text, query).parse());
    const t1 = Date.now();
    const want = outcome(() => whole.query(fn));
    const t2 = Date.now();
    const before = client.loaded.length;
    let got;
    try { got = { results: await client.query(fn) }; } catch (e) { got = { error: `${e.name}: ${e.message}` }; }
    const t3 = Date.now();
    timing[q.kind] = timing[q.kind] || [0, 0];
    timing[q.kind][0] += t2 - t1;
    timing[q.kind][1] += t3 - t2;
    const label = `${q.kind} ${q.text !== undefined ? JSON.stringify(q.text) : '(query function)'}`;
    perKind[q.kind] = (perKind[q.kind] || 0) + 1;
    const touched = client._merged.key ? client._merged.key.split('+')[0].split(',').filter(Boolean).length : 0;
    shardsPerQuery.push(touched);
    if (want.error || got.error) {
      errored++;
      if (want.error !== got.error) fail(`${label}: lunr ${want.error || 'ok'}, shards ${got.error || 'ok'}`);
      continue;
    }
    if (touched > 1) spanning++;
    const a = want.results, b = got.results;
    results += a.length;
    if (a.length !== b.length) { fail(`${label}: ${b.length} results, lunr ${a.length}`); continue; }
    let same = true;
    for (let i = 0; i < a.length; i++) {
      if (a[i].ref !== b[i].ref) { fail(`${label}: result ${i} is ${b[i].ref}, lunr ${a[i].ref}`); same = false; break; }
      const diff = Math.abs(a[i].score - b[i].score);
      maxDiff = Math.max(maxDiff, diff);
      if (!(diff <= 1e-6)) { fail(`${label}: ${a[i].ref} scores ${b[i].score}, lunr ${a[i].score}`); same = false; break; }
      if (a[i].score !== b[i].score) same = false;
      if (JSON.stringify(a[i].matchData.metadata) !== JSON.stringify(b[i].matchData.metadata)) {
        fail(`${label}: ${a[i].ref} match metadata differs`); same = false; break;
      }
    }
    if (same) identical++;
    void before;
  }
  if (process.env.TIMING) console.log(JSON.stringify(timing));
  const counts = Object.entries(perKind).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`queries: ${queries.length} (${counts})`);
  console.log(`results compared: ${results}; queries spanning 2+ shards: ${spanning}; ` +
    `same error: ${errored}; max score difference ${maxDiff}; bit-identical scores in ${identical} of ` +
    `${queries.length - errored} queries`);
  shardsPerQuery.sort((x, y) => x - y);
  console.log(`shards merged per query: median ${shardsPerQuery[shardsPerQuery.length >> 1]}, ` +
    `max ${shardsPerQuery[shardsPerQuery.length - 1]} of ${map.shards.length}`);
  if (spanning < queries.length / 5) fail(`only ${spanning} queries span shards: the test would prove little`);

  // 4. The document store.
  if (map.store) {
    let refs = [];
    while (!refs.length) refs = whole.search(word().toLowerCase()).slice(0, 10).map((r) => r.ref);
    const docs = await client.documents(refs);
    const byRef = new Map(corpus.documents.map((d) => [String(d[corpus.ref]), d]));
    for (const ref of refs) {
      if (!docs[ref] || docs[ref].title !== byRef.get(ref).title) fail(`store: ${ref} has ${JSON.stringify(docs[ref])}`);
    }
    console.log(`store: ${refs.length} documents from ${map.store.chunks} chunks match the corpus`);
  }
  if (errors.length) {
    console.log(`${errors.length} failure(s)`);
    process.exit(1);
  }
  console.log('sharded client == lunr.js on the whole index');
})().catch((e) => { console.error(e); process.exit(1); });
