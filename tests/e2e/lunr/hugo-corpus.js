#!/usr/bin/env node
// What a Hugo (or Jekyll, Eleventy) site's indexing script feeds lunr, as an
// `agora index` corpus: one document per Markdown page of a content folder,
// ref = the page's URL, title and description from the front matter, the
// body as text. Pages marked draft or headless are left out.
//
//   node hugo-corpus.js CONTENT_DIR OUT.json
'use strict';
const fs = require('fs');
const path = require('path');

const [contentDir, outPath] = process.argv.slice(2);

function pages(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pages(full));
    else if (entry.name.endsWith('.md')) out.push(full);
  }
  return out;
}

// Flat `key: value` front matter lines are all a search index needs.
function frontMatter(text) {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!m) return { data: {}, body: text };
  const data = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_]+):\s*(.*)$/.exec(line);
    if (kv) data[kv[1].toLowerCase()] = kv[2].replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');
  }
  return { data, body: text.slice(m[0].length) };
}

const documents = [];
for (const file of pages(contentDir)) {
  const { data, body } = frontMatter(fs.readFileSync(file, 'utf8'));
  if (data.draft === 'true' || data.headless === 'true') continue;
  let url = '/' + path.relative(contentDir, file).replace(/\\/g, '/').replace(/(_index|index)?\.md$/, '');
  if (!url.endsWith('/')) url += '/';
  const text = body
    .replace(/\{\{[<%][\s\S]*?[>%]\}\}/g, ' ')   // shortcodes
    .replace(/<[^>]+>/g, ' ')                     // raw HTML tags
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')   // links and images keep their text
    .replace(/[#*_`>|]/g, ' ');
  documents.push({ url, title: data.title || '', description: data.description || '', content: text });
}
const corpus = {
  ref: 'url',
  fields: [{ name: 'title', boost: 10 }, { name: 'description', boost: 5 }, { name: 'content', boost: 1 }],
  documents,
};
fs.writeFileSync(outPath, JSON.stringify(corpus));
console.log(`${documents.length} pages from ${contentDir}`);
