#!/usr/bin/env node
// The site benchmark of `make bench`: agora against Debian's Hugo on the same
// generated corpus (bench/gen-bench-site.js), per size, runs alternating
// between the tools, median of --runs (one count for every size, or one
// per size, `--runs 3,3,1`, the last repeated for the sizes after it).
// Then the index alone: agora index against lunr.js (bench/lunr-bench) on
// the search corpora of the same sites and on the mixed-script corpus of
// bench/gen-corpus.js, as many runs as the most any size has.
//
//   node bench/site-bench.js [--sizes 1000,10000,50000] [--runs 3|3,3,1] [--words 700]
//       [--lunr-sizes 1000,10000] [--mixed 5000x600] [--build-dir build]
//       [--work DIR] [--record docs/PERFORMANCE.md] [--settle 180]
//
// Rows per size: agora cold (empty .agora-cache, no output folder), Hugo
// (no output folder), agora warm (the cache of the previous build, no output
// folder), agora after one edit (cache and output of the previous build, one
// document's body changed), after the next edit (the same, with the
// tree the previous rebuild replaced kept beside the output, as for every
// rebuild but the first after a build into an empty folder), and agora
// warm on a copy of the site with `compress: []` (no .gz or .br); and the
// floor under the warm build's writes (see floor()). Wall and user+system CPU come from
// /usr/bin/time, peak RSS too; bytes written are the write(2) bytes of the
// process (/proc/PID/io wchar, children included once reaped).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');

const root = path.join(__dirname, '..');

function parseArgs(argv) {
  const args = { sizes: '1000,10000,50000', runs: '3', words: 700, 'lunr-sizes': '1000,10000',
    mixed: '5000x600', 'build-dir': path.join(root, 'build'), work: '', record: '', settle: 180 };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args)) throw new Error('unknown option ' + argv[i]);
    args[key] = typeof args[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  const list = (s) => String(s).split(',').filter(Boolean).map(Number);
  args.sizes = list(args.sizes);
  args['lunr-sizes'] = list(args['lunr-sizes']);
  // At 50,000 documents a run leaves about 20 GB until the end: a disk
  // that holds three at the smaller sizes may hold only one there.
  const runs = list(args.runs);
  if (!runs.length || runs.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error('--runs wants whole numbers from 1, one for every size or one per size');
  }
  args.runsOf = (docs) => runs[Math.min(args.sizes.indexOf(docs), runs.length - 1)];
  args.indexRuns = Math.max(...runs);
  return args;
}

function load1() { return Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]); }
let maxLoad = 0;
// The run before raises the load average itself (two busy cores for a
// minute leave it near 2), so wait up to --settle seconds (180; 0 for the
// untimed test) for it to fall below 1 before measuring; another process
// keeping it up is then reported.
let settleSeconds = 180;
function waitQuiet() {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; waited < settleSeconds && load1() >= 1; waited += 5) {
    Atomics.wait(sleeper, 0, 0, 5000);
  }
}
// Before each measured run, the dirty pages of the one before (a build
// writes 2 GB) are written back first: left to the kernel, that writeback
// ran during the next run and made the same build's wall time swing from
// 33 to 75 s.
function checkLoad(what) {
  execFileSync('sync');
  waitQuiet();
  const load = load1();
  maxLoad = Math.max(maxLoad, load);
  if (load > 1) {
    console.log(`  warning: load average ${load} > 1 before ${what}: wall times are not evidence`);
  }
}

// This machine's ext4 has no journal, and without one the inode allocator
// skips inodes freed in the last 60 to 360 seconds, looking each one up: a
// build that creates 145,000 files right after 145,000 were deleted spent
// two thirds of its time in recently_deleted() (perf record -g). So the
// bench never deletes while it measures: old outputs and caches are renamed
// into work/discarded (no inode is freed) and removed once at the end.
let discardedDir = '';
let discardedCount = 0;
function discard(dir) {
  if (!fs.existsSync(dir)) return;
  fs.mkdirSync(discardedDir, { recursive: true });
  fs.renameSync(dir, path.join(discardedDir, `${process.pid}-${discardedCount++}`));
}

// An output folder and the replaced tree a build keeps beside it.
function discardOutput(dir) {
  discard(dir);
  discard(`${dir}.old`);
}

