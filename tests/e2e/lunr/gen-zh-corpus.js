#!/usr/bin/env node
// A Chinese search corpus from real text: the Simplified Chinese manual
// pages of Debian's manpages-zh (/usr/share/man/zh_CN), one document per
// section (.SH) of each page, roff requests dropped and font escapes
// removed, in file name order; then a few documents of edge cases (lone
// characters, extension B ideographs, CJK punctuation, full-width Latin,
// mixed Latin and Han runs). The text mixes Chinese with English command
// names and options, as real Chinese technical writing does.
//   node gen-zh-corpus.js --docs 1200 --out corpus.json
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const args = { docs: 1200, out: null, dir: '/usr/share/man/zh_CN' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
args.docs = Number(args.docs);

function pages(dir) {
  const files = [];
  for (const section of fs.readdirSync(dir).sort()) {
    const sub = path.join(dir, section);
    if (!fs.statSync(sub).isDirectory()) continue;
    for (const f of fs.readdirSync(sub).sort()) files.push(path.join(sub, f));
  }
  return files;
}

function text(file) {
  const raw = fs.readFileSync(file);
  return (file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8');
}

// Roff text lines of a page, grouped by .SH section: [{heading, lines}].
function sections(source) {
  const out = [];
  let current = null;
  for (const line of source.split('\n')) {
    const sh = line.match(/^\.SH\s+(.*)$/);
    if (sh) {
      current = { heading: sh[1].replace(/"/g, ''), lines: [] };
      out.push(current);
      continue;
    }
    if (!current || /^[.']/.test(line)) continue;
    const clean = line.replace(/\\f[BIRP]|\\f\(..|\\s[-+]?\d/g, '').replace(/\\-/g, '-')
      .replace(/\\\(em/g, '—').replace(/\\e/g, '\\').replace(/\\&/g, '').trim();
    if (clean) current.lines.push(clean);
  }
  return out.filter((s) => s.lines.length > 0);
}

const kEdgeCases = [
  '中', '中文', '《中华人民共和国》', '2015年', 'Ａ中Ｂ', '𠜎𠜱𠀀', '〇一二', '人々', '中-文', '中\u3000文',
  'ⅰ中', '数字化转型', '信息社会世界峰会（WSIS）', 'ITU的数字鸿沟', '你好,世界', '你好，世界！',
  'e-mail地址', '“引号”', '中😀文', '中\uD800文', '繁體中文與简体中文', '丶丿乙', '⺀⺁', '豈更',
  'the 中 of', 'running跑步', 'ΣΑΣ中', '東京タワー', '한국어와 中文',
];

const documents = [];
for (const file of pages(args.dir)) {
  const name = path.basename(file).replace(/\.gz$/, '');
  for (const [i, s] of sections(text(file)).entries()) {
    if (documents.length >= args.docs) break;
    documents.push({ url: `man/${name}/${i}`, title: s.heading, summary: s.lines[0],
      body: s.lines.slice(1).join('\n') });
  }
  if (documents.length >= args.docs) break;
}
kEdgeCases.forEach((edge, i) => {
  documents.push({ url: `edge/${i}`, title: edge, summary: edge + ' ' + edge, body: kEdgeCases.join(' ') });
});

const corpus = {
  ref: 'url',
  language: 'zh',
  fields: [{ name: 'title', boost: 10 }, { name: 'summary', boost: 5 }, { name: 'body', boost: 1 }],
  documents,
};
const json = JSON.stringify(corpus);
if (args.out) fs.writeFileSync(args.out, json); else process.stdout.write(json);
