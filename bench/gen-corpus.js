#!/usr/bin/env node
// Deterministic search corpus generator (the format of
// `agora build --emit-search-corpus`): English words from wamerican with a
// Zipf-like frequency, mixed with accented Latin, Cyrillic, Greek, Arabic,
// CJK, emoji, digits, hyphenated words, apostrophes, URLs, odd whitespace
// and empty fields. Same seed, same bytes.
//
//   node bench/gen-corpus.js --docs 2000 --words 120 --seed 7 --out corpus.json
//
// With --language fr|es|ru|ar and --wordlist (a word list of that language,
// one word a line), the text is that language's: its words, its common
// function words, and its spelling habits (French elisions, Arabic tatweel,
// diacritics and punctuation), with the same mix of other scripts; the
// corpus carries "language" so the index uses that language's pipeline.
'use strict';
const fs = require('fs');

function parseArgs(argv) {
  const args = { docs: 2000, words: 120, seed: 1, out: null, wordlist: '/usr/share/dict/american-english', language: 'en' };
  for (let i = 2; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args)) throw new Error('unknown option ' + argv[i]);
    args[key] = typeof args[key] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  return args;
}

const rng = require('./rng.js');  // mulberry32

const kExotic = [
  'café', 'naïve', 'Ångström', 'São', 'Zürich', 'İstanbul', 'ŁÓDŹ', 'Ærøskøbing', 'façade',
  'résumé', 'Straße', 'ǅemal', 'ﬁnance', 'Ŀ', 'ÉCOLE', 'coöperate', 'piñata', 'Dvořák',
  'Москва', 'ПРИВЕТ', 'Україна', 'ёлка', 'ΟΔΟΣ', 'Σίσυφος', 'ΣΑΣ.Σ', 'Ἀθῆναι', 'ΐ',
  'مرحبا', 'العربية', 'قاعدة-بيانات', 'שלום', 'Հայաստան', 'ႠႡႢ', 'ᏣᎳᎩ', 'ＡＢＣ', 'Ｚｅｎ',
  '東京', '数字化', '情報共有', 'デジタル', '한국어', '𠜎𠜱', '𝐀𝐁𝐂', '𐐀𐐁', '𞤀',
  '😀', '🚀launch', 'data😀set', '👩‍💻', '🇺🇳', 'ok👍', '✓done', '€100', '£5', '¥',
  '2020', '3.14', '007', '1e5', '42', '0', '1,000', '50%', '#hashtag', '@user', 'C++', 'node.js',
  'well-known', 'e-mail', 'state-of-the-art', 'co-operate', '--flag', 'x-', '-y',
  "don't", "O'Brien", "l'été", 'it’s', "'quoted'", '"double"', '(parens)', '[brackets]',
  'https://example.org/path/to-page?q=1&lang=en', 'http://a.b/c_d', 'mailto:help@desk.org',
  'www.itu.int/wsis', 'snake_case', '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  'yellowy', 'yearly', 'Y', 'try', 'lay', 'sky-high', 'ÿes', 'İİİ', 'ΣΣ', 'aΣ', 'Σa',
];
const kFunctionWords = ['the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'The', 'with',
  'as', 'was', 'on', 'by', 'this', 'be', 'are', 'from', 'or', 'have', 'an', 'not', 'which', 'their'];
// Frequent words per language, so stop word filters have work to do.
const kLanguageFunctionWords = {
  en: kFunctionWords,
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'est', 'un', 'une', 'que', 'qui', 'dans', 'pour',
    'pas', 'sur', 'au', 'avec', 'ce', 'il', 'elle', 'à', 'été', 'être', 'nous', 'par', 'plus', 'ou',
    'sont', 'Le', 'La', 'Les', 'été', 'où', 'même', 'leurs', 'aux', 'ces', 'Ça'],
  es: ['el', 'la', 'los', 'las', 'de', 'del', 'y', 'en', 'que', 'un', 'una', 'por', 'con', 'para',
    'es', 'se', 'no', 'su', 'al', 'lo', 'como', 'más', 'El', 'La', 'está', 'también', 'sí', 'él'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'как', 'это', 'к', 'но', 'он', 'она', 'из', 'у', 'за',
    'от', 'для', 'же', 'так', 'И', 'В', 'а', 'её', 'ещё', 'всё'],
  ar: ['في', 'من', 'على', 'إلى', 'عن', 'أن', 'التي', 'الذي', 'و', 'هذا', 'هذه', 'مع', 'كان', 'ما',
    'لا', 'ثم', 'أو', 'غير', 'بين', 'كل', 'بعد', 'قد'],
};