// What a size leaves on disk until the end of the run (nothing is deleted
// before a measurement): on 2026-12-04, one run at 50,000 documents took
// about 37 GB (18 GB discarded, 19 GB live) and three at 10,000 about 23
// GB, so about 0.4 to 0.6 MB per document and run, and 0.4 MB per document
// for what stays live, and the floor's copy of the warm output (see
// floor()) about 0.2 MB more per document, once. A size that cannot fit
// even the lower figure stops the bench before it starts that size, not an
// hour into it.
class Refusal extends Error {}
function checkDisk(work, docs, runs) {
  const gb = (bytes) => (bytes / 1e9).toFixed(0);
  const st = fs.statfsSync(work);
  const free = st.bavail * st.bsize;
  const least = docs * (0.4e6 * runs + 0.6e6);
  const likely = docs * (0.6e6 * runs + 0.6e6);
  if (free < least) {
    throw new Refusal(`${docs} documents, ${runs} run(s): needs at least ${gb(least)} GB free in ${work}, ` +
      `${gb(free)} GB are; free disk or pass fewer --runs (rows measured so far are kept)`);
  }
  if (free < likely) {
    console.log(`  warning: ${docs} documents, ${runs} run(s) may need up to ${gb(likely)} GB; ${gb(free)} GB free`);
  }
}

function countFiles(dir) {
  let files = 0, pages = 0, bytes = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        if (e.name.endsWith('.html')) pages++;
        bytes += fs.statSync(p).size;
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return { files, pages, bytes };
}

