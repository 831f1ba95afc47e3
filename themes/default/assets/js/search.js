/*
 * Agora site search: a dependency-free script for the default theme.
 *
 * Page contract (templates provide it):
 *   <html data-root="../../">            path from this page to the site root
 *                                       (or data-root on the search form)
 *   <form data-search-form action="ROOT/search/" role="search">
 *     <input type="search" name="q">     on every page; focusing it preloads
 *   </form>
 *   <div id="search-results"></div>      only on the search page
 *   <select id="search-type"></select>   optional; created if missing
 *
 * Files (relative to the root): search/lunr.min.js (lunr.js 2.3.9),
 * search/index.json (lunr index), search/documents.json
 * (ref -> {title, url, type, date, summary}, url relative to the root), and
 * for file:// browsing search/index.js, which sets
 * window.AGORA_SEARCH = {index, documents}. A large site has instead
 * search/shards.json (or shards.js from file://) and its term-range shards,
 * read through js/lunr-shards.js, which fetches only what a query needs.
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
      search: function (text) {
        return Promise.resolve(queryWith(function (fn) { return index.query(fn); }, text, null));
      },
      typeOf: function (ref) { return documents[ref] ? documents[ref].type : null; },
      types: function () { return Object.keys(types).sort(); },
      documents: function () { return Promise.resolve(documents); },
    };
  }

  function shardedEngine(client) {
    var prefixes = client.map.types || [];
    return {
      search: function (text) {
        return Promise.resolve(queryWith(function (fn) { return client.query(fn); }, text, client));
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

  // Sharded when search/shards.json (shards.js from file://) exists.
  function openShards(lunrReady) {
    var map;
    if (offline) {
      map = loadScript(root + 'search/shards.js').then(function () {
        return window.AGORA_SEARCH_FILES['shards.json'];
      }, function () { return null; });
    } else {
      map = fetch(root + 'search/shards.json', { credentials: 'same-origin' }).then(function (r) {
        if (r.status === 404) return null;
        if (!r.ok) throw new Error('search/shards.json: HTTP ' + r.status);
        return r.json();
      });
    }
    return map.then(function (m) {
      if (!m) return null;
      var client = window.AgoraShards ? Promise.resolve() : loadScript(root + 'js/lunr-shards.js');
      return Promise.all([lunrReady, client]).then(function () {
        return window.AgoraShards.open({ lunr: window.lunr, base: root + 'search/', map: m });
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

  var loading = null;
  // Resolves to an engine; loads at most once.
  function loadSearch() {
    if (loading) return loading;
    var lunrReady = window.lunr ? Promise.resolve() : loadScript(root + 'search/lunr.min.js');
    loading = openShards(lunrReady).then(function (engine) {
      return engine || openSingle(lunrReady);
    });
    loading.catch(function () { loading = null; });  // allow a retry
    return loading;
  }

  // ---- querying ----------------------------------------------------------

  // Plain words only: lunr's query syntax (field:, ~, ^, +, -) would throw
  // on ordinary input such as "covid-19:" or "e-mail".
  function queryTerms(text) {
    return window.lunr.tokenizer(text).map(function (t) { return t.toString(); })
      .map(function (s) { return s.replace(/^\W+/, '').replace(/\W+$/, ''); })
      .filter(function (s) { return s.length > 0; });
  }

  // Runs the page's query through `run` (index.query or client.query).
  // With a shard client, a word's prefix clause is kept only when its
  // prefix spans at most kMaxPrefixShards shards.
  function queryWith(run, text, client) {
    var terms = queryTerms(text);
    if (!terms.length) return [];
    return run(function (q) {
      terms.forEach(function (term) {
        q.term(term, { boost: 10 });  // exact (stemmed)
        if (client && client.prefixShards(term).length > kMaxPrefixShards) return;
        q.term(term, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING, boost: 1 });
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

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

  // Appends `text` to `parent`, wrapping words that start with a query term
  // (or with its stem) in <mark>.
  function appendMarked(parent, text, terms) {
    if (!terms.length) { parent.appendChild(doc.createTextNode(text)); return; }
    var stems = terms.map(function (t) {
      return window.lunr.stemmer(new window.lunr.Token(t)).toString();
    });
    var alternatives = terms.concat(stems).filter(Boolean).map(escapeRegExp)
      .sort(function (a, b) { return b.length - a.length; });
    var re = new RegExp('(^|[^\\w])((?:' + alternatives.join('|') + ')\\w*)', 'gi');
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      var start = m.index + m[1].length;
      parent.appendChild(doc.createTextNode(text.slice(last, start)));
      parent.appendChild(el('mark', null, m[2]));
      last = start + m[2].length;
      if (m[0].length === 0) re.lastIndex++;
    }
    parent.appendChild(doc.createTextNode(text.slice(last)));
  }

  // A window of the summary around the first query term.
  function snippetOf(summary, terms) {
    summary = String(summary || '');
    if (summary.length <= kSnippetChars) return summary;
    var lower = summary.toLowerCase(), at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = lower.indexOf(terms[i]);
    var start = Math.max(0, at - 60);
    var cut = summary.slice(start, start + kSnippetChars);
    return (start > 0 ? '… ' : '') + cut + (start + kSnippetChars < summary.length ? ' …' : '');
  }

  function resultItem(d, terms) {
    var li = el('li', { 'class': 'search-result' });
    var heading = el('h3', { 'class': 'search-result-title' });
    var link = el('a', { href: root + d.url });
    appendMarked(link, d.title || d.url, terms);
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
      appendMarked(p, snippetOf(d.summary, terms), terms);
      li.appendChild(p);
    }
    return li;
  }

  var rendering = 0;  // the latest render; older ones stop when their data arrives

  function renderResults(engine, text, type) {
    var run = ++rendering;
    var terms = queryTerms(text);
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
        status.textContent = 'Type a word to search the knowledge repository.';
        return;
      }
      status.textContent = shown.length === 0 ? 'No results for “' + query + '”.'
        : shown.length + (shown.length === 1 ? ' result' : ' results') + ' for “' + query + '”.';
      return showPage(engine, shown, 0, terms, run);
    });
  }

  // Appends results [from, from + kPageSize) once their documents are in,
  // then a button for the next ones.
  function showPage(engine, shown, from, terms, run) {
    var page = shown.slice(from, from + kPageSize);
    return engine.documents(page.map(function (h) { return h.ref; })).then(function (docs) {
      if (run !== rendering) return;
      var list = resultsBox.querySelector('ol');
      var firstNew = null;
      page.forEach(function (h) {
        if (!docs[h.ref]) return;
        var item = resultItem(docs[h.ref], terms);
        firstNew = firstNew || item;
        list.appendChild(item);
      });
      if (from + kPageSize >= shown.length) return firstNew;
      var more = el('button', { type: 'button', 'class': 'search-more', 'data-search-more': '' }, 'More results');
      more.addEventListener('click', function () {
        removeMoreButton();
        showPage(engine, shown, from + kPageSize, terms, run).then(function (item) {
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
      var label = el('label', { 'for': 'search-type', 'class': 'search-type-label' }, 'Type ');
      select = el('select', { id: 'search-type', name: 'type' });
      label.appendChild(select);
      resultsBox.insertBefore(label, resultsBox.firstChild);
    }
    if (!select.options.length) {
      select.appendChild(el('option', { value: '' }, 'All types'));
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
    if (status) status.textContent = 'Search is unavailable (' + err.message + '). Browse by type from the menu instead.';
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
    resultsBox.appendChild(el('p', { 'data-search-status': '', role: 'status', 'aria-live': 'polite' }, 'Loading search…'));
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