// Spelling habits of a language applied to a word now and then.
const kDecorations = {
  fr: (w, pick) => pick(["l'", 'l’', "d'", 'qu’', "L'", "j'"]) + w,
  es: (w, pick) => pick(['¿', '¡']) + w + pick(['?', '!']),
  ru: (w, pick) => pick(['«', '(', '—']) + w + pick(['»', ')', ',']),
  ar: (w, pick) => {
    const at = Math.max(1, Math.floor(w.length / 2));
    return pick([
      () => w.slice(0, at) + '\u0640' + w.slice(at),   // tatweel
      () => w.slice(0, at) + pick(['\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B']) + w.slice(at),
      () => w + pick(['،', '؟', '؛', '.']),
      () => pick(['آ', 'أ', 'إ', 'ٱ']) + w,
      () => w + pick(['ة', 'ى', 'ؤ', 'ئ']),
      () => 'وو' + w,
    ])();
  },
};

const kSpaces = [' ', ' ', ' ', ' ', ' ', ' ', '\n', '\t', '\u00a0', '\u3000', '\u2003', ' - ', '\u2028', '\ufeff', '  ', '\u200b'];

function main() {
  const args = parseArgs(process.argv);
  const random = rng(args.seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const words = fs.readFileSync(args.wordlist, 'utf8').split('\n').filter(Boolean);
  // Shuffle once (seeded) so the Zipf head is not alphabetical.
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j], words[i]];
  }
  // Log-uniform rank: a long tail, with the head words repeated often.
  const zipf = () => words[Math.min(words.length - 1, Math.floor(Math.pow(words.length, random())) - 1)];
  const functionWords = kLanguageFunctionWords[args.language];
  if (!functionWords) throw new Error('unknown language ' + args.language);
  const decorate = kDecorations[args.language];
  const word = () => {
    const r = random();
    if (r < 0.04) return pick(kExotic);
    if (r < 0.05) return zipf() + '-' + zipf();
    if (r < 0.06) return zipf().toUpperCase();
    if (r < 0.08) return zipf() + pick([',', '.', ';', ':', '!', '?', ')', '"']);
    if (decorate && r < 0.11) return decorate(zipf(), pick);
    if (r < 0.30) return pick(functionWords);
    return zipf();
  };
  const text = (n) => {
    let out = '';
    for (let i = 0; i < n; i++) {
      if (i) out += random() < 0.9 ? ' ' : pick(kSpaces);
      out += word();
    }
    return out;
  };
  const types = ['case-studies', 'best-practices', 'policies', 'meetings', 'initiatives', 'organizations'];
  const documents = [];
  for (let d = 0; d < args.docs; d++) {
    // Mostly paths as refs; a few refs are array indices ("17"), which
    // JavaScript objects order first.
    const ref = d % 97 === 5 ? String(d) : `${pick(types)}/doc-${d}`;
    const doc = { url: ref };
    const r = random();
    doc.title = r < 0.03 ? '' : text(3 + Math.floor(random() * 8));
    if (random() > 0.05) doc.summary = text(10 + Math.floor(random() * 30));  // else absent
    doc.terms = random() < 0.1 ? '' : text(2 + Math.floor(random() * 6));
    const bodyWords = Math.max(0, Math.round(args.words * (0.5 + random())));
    doc.body = random() < 0.02 ? '' : text(bodyWords);
    if (d % 50 === 3) doc.boost = 2;
    documents.push(doc);
  }
  const corpus = {
    ref: 'url',
    ...(args.language !== 'en' ? { language: args.language } : {}),
    fields: [
      { name: 'title', boost: 10 },
      { name: 'summary', boost: 5 },
      { name: 'terms', boost: 3 },
      { name: 'body', boost: 1 },
    ],
    documents,
  };
  const json = JSON.stringify(corpus);
  if (args.out) fs.writeFileSync(args.out, json); else process.stdout.write(json);
}

main();