// Runs argv under /usr/bin/time; returns wall, cpu, rss (MB), wchar, output.
function measure(label, argv, work, cwd) {
  checkLoad(label);
  const timeFile = path.join(work, 'time.txt');
  const script = '"$@"; rc=$?; grep -E "^wchar" /proc/$$/io >&2; exit $rc';
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', timeFile, 'sh', '-c', script, 'sh',
    ...argv], { cwd: cwd || work, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    throw new Error(`${label} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const [wall, user, sys, rss] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop()
    .split(' ').map(Number);
  const wchar = Number((/wchar: (\d+)/.exec(r.stderr) || [0, 0])[1]);
  return { wall, cpu: user + sys, rss: rss / 1024, wchar, stdout: r.stdout };
}

// The kernel's floor (bench/tree-floor.cpp): agora's warm output made again
// from memory with nothing else to do, as written files and as hard links
// (what the first rebuild after a build into an empty folder makes of the
// files it keeps), on every core: what the kernel alone takes, which a
// build that must also make the bytes is not likely to beat on this
// machine; the rows say how far the targets lie from it.
// One run per size (the first), whatever --runs says. The links are made
// to the written copy (work/floor-write, so `write` comes first), never to
// the output: a new link moves a file's ctime, and the next rebuild would
// find none of its files untouched.
const floorRows = { write: 'floor: write its files', link: 'floor: link its files' };
function floor(args, mode, out, warm, work) {
  checkLoad(floorRows[mode]);
  const dest = path.join(work, `floor-${mode}`);
  const src = mode === 'write' ? out : path.join(work, 'floor-write');
  if (mode === 'write') discard(dest);
  const r = spawnSync(path.resolve(args['build-dir'], 'bench/tree_floor'),
    [mode, src, dest, '--threads', String(os.cpus().length)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tree_floor ${mode} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  if (mode === 'link') {
    discard(dest);
    discard(src);
  }
  const num = (key) => Number((new RegExp(`\\b${key} ([\\d.]+)`).exec(r.stdout) || [0, NaN])[1]);
  const files = num('files');
  return { wall: num('wall'), cpu: num('cpu'), rss: NaN, wchar: mode === 'write' ? num('bytes') : 0,
    files, pages: warm.pages, bytes: num('bytes'), written: files };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
// The median of each of `keys` over runs, as one object.
const medians = (runs, keys) => Object.fromEntries(keys.map((key) => [key, median(runs.map((x) => x[key]))]));

// One size: generate, then --runs rounds of cold, Hugo, warm, two edits.
function benchSize(args, docs, work) {
  const site = path.join(work, `site-${docs}`);
  discard(site);
  execFileSync('node', [path.join(root, 'bench/gen-bench-site.js'), '--docs', String(docs),
    '--words', String(args.words), '--out', site], { stdio: 'inherit' });
  const hugoDir = path.join(work, 'hugo');
  discard(hugoDir);
  fs.cpSync(path.join(root, 'bench/hugo'), hugoDir, { recursive: true });
  const agora = path.resolve(args['build-dir'], 'agora');
  const out = path.join(work, `public-${docs}`);
  const hugoOut = path.join(work, `hugo-${docs}`);
  const cache = path.join(site, '.agora-cache');
  const build = ['build', '--config', path.join(site, 'site.yaml'), '--out', out, '--quiet'];
  const rows = { 'agora cold': [], Hugo: [], 'agora warm': [], [floorRows.write]: [], [floorRows.link]: [],
    'agora, one edit': [], 'agora, next edit': [], 'agora warm, no copies': [] };
  // The same site with `compress: []`: what the compressed copies this
  // repository keeps for its mirrors cost a build (two of every three files
  // written). A copy of the site, so that its cache and output record are
  // its own; primed by one untimed build. Hard links, not copies: at 50,000
  // documents a copy took disk the outputs needed. The edited document is
  // copied, since the edits append to it in place.
  const plain = `${site}-no-copies`;
  discard(plain);
  execFileSync('cp', ['-al', site, plain]);
  fs.rmSync(path.join(plain, '.agora-cache'), { recursive: true, force: true });
  const plainYaml = path.join(plain, 'site.yaml');
  const yaml = fs.readFileSync(plainYaml, 'utf8');
  if (!/^compress: .*$/m.test(yaml)) throw new Error(`${plainYaml} has no compress: line`);
  fs.rmSync(plainYaml);  // a link to the site's own
  fs.writeFileSync(plainYaml, yaml.replace(/^compress: .*$/m, 'compress: []'));
  const plainOut = path.join(work, `public-${docs}-no-copies`);
  const plainBuild = ['build', '--config', plainYaml, '--out', plainOut, '--quiet'];
  discardOutput(plainOut);
  execFileSync(agora, plainBuild, { cwd: work });
  const written = (stdout) => Number((/\((\d+) written/.exec(stdout) || [0, NaN])[1]);
  // The document edited: a generated one, so its links and terms stay valid.
  const edited = fs.readdirSync(path.join(site, 'content/case-studies'))
    .filter((f) => /-\d+\.md$/.test(f)).sort()[0];
  if (edited) {
    const linked = path.join(plain, 'content/case-studies', edited);
    fs.rmSync(linked);
    fs.copyFileSync(path.join(site, 'content/case-studies', edited), linked);
  }
  const runs = args.runsOf(docs);
  for (let run = 1; run <= runs; run++) {
    console.log(`size ${docs}, run ${run}/${runs}`);
    discard(cache);
    discardOutput(out);
    let m = measure('agora cold', [agora, ...build], work);
    rows['agora cold'].push({ ...m, ...countFiles(out), written: written(m.stdout) });
    discard(hugoOut);
    m = measure('Hugo', ['hugo', '--quiet', '--source', hugoDir, '--contentDir', path.join(site, 'content'),
      '--destination', hugoOut], work);
    const h = countFiles(hugoOut);
    rows.Hugo.push({ ...m, ...h, written: h.files });
    discardOutput(out);
    m = measure('agora warm', [agora, ...build], work);
    const warm = { ...m, ...countFiles(out), written: written(m.stdout) };
    rows['agora warm'].push(warm);
    // The first rebuild after a build into an empty folder, then the next
    // one: it finds the tree the first replaced (out.old) and brings it up
    // to date in place, as every later rebuild does.
    for (const row of edited ? ['agora, one edit', 'agora, next edit'] : []) {
      fs.appendFileSync(path.join(site, 'content/case-studies', edited), `\nAn edit of run ${run}.\n`);
      m = measure(row, [agora, ...build], work);
      rows[row].push({ ...m, ...countFiles(out), written: written(m.stdout) });
    }
    discardOutput(plainOut);
    m = measure('agora warm, no copies', [agora, ...plainBuild], work);
    rows['agora warm, no copies'].push({ ...m, ...countFiles(plainOut), written: written(m.stdout) });
    // The floor under the warm build's writes, from the output as the
    // edits left it (the same files): last, since at 50,000 documents it
    // holds 8 GB in memory and writes as much, and a rebuild measured
    // right after it took 54 s instead of 42 (2026-12-04 16:57 run). In
    // the first run only: its copy stays on disk until the end (1.7 GB at
    // 10,000 documents).
    if (run === 1) {
      for (const mode of ['write', 'link']) rows[floorRows[mode]].push(floor(args, mode, out, warm, work));
    }
  }
  const result = {};
  for (const [name, list] of Object.entries(rows)) {
    if (list.length) result[name] = medians(list, ['wall', 'cpu', 'rss', 'wchar', 'files', 'pages', 'bytes', 'written']);
  }
  // The search corpus of this site, for the index bench.
  const corpus = path.join(work, `corpus-${docs}.json`);
  if (args['lunr-sizes'].includes(docs)) {
    execFileSync(agora, [...build.slice(0, -1), '--quiet', '--emit-search-corpus', corpus]);
  }
  return { docs, result, corpus };
}

// bench/lunr-bench on one corpus file, as many times as the most --runs of
// a size: agora index vs lunr.js, the median of each figure (one run of
// agora's index is about a second, and varied by half between two runs on
// one host).
function benchIndex(args, label, corpus, work) {
  const runs = [];
  for (let run = 1; run <= args.indexRuns; run++) runs.push(benchIndexOnce(args, label, corpus, work));
  return { label, identical: runs.every((x) => x.identical),
    ...medians(runs, ['agoraWall', 'agoraCpu', 'lunrWall', 'lunrCpu']) };
}

function benchIndexOnce(args, label, corpus, work) {
  checkLoad(`index ${label}`);
  const r = spawnSync(path.join(root, 'bench/lunr-bench'), ['--corpus', corpus, '--no-brotli', '--no-sizes',
    '--build-dir', args['build-dir']], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`lunr-bench failed:\n${r.stdout}\n${r.stderr}`);
  const num = (re) => Number((re.exec(r.stdout) || [0, NaN])[1]);
  return {
    label,
    agoraWall: num(/^agora\s+wall\s+([\d.]+)/m), agoraCpu: num(/^agora\s+wall\s+[\d.]+ s\s+cpu\s+([\d.]+)/m),
    lunrWall: num(/^lunrjs\s+wall\s+([\d.]+)/m), lunrCpu: num(/^lunrjs\s+wall\s+[\d.]+ s\s+cpu\s+([\d.]+)/m),
    identical: /byte-identical/.test(r.stdout),
  };
}

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '–');
const mb = (x) => (x / 1048576).toFixed(1);
const ratio = (a, b) => (b ? (a / b).toFixed(2) + '×' : '–');

function table(sizes, indexes) {
  const lines = [
    '| docs | build | wall s | CPU s | peak RSS MB | pages | files | written | MB written | wall/Hugo | CPU/Hugo | RSS/Hugo |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const { docs, result } of sizes) {
    const hugo = result.Hugo;
    for (const [name, r] of Object.entries(result)) {
      lines.push(`| ${docs} | ${name} | ${f1(r.wall)} | ${f1(r.cpu)} | ${Number.isFinite(r.rss) ? Math.round(r.rss) : '–'} | ${r.pages} | ` +
        `${r.files} | ${r.written} | ${mb(r.wchar)} | ${ratio(r.wall, hugo.wall)} | ` +
        `${ratio(r.cpu, hugo.cpu)} | ${Number.isFinite(r.rss) ? ratio(r.rss, hugo.rss) : '–'} |`);
    }
  }
  const summary = [];
  const first = sizes[0], last = sizes[sizes.length - 1];
  if (sizes.length > 1) {
    const per = (s) => s.result['agora warm'].wall / s.docs;
    summary.push(`Wall time per document, agora warm: ${(per(first) * 1000).toFixed(2)} ms at ${first.docs}, ` +
      `${(per(last) * 1000).toFixed(2)} ms at ${last.docs} (${(per(last) / per(first)).toFixed(2)}×).`);
  }
  for (const { docs, result } of sizes) {
    for (const row of ['agora, one edit', 'agora, next edit']) {
      const edit = result[row];
      if (!edit) continue;
      summary.push(`${docs} documents, ${row.slice(7)}: ${ratio(edit.wall, result['agora cold'].wall)} of a ` +
        `clean (cold) build's wall time, ${ratio(edit.wall, result['agora warm'].wall)} of a warm one's.`);
    }
  }
  for (const { docs, result } of sizes) {
    const [write, link] = [result[floorRows.write], result[floorRows.link]];
    if (!write || !link) continue;
    summary.push(`${docs} documents, the floor: writing agora's ${write.files} files again from memory, ` +
      `with nothing else to do, takes ${ratio(write.wall, result.Hugo.wall)} of Hugo's wall time ` +
      `(${ratio(write.wall, result['agora warm'].wall)} of agora's warm build); linking them, ` +
      `${ratio(link.wall, result['agora cold'].wall)} of a clean (cold) build's.`);
  }
  for (const { docs, result } of sizes) {
    const plain = result['agora warm, no copies'];
    if (!plain) continue;
    summary.push(`${docs} documents, warm without compressed copies (\`compress: []\`): ` +
      `${ratio(plain.wall, result.Hugo.wall)} of Hugo's wall time, ${plain.files} files against ` +
      `${result['agora warm'].files} with them.`);
  }
  if (indexes.length) {
    lines.push('', '| index alone | agora wall s | agora CPU s | lunr.js wall s | lunr.js CPU s | wall ratio | CPU ratio | identical |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
    for (const x of indexes) {
      lines.push(`| ${x.label} | ${f1(x.agoraWall)} | ${f1(x.agoraCpu)} | ${f1(x.lunrWall)} | ${f1(x.lunrCpu)} | ` +
        `${ratio(x.lunrWall, x.agoraWall)} | ${ratio(x.lunrCpu, x.agoraCpu)} | ${x.identical ? 'yes' : 'NO'} |`);
    }
  }
  return lines.concat('', summary).join('\n');
}

