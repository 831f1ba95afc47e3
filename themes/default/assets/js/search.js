/*
 * Agora site search: a dependency-free script for the default theme.
 *
 * Page contract (templates provide it):
 *   <html data-root="../../">            path from this page to the site root
 *                                       (or data-root on the search form)
 *   <form data-search-form action="ROOT/search/" role="search">
 *     <input type="search" name="q">     on every page; focusing it preloads
 *   </form>
 *   <div id="search-results"              only on the search page
 *        data-word-prompt="..." ...>     the words it shows (below)
 *   <select id="search-type"></select>   optional; created if missing
 *   data-search="fr/search/"             on <html>: this language's search
 *                                       folder, from the root (default search/)
 *   data-search-scripts="fr/search/lunr.stemmer.support.min.js ..."
 *                                       on the form or <html>: the scripts of
 *                                       the language's pipeline, loaded in
 *                                       order after lunr.js
 *
 * Words (the theme's i18n, through the template), as data-word-NAME on
 * #search-results: prompt, loading, none ({query}), results-CATEGORY
 * ({count}, {query}; CATEGORY is a CLDR plural category of the page's
 * language: zero, one, two, few, many, other), more, type, all-types,
 * unavailable ({error}). This script holds no words of its own.
 *
 * Files (relative to the root; SEARCH is data-search): search/lunr.min.js
 * (lunr.js 2.3.9), SEARCH/index.json (lunr index), SEARCH/documents.json
 * (ref -> {title, url, type, date, summary}, url relative to the root), and
 * for file:// browsing SEARCH/index.js, which sets
 * window.AGORA_SEARCH = {index, documents}. A large site has instead
 * SEARCH/shards.json (or shards.js from file://) and its term-range shards,
 * read through js/lunr-shards.js, which fetches only what a query needs.
 *
 * Languages: queries and highlights go through the index's own search
 * pipeline (lunr-languages' stemmers, our Chinese bigrams), never through
 * English rules, and words are cut by Unicode letters, not ASCII \w.
 *
 * Nothing is downloaded until the reader focuses a search box or opens the
 * search page. The query and type filter live in ?q=...&type=..., so results
 * can be linked. Keyboard: ArrowDown from the box goes to the results,
 * ArrowUp/ArrowDown move between them, Escape returns to the box.
 */
(function () {
  'use strict';

  var doc = document;
  var form = doc.querySelector('[data-search-form]');
  var input = form ? form.querySelector('input[name="q"]') : doc.querySelector('input[type="search"]');
  var resultsBox = doc.getElementById('search-results');
  var offline = window.location.protocol === 'file:';
  var kPageSize = 10;        // results shown at once; "more" shows the next ones
  var kSnippetChars = 220;
  // Sharded index: a trailing wildcard whose prefix spans more shards than
  // this is left out (a one-letter prefix would fetch a good part of the
  // index); the exact word is always searched.
  var kMaxPrefixShards = 2;

  function siteRoot() {
    var el = (form && form.getAttribute('data-root') !== null) ? form : doc.documentElement;
    var root = el.getAttribute('data-root') || '';
    if (root && root.charAt(root.length - 1) !== '/') root += '/';
    return root;
  }
  var root = siteRoot();
  // A multilingual site has one index per language, in that language's tree.
  var searchDir = doc.documentElement.getAttribute('data-search') || 'search/';
  var language = (doc.documentElement.getAttribute('lang') || 'en').toLowerCase();

  function attribute(name) {
    var el = (form && form.getAttribute(name) !== null) ? form : doc.documentElement;
    return el.getAttribute(name) || '';
  }
  var languageScripts = attribute('data-search-scripts').split(/\s+/).filter(Boolean);

  // ---- words -------------------------------------------------------------

  // The page's word NAME with each {key} replaced by args[key].
  function word(name, args) {
    var text = (resultsBox && resultsBox.getAttribute('data-word-' + name)) || '';
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return args && Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : all;
    });
  }

  var pluralRules = null;
  try { pluralRules = new Intl.PluralRules(language); } catch (e) { /* old browser: "other" */ }

  // The message for `count` results, by the language's plural rules.
  function resultsWord(count, query) {
    var category = pluralRules ? pluralRules.select(count) : 'other';
    var name = resultsBox.hasAttribute('data-word-results-' + category) ? 'results-' + category : 'results-other';
    return word(name, { count: count, query: query });
  }

  // ---- loading -----------------------------------------------------------

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = doc.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      doc.head.appendChild(s);
    });
  }

  function fetchJson(path) {
    return fetch(root + path, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) throw new Error(path + ': HTTP ' + r.status);
      return r.json();
    });
  }

  // An engine answers queries and hands out the documents of results:
  //   search(text) -> Promise<[{ref, score}]>, typeOf(ref), types(),
  //   documents(refs) -> Promise<{ref: {title, url, type, date, summary}}>.
  function singleEngine(index, documents) {
    var types = {};
    Object.keys(documents).forEach(function (ref) { types[documents[ref].type] = true; });
    return {
      pipeline: index.pipeline,
      search: function (text) {
        return Promise.resolve(queryWith(function (fn) { return index.query(fn); }, text, this, null));
      },
      typeOf: function (ref) { return documents[ref] ? documents[ref].type : null; },
      types: function () { return Object.keys(types).sort(); },
      documents: function () { return Promise.resolve(documents); },
    };
  }

  function shardedEngine(client) {
    var prefixes = client.map.types || [];
    return {
      pipeline: client.pipeline,
      search: function (text) {
        return Promise.resolve(queryWith(function (fn) { return client.query(fn); }, text, this, client));
      },
      typeOf: function (ref) {
        for (var i = 0; i < prefixes.length; i++) {
          if (ref.lastIndexOf(prefixes[i][0], 0) === 0) return prefixes[i][1];
        }
        return null;
      },
      types: function () { return prefixes.map(function (p) { return p[1]; }).sort(); },
      documents: function (refs) { return client.documents(refs); },
    };
  }

  // Sharded when SEARCH/shards.json (shards.js from file://) exists.
  function openShards(lunrReady) {
    var map;
    if (offline) {
      map = loadScript(root + searchDir + 'shards.js').then(function () {
        return window.AGORA_SEARCH_FILES['shards.json'];
      }, function () { return null; });
    } else {
      map = fetch(root + searchDir + 'shards.json', { credentials: 'same-origin' }).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error(searchDir + 'shards.json: HTTP ' + r.status);
        return r.json();
      });
    }
    return map.then(function (m) {
      if (!m) return null;
      var client = window.AgoraShards ? Promise.resolve() : loadScript(root + 'js/lunr-shards.js');
      return Promise.all([lunrReady, client]).then(function () {
        return window.AgoraShards.open({ lunr: window.lunr, base: root + searchDir, map: m });
      }).then(shardedEngine);
    });
  }

  function openSingle(lunrReady) {
    var data;
    if (offline) {
      // fetch() is blocked on file://; a script tag is not.
      data = window.AGORA_SEARCH ? Promise.resolve(window.AGORA_SEARCH)
        : loadScript(root + searchDir + 'index.js').then(function () { return window.AGORA_SEARCH; });
    } else {
      data = Promise.all([fetchJson(searchDir + 'index.json'), fetchJson(searchDir + 'documents.json')])
        .then(function (parts) { return { index: parts[0], documents: parts[1] }; });
    }
    return Promise.all([lunrReady, data]).then(function (parts) {
      var d = parts[1];
      if (!d || !d.index || !d.documents) throw new Error('search data missing');
      return singleEngine(window.lunr.Index.load(d.index), d.documents);
    });
  }

  // lunr.js, then the scripts of the language's pipeline, one after the
  // other (each registers its functions on window.lunr), so that
  // lunr.Index.load finds every function the index names.
  function loadLunr() {
    var ready = window.lunr ? Promise.resolve() : loadScript(root + 'search/lunr.min.js');
    languageScripts.forEach(function (src) {
      ready = ready.then(function () { return loadScript(root + src); });
    });
    return ready;
  }

  var loading = null;
  // Resolves to an engine; loads at most once.
  function loadSearch() {
    if (loading) return loading;
    var lunrReady = loadLunr();
    loading = openShards(lunrReady).then(function (engine) {
      return engine || openSingle(lunrReady);
    });
    loading.catch(function () { loading = null; });  // allow a retry
    return loading;
  }

  // ---- querying ----------------------------------------------------------

  // Letters (with their marks), digits and the underscore, in any script.
  var kWordChars = '\\p{L}\\p{M}\\p{N}_';
  var kEdges = new RegExp('^[^' + kWordChars + ']+|[^' + kWordChars + ']+$', 'gu');

  // Plain words only: lunr's query syntax (field:, ~, ^, +, -) would throw
  // on ordinary input such as "covid-19:" or "e-mail". Edges are trimmed by
  // Unicode letters: JavaScript's \W would empty every Arabic, Cyrillic or
  // Chinese word.
  function queryTerms(text) {
    return window.lunr.tokenizer(text).map(function (t) { return t.toString().replace(kEdges, ''); })
      .filter(function (s) { return s.length > 0; });
  }

  // What the index's search pipeline makes of a word: its stem, or for
  // Chinese its bigrams. Words it reduces to nothing, or to the empty term
  // (lunr-languages' Russian trimmer does that to a Latin word), match no
  // document on purpose.
  function searchKeys(pipeline, term) {
    return pipeline.runString(term).filter(function (k) { return k.length > 0; });
  }

  // A prefix (wildcard) term skips the pipeline; the language may still
  // need it normalized (lunr-languages folds French accents).
  function prefixTerm(term) {
    var own = window.lunr[language.split('-')[0]];
    return own && typeof own.wildcardNormalizer === 'function' ? own.wildcardNormalizer(term) : term;
  }

  function isHan(ch) {
    var zh = window.lunr.zhBigram;
    return zh ? zh.isHan(ch.codePointAt(0)) : /\p{Script=Han}/u.test(ch);
  }

  // Runs the page's query through `run` (index.query or client.query).
  // With a shard client, a word's prefix clause is kept only when its
  // prefix spans at most kMaxPrefixShards shards.
  function queryWith(run, text, engine, client) {
    var terms = queryTerms(text);
    if (!terms.length) return [];
    return run(function (q) {
      terms.forEach(function (term) {
        if (searchKeys(engine.pipeline, term).length) q.term(term, { boost: 10 });  // exact (stemmed)
        var prefix = prefixTerm(term);
        // Chinese is indexed as bigrams: a longer run of Han characters is
        // no term's prefix, while a single one starts every bigram it begins.
        if (Array.from(prefix).length > 1 && Array.from(prefix).every(isHan)) return;
        if (client && client.prefixShards(prefix).length > kMaxPrefixShards) return;
        q.term(prefix, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING, boost: 1 });
      });
    });
  }

  // ---- rendering ---------------------------------------------------------

  function el(tag, attrs, text) {
    var node = doc.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function typeLabel(type) {
    var s = String(type || '').replace(/[-_]+/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  // Code points of `text` with their UTF-16 offsets.
  function codePoints(text, offset) {
    var out = [];
    for (var i = 0; i < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(i));
      out.push({ ch: ch, at: offset + i });
      i += ch.length;
    }
    return out;
  }

  // Which parts of a text the query matched, as [start, end) ranges: a
  // word whose search keys (stem, folded form) meet the query's, or that
  // starts with a query word; in Han text, every bigram of the query (and a
  // query's lone character), as the index matched them.
  function highlighter(engine, terms) {
    var keys = Object.create(null), han = Object.create(null), prefixes = [];
    terms.forEach(function (term) {
      searchKeys(engine.pipeline, term).forEach(function (k) { keys[k] = true; });
      var lower = term.toLowerCase();
      prefixes.push(lower);
      hanRuns(codePoints(lower, 0)).forEach(function (run) {
        if (run.length === 1) han[run[0].ch] = true;
        for (var i = 0; i + 1 < run.length; i++) han[run[i].ch + run[i + 1].ch] = true;
      });
    });
    var words = new RegExp('[' + kWordChars + ']+', 'gu');

    function markWord(word, at, ranges) {
      var lower = word.toLowerCase();
      var hit = prefixes.some(function (p) { return lower.lastIndexOf(p, 0) === 0; }) ||
        searchKeys(engine.pipeline, lower).some(function (k) { return keys[k]; });
      if (hit) ranges.push([at, at + word.length]);
    }

    function markHan(run, ranges) {
      for (var i = 0; i < run.length; i++) {
        var end = run[i].at + run[i].ch.length;
        if (i + 1 < run.length && han[run[i].ch + run[i + 1].ch]) {
          ranges.push([run[i].at, end + run[i + 1].ch.length]);
        } else if (han[run[i].ch]) {
          ranges.push([run[i].at, end]);
        }
      }
    }

    return function (text) {
      var ranges = [], m;
      words.lastIndex = 0;
      while ((m = words.exec(text)) !== null) {
        var points = codePoints(m[0], m.index), other = null;
        points.forEach(function (p, i) {
          if (!isHan(p.ch) && !other) other = p;
          if (other && (isHan(p.ch) || i + 1 === points.length)) {
            var end = isHan(p.ch) ? p.at : p.at + p.ch.length;
            markWord(text.slice(other.at, end), other.at, ranges);
            other = null;
          }
        });
        hanRuns(points).forEach(function (run) { markHan(run, ranges); });
      }
      return merged(ranges);
    };
  }

  // The runs of Han characters among code points.
  function hanRuns(points) {
    var runs = [], run = [];
    points.forEach(function (p) {
      if (isHan(p.ch)) { run.push(p); return; }
      if (run.length) runs.push(run);
      run = [];
    });
    if (run.length) runs.push(run);
    return runs;
  }

  function merged(ranges) {
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var out = [];
    ranges.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else out.push([r[0], r[1]]);
    });
    return out;
  }

  // Appends `text` to `parent`, the parts `marks` finds wrapped in <mark>.
  function appendMarked(parent, text, marks) {
    var last = 0;
    marks(text).forEach(function (r) {
      parent.appendChild(doc.createTextNode(text.slice(last, r[0])));
      parent.appendChild(el('mark', null, text.slice(r[0], r[1])));
      last = r[1];
    });
    parent.appendChild(doc.createTextNode(text.slice(last)));
  }

  // A window of the summary around the first match.
  function snippetOf(summary, marks) {
    summary = String(summary || '');
    if (summary.length <= kSnippetChars) return summary;
    var first = marks(summary)[0];
    var start = Math.max(0, (first ? first[0] : 0) - 60);
    var cut = summary.slice(start, start + kSnippetChars);
    return (start > 0 ? '… ' : '') + cut + (start + kSnippetChars < summary.length ? ' …' : '');
  }

  function resultItem(d, marks) {
    var li = el('li', { 'class': 'search-result' });
    var heading = el('h3', { 'class': 'search-result-title' });
    var link = el('a', { href: root + d.url });
    appendMarked(link, d.title || d.url, marks);
    heading.appendChild(link);
    li.appendChild(heading);
    var meta = el('p', { 'class': 'search-result-meta' });
    meta.appendChild(el('span', { 'class': 'search-result-type' }, typeLabel(d.type)));
    if (d.date) {
      meta.appendChild(doc.createTextNode(' · '));
      meta.appendChild(el('time', { datetime: d.date }, d.date));
    }
    li.appendChild(meta);
    if (d.summary) {
      var p = el('p', { 'class': 'search-result-snippet' });
      appendMarked(p, snippetOf(d.summary, marks), marks);
      li.appendChild(p);
    }
    return li;
  }

  var rendering = 0;  // the latest render; older ones stop when their data arrives

  function renderResults(engine, text, type) {
    var run = ++rendering;
    var marks = highlighter(engine, queryTerms(text));
    var query = text.trim();
    return (query ? engine.search(text) : Promise.resolve([])).then(function (hits) {
      if (run !== rendering) return;
      var typeSelect = ensureTypeFilter(engine);
      var counts = {};
      hits.forEach(function (h) {
        var t = engine.typeOf(h.ref);
        if (t) counts[t] = (counts[t] || 0) + 1;
      });
      Array.prototype.forEach.call(typeSelect.options, function (o) {
        if (o.value) o.textContent = typeLabel(o.value) + (query ? ' (' + (counts[o.value] || 0) + ')' : '');
      });
      var shown = hits.filter(function (h) {
        var t = engine.typeOf(h.ref);
        return t !== null && (!type || t === type);
      });

      var status = resultsBox.querySelector('[data-search-status]');
      resultsBox.querySelector('ol').textContent = '';
      removeMoreButton();
      if (!query) {
        status.textContent = word('prompt');
        return;
      }
      status.textContent = shown.length === 0 ? word('none', { query: query }) : resultsWord(shown.length, query);
      return showPage(engine, shown, 0, marks, run);
    });
  }

  // Appends results [from, from + kPageSize) once their documents are in,
  // then a button for the next ones.
  function showPage(engine, shown, from, marks, run) {
    var page = shown.slice(from, from + kPageSize);
    return engine.documents(page.map(function (h) { return h.ref; })).then(function (docs) {
      if (run !== rendering) return;
      var list = resultsBox.querySelector('ol');
      var firstNew = null;
      page.forEach(function (h) {
        if (!docs[h.ref]) return;
        var item = resultItem(docs[h.ref], marks);
        firstNew = firstNew || item;
        list.appendChild(item);
      });
      if (from + kPageSize >= shown.length) return firstNew;
      var more = el('button', { type: 'button', 'class': 'search-more', 'data-search-more': '' }, word('more'));
      more.addEventListener('click', function () {
        removeMoreButton();
        showPage(engine, shown, from + kPageSize, marks, run).then(function (item) {
          var link = item && item.querySelector('a');
          if (link) link.focus();
        }).catch(showError);
      });
      resultsBox.appendChild(more);
      return firstNew;
    });
  }

  function removeMoreButton() {
    var more = resultsBox.querySelector('[data-search-more]');
    if (more) more.parentNode.removeChild(more);
  }

  function ensureTypeFilter(engine) {
    var select = doc.getElementById('search-type');
    if (!select) {
      var label = el('label', { 'for': 'search-type', 'class': 'search-type-label' }, word('type') + ' ');
      select = el('select', { id: 'search-type', name: 'type' });
      label.appendChild(select);
      resultsBox.insertBefore(label, resultsBox.firstChild);
    }
    if (!select.options.length) {
      select.appendChild(el('option', { value: '' }, word('all-types')));
      engine.types().forEach(function (t) { if (t) select.appendChild(el('option', { value: t }, typeLabel(t))); });
      select.value = currentParams().type || '';
      select.addEventListener('change', update);
    }
    return select;
  }

  function currentParams() {
    var params = new URLSearchParams(window.location.search);
    return { q: params.get('q') || '', type: params.get('type') || '' };
  }

  // ---- wiring ------------------------------------------------------------

  var timer = null;
  function update() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      loadSearch().then(function (engine) {
        var text = input ? input.value : '';
        var select = ensureTypeFilter(engine);
        var params = new URLSearchParams(window.location.search);
        text ? params.set('q', text) : params.delete('q');
        select.value ? params.set('type', select.value) : params.delete('type');
        var qs = params.toString();
        try {
          window.history.replaceState(null, '', window.location.pathname + (qs ? '?' + qs : ''));
        } catch (e) { /* some browsers refuse history changes on file:// */ }
        return renderResults(engine, text, select.value);
      }).catch(showError);
    }, 120);
  }

  function showError(err) {
    if (!resultsBox) return;
    var status = resultsBox.querySelector('[data-search-status]');
    if (status) status.textContent = word('unavailable', { error: err.message });
  }

  function results() { return resultsBox ? Array.prototype.slice.call(resultsBox.querySelectorAll('ol a')) : []; }

  function onKey(event) {
    var links = results();
    var at = links.indexOf(doc.activeElement);
    if (event.key === 'ArrowDown') {
      if (doc.activeElement === input && links.length) { links[0].focus(); event.preventDefault(); }
      else if (at >= 0 && at + 1 < links.length) { links[at + 1].focus(); event.preventDefault(); }
    } else if (event.key === 'ArrowUp' && at >= 0) {
      (at === 0 ? input : links[at - 1]).focus();
      event.preventDefault();
    } else if (event.key === 'Escape' && at >= 0 && input) {
      input.focus();
    }
  }

  if (input) {
    input.addEventListener('focus', function () { loadSearch().catch(function () {}); }, { once: true });
  }

  if (resultsBox) {
    // The search page: results replace the no-JavaScript message.
    resultsBox.textContent = '';
    resultsBox.appendChild(el('p', { 'data-search-status': '', role: 'status', 'aria-live': 'polite' }, word('loading')));
    resultsBox.appendChild(el('ol', { 'class': 'search-results' }));
    var initial = currentParams();
    if (input) {
      input.value = initial.q;
      input.addEventListener('input', update);
      if (form) form.addEventListener('submit', function (e) { e.preventDefault(); update(); });
    }
    doc.addEventListener('keydown', onKey);
    update();
  }
})();