function machine() {
  const cpu = os.cpus();
  const hugo = execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim().split(' ')[1];
  return `${cpu.length} × ${cpu[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Linux ${os.release()}; node ${process.version}; Hugo ${hugo}`;
}

function runsText(args) {
  const counts = args.sizes.map((docs) => args.runsOf(docs));
  const floorRun = 'one per floor row';
  if (counts.every((n) => n === counts[0])) return `${counts[0]} run(s) per row (median), ${floorRun}`;
  return `runs per row (median): ${args.sizes.map((docs, i) => `${counts[i]} at ${docs}`).join(', ')}; ` +
    `${args.indexRuns} per index row, ${floorRun}`;
}

function header(started, args, loadBefore) {
  const loadNow = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  return `Run of ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
    `${runsText(args)}; machine: ${machine()}; ` +
    `load average ${loadBefore} before, ${loadNow} after, highest 1-minute ${maxLoad.toFixed(2)}` +
    (maxLoad > 1 ? ' (**loaded: wall times are not evidence**)' : '') + '.';
}

function main() {
  const args = parseArgs(process.argv);
  settleSeconds = args.settle;
  let work = args.work;
  const temporary = !work;
  if (temporary) work = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-bench-'));
  fs.mkdirSync(work, { recursive: true });
  discardedDir = path.join(work, 'discarded');
  const started = new Date();
  const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(`machine: ${machine()}; load ${loadBefore}`);
  try {
    // Each size's rows are printed, and recorded, as soon as they are
    // measured: a run that fails at a later size keeps them.
    const sizes = [];
    for (const docs of args.sizes) {
      checkDisk(work, docs, args.runsOf(docs));
      sizes.push(benchSize(args, docs, work));
      const text = `${header(started, args, loadBefore)} Sizes measured so far: ` +
        `${sizes.map((s) => s.docs).join(', ')} of ${args.sizes.join(', ')}.\n\n${table(sizes, [])}\n`;
      console.log('\n' + text);
      if (args.record && sizes.length < args.sizes.length) record(args.record, text);
    }
    const indexes = [];
    for (const s of sizes) {
      if (args['lunr-sizes'].includes(s.docs)) indexes.push(benchIndex(args, `site corpus, ${s.docs} documents`, s.corpus, work));
    }
    if (args.mixed) {
      const [docs, words] = args.mixed.split('x').map(Number);
      const corpus = path.join(work, 'mixed.json');
      execFileSync('node', [path.join(root, 'bench/gen-corpus.js'), '--docs', String(docs), '--words',
        String(words), '--seed', '42', '--out', corpus]);
      indexes.push(benchIndex(args, `mixed-script corpus, ${docs} × ${words} words`, corpus, work));
    }
    const text = `${header(started, args, loadBefore)}\n\n${table(sizes, indexes)}\n`;
    console.log('\n' + text);
    if (args.record) record(args.record, text);
  } finally {
    fs.rmSync(discardedDir, { recursive: true, force: true });
    if (temporary) fs.rmSync(work, { recursive: true, force: true });
  }
}

// Replaces the text between the bench markers of `file`.
function record(file, text) {
  const begin = '<!-- bench:begin -->', end = '<!-- bench:end -->';
  const old = fs.readFileSync(file, 'utf8');
  const a = old.indexOf(begin), b = old.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${begin} ... ${end} block`);
  fs.writeFileSync(file, old.slice(0, a + begin.length) + '\n' + text + old.slice(b));
  console.log(`recorded in ${file}`);
}

try {
  main();
} catch (e) {
  if (!(e instanceof Refusal)) throw e;
  console.error(`site-bench: ${e.message}`);
  process.exit(2);
}
