/*
 * lunr-shards.js: lunr.js 2.3.9 queries over term-range shards, returning
 * exactly what lunr.Index#query returns on the whole index (docs/SEARCH.md).
 * A plain script for browsers (window.AgoraShards) and a module for node.
 *
 *   AgoraShards.open({ lunr: lunr, base: 'search/' })  -> Promise<ShardedIndex>
 *   index.search('+coastal mangrove* -shrimp title:zoning^2 restor~1')
 *                                        -> Promise<[{ref, score, matchData}]>
 *   index.query(function (q) { q.term('coast', { boost: 10 }) })    (same)
 *   index.documents(['case-studies/x/', ...])  -> Promise<{ref: document}>
 *   index.prefixShards('coa')   the shards a trailing wildcard would fetch
 *
 * Files (from agora build or `agora index --shards DIR`): shards.json (the
 * map), shard-NNN.json, lengths.json, terms.json, refs.json, docs-NNN.json. From file://,
 * each NAME.json is read from the script NAME.js instead, which stores it in
 * window.AGORA_SEARCH_FILES. Options: `load(name)` replaces the loader (it
 * returns a Promise of the parsed JSON); `map` gives shards.json already
 * loaded.
 *
 * How it stays exact: each shard holds the inverted-index entries of a
 * contiguous range of terms, with their global numbers (_index), and each
 * posting's term frequency. The client scores those postings as lunr's
 * builder does (BM25 over lengths.json's field lengths, the same operations
 * in the same order), which gives the field-vector elements of those terms,
 * bit for bit. No score is stored: scores move with the average field
 * length at every edit, postings do not. The client runs each clause through lunr's
 * pipeline, finds every shard holding a term the clause can match (a prefix
 * range for a trailing wildcard; for fuzzy and leading-wildcard terms it
 * matches the clause against terms.json with lunr's own TokenSet), merges
 * those shards into one lunr.Index and runs lunr's own Index#query on it.
 * The merged vectors hold every element the query's terms can meet, so each
 * dot product, magnitude and sum is lunr's, in lunr's order, and so is the
 * order of results, ties included. A query of only prohibited terms returns
 * every other document, so it also loads refs.json.
 */
(function (global) {
  'use strict';

  var kFormat = 'agora-lunr-shards/2';

  // FNV-1a over UTF-16 code units; the C++ side (shard_files.cpp) agrees.
  function refHash(ref) {
    var h = 0x811c9dc5;
    for (var i = 0; i < ref.length; i++) {
      h ^= ref.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('could not load ' + src)); };
      document.head.appendChild(s);
    });
  }

  // fetch() over http(s); script tags from file://, where fetch is blocked.
  function defaultLoader(base) {
    var offline = typeof location !== 'undefined' && location.protocol === 'file:';
    return function (name) {
      if (!offline) {
        return fetch(base + name, { credentials: 'same-origin' }).then(function (r) {
          if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
          return r.json();
        });
      }
      return loadScript(base + name.replace(/\.json$/, '.js')).then(function () {
        var files = global.AGORA_SEARCH_FILES || {};
        var data = files[name];
        delete files[name];  // the client keeps its own copy
        if (data === undefined) throw new Error(name + ': script did not define it');
        return data;
      });
    };
  }

  function ShardedIndex(lunr, map, load) {
    if (map.format !== kFormat) throw new Error('shards.json: unknown format ' + map.format);
    this.lunr = lunr;
    this.map = map;
    this.fields = map.fields;
    this.pipeline = lunr.Pipeline.load(map.pipeline);
    this.loaded = [];  // names of the files fetched, in order
    this._load = load;
    this._files = Object.create(null);  // name -> Promise of its JSON
    this._vocabulary = null;            // Promise of a TokenSet of every term
    this._merged = { key: null, index: null };
  }

  ShardedIndex.prototype._file = function (name) {
    var self = this;
    if (!this._files[name]) {
      this.loaded.push(name);
      this._files[name] = Promise.resolve(this._load(name)).catch(function (err) {
        delete self._files[name];  // a later query may retry
        throw err;
      });
    }
    return this._files[name];
  };

  // The shard whose range holds `term`, or -1 (then no shard has it).
  ShardedIndex.prototype.termShard = function (term) {
    var shards = this.map.shards, lo = 0, hi = shards.length - 1, at = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (shards[mid][0] <= term) { at = mid; lo = mid + 1; } else { hi = mid - 1; }
    }
    return at >= 0 && term <= shards[at][1] ? at : -1;
  };

  // The shards that may hold terms starting with `prefix`. Terms sort as
  // JavaScript strings (UTF-16 code units), as lunr sorts them, so the
  // terms with a prefix are one contiguous run.
  ShardedIndex.prototype.prefixShards = function (prefix) {
    var out = [], shards = this.map.shards;
    for (var i = 0; i < shards.length; i++) {
      var first = shards[i][0], last = shards[i][1];
      if (last >= prefix && (first <= prefix || first.lastIndexOf(prefix, 0) === 0)) out.push(i);
    }
    return out;
  };

  ShardedIndex.prototype._vocabularySet = function () {
    var self = this;
    if (!this._vocabulary) {
      this._vocabulary = this._file(this.map.vocabulary[0]).then(function (terms) {
        return self.lunr.TokenSet.fromArray(terms);
      });
      this._vocabulary.catch(function () { self._vocabulary = null; });
    }
    return this._vocabulary;
  };

  // What a query needs: the shards of every term its clauses can match,
  // and whether it is negated (then lunr scores every document).
  ShardedIndex.prototype._plan = function (fn) {
    var self = this, lunr = this.lunr;
    var query = new lunr.Query(this.fields);
    fn.call(query, query);
    var shards = Object.create(null), patterns = [];
    query.clauses.forEach(function (clause) {
      var terms = clause.usePipeline
        ? self.pipeline.runString(clause.term, { fields: clause.fields })
        : [clause.term];
      terms.forEach(function (term) {
        var star = term.indexOf('*');
        if ('editDistance' in clause && clause.editDistance > 0) {
          patterns.push({ term: term, editDistance: clause.editDistance });
        } else if (star < 0) {
          var at = self.termShard(term);
          if (at >= 0) shards[at] = true;
        } else if (star === 0) {
          patterns.push('editDistance' in clause
            ? { term: term, editDistance: clause.editDistance } : { term: term });
        } else {
          // Every match starts with the text before the first '*'.
          self.prefixShards(term.slice(0, star)).forEach(function (i) { shards[i] = true; });
        }
      });
    });
    return { shards: shards, patterns: patterns, negated: query.isNegated() };
  };

  // Adds the shards of the terms that match fuzzy and leading-wildcard
  // patterns, found with lunr's TokenSet over every term.
  ShardedIndex.prototype._placePatterns = function (plan) {
    var self = this;
    if (!plan.patterns.length) return Promise.resolve(plan);
    return this._vocabularySet().then(function (vocabulary) {
      plan.patterns.forEach(function (pattern) {
        var matches = vocabulary.intersect(self.lunr.TokenSet.fromClause(pattern)).toArray();
        matches.forEach(function (term) { plan.shards[self.termShard(term)] = true; });
      });
      return plan;
    });
  };

  // One lunr.Index of the given shards (ids ascending, so their terms are
  // in order for the TokenSet builder).
  ShardedIndex.prototype._index = function (ids, shardData, lengths, refs) {
    var key = ids.join(',') + (refs ? '+refs' : '');
    if (this._merged.key === key) return this._merged.index;
    var lunr = this.lunr, fields = this.fields, map = this.map;
    var invertedIndex = Object.create(null), builder = new lunr.TokenSet.Builder();
    var parts = Object.create(null);
    shardData.forEach(function (data) {
      expand(map, lengths, data).forEach(function (entry) {
        builder.insert(entry.term);
        invertedIndex[entry.term] = entry.posting;
        entry.elements.forEach(function (e) {
          (parts[e[0]] || (parts[e[0]] = [])).push(e[1], e[2]);
        });
      });
    });
    builder.finish();
    var fieldVectors = {};
    if (refs) {
      // Only prohibited clauses: lunr scores every field of every document,
      // in its own order, against empty query vectors (score 0).
      refs.forEach(function (ref) {
        fields.forEach(function (field) { fieldVectors[field + '/' + ref] = new lunr.Vector([]); });
      });
    } else {
      Object.keys(parts).forEach(function (ref) {
        fieldVectors[ref] = new lunr.Vector(sortElements(parts[ref]));
      });
    }
    var index = new lunr.Index({
      invertedIndex: invertedIndex, fieldVectors: fieldVectors, tokenSet: builder.root,
      fields: fields, pipeline: this.pipeline,
    });
    this._merged = { key: key, index: index };
    return index;
  };

  // The terms of one shard as lunr's index holds them: for each, in term
  // order, {term, posting: the inverted-index entry, elements: [[fieldRef,
  // _index, score], ...] its field-vector elements}. The score is lunr
  // 2.3.9's Builder#createFieldVectors, operation for operation: BM25 with
  // k1 1.2 and b 0.75, the average field length as the total over the
  // number of documents, lunr.idf, the field's and document's boosts, and
  // rounding to thousandths.
  function expand(map, lengths, shard) {
    var fields = map.fields, nf = fields.length, n = map.documents, docs = shard.docs;
    var boosts = map.boosts, docBoosts = lengths.boosts, k1 = 1.2, b = 0.75;
    var fieldLengths = decodeLengths(lengths);
    var averages = fields.map(function (field, f) { return lengths.sums[f] / n; });
    return shard.terms.map(function (entry) {
      var posting = { _index: entry[1] }, found = [], withTerm = 0;
      for (var f = 0; f < nf; f++) {
        var list = entry[2 + f], fieldPosting = {};
        for (var i = 0; i < list.length;) {
          var doc = list[i], tf = list[i + 1], metadata = {};
          i += 2;
          if (map.positions) {
            var position = [];
            for (var p = 0; p < tf; p++, i += 2) position.push([list[i], list[i + 1]]);
            metadata.position = position;
          }
          fieldPosting[docs[2 * doc + 1]] = metadata;
          found.push(f, doc, tf);
          withTerm++;
        }
        posting[fields[f]] = fieldPosting;
      }
      // lunr.idf: the documents with the term, counted over every field.
      var x = (n - withTerm + 0.5) / (withTerm + 0.5);
      var idf = Math.log(1 + Math.abs(x));
      var elements = [];
      for (var k = 0; k < found.length; k += 3) {
        var field = found[k], number = docs[2 * found[k + 1]], freq = found[k + 2];
        var fieldLength = fieldLengths[field][number];
        var score = idf * ((k1 + 1) * freq) /
          (k1 * (1 - b + b * (fieldLength / averages[field])) + freq);
        score *= boosts[field];
        score *= docBoosts ? docBoosts[number] : 1;
        elements.push([fields[field] + '/' + docs[2 * found[k + 1] + 1], entry[1],
          Math.round(score * 1000) / 1000]);
      }
      return { term: entry[0], posting: posting, elements: elements };
    });
  }

  // lengths.json's strings of fixed-width base-36 numbers, as one array of
  // numbers per field (indexed by document number); decoded once.
  var decoded = typeof WeakMap === 'function' ? new WeakMap() : null;
  function decodeLengths(lengths) {
    var known = decoded && decoded.get(lengths);
    if (known) return known;
    var out = lengths.lengths.map(function (text, f) {
      var width = lengths.widths[f], list = new Array(text.length / width);
      for (var i = 0; i < list.length; i++) list[i] = parseInt(text.substr(i * width, width), 36);
      return list;
    });
    if (decoded) decoded.set(lengths, out);
    return out;
  }

  // Elements [index, value, ...] of one field vector, sorted by index as
  // lunr.Vector keeps them (a shard lists them by term, not by index).
  function sortElements(flat) {
    if (flat.length === 2) return flat;
    var pairs = [];
    for (var i = 0; i < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
    pairs.sort(function (a, b) { return a[0] - b[0]; });
    var out = [];
    pairs.forEach(function (p) { out.push(p[0], p[1]); });
    return out;
  }

  // As lunr.Index#query(fn), asynchronously.
  ShardedIndex.prototype.query = function (fn) {
    var self = this, ids;
    return new Promise(function (resolve) { resolve(self._plan(fn)); })
      .then(function (plan) { return self._placePatterns(plan); })
      .then(function (plan) {
        ids = Object.keys(plan.shards).map(Number).sort(function (a, b) { return a - b; });
        var files = ids.map(function (id) { return self._file(self.map.shards[id][2]); });
        files.push(ids.length ? self._file(self.map.lengths[0]) : null);
        if (plan.negated) files.push(self._file(self.map.refs[0]));
        return Promise.all(files).then(function (data) {
          var refs = plan.negated ? data.pop() : null;
          var lengths = data.pop();
          return self._index(ids, data, lengths, refs).query(fn);
        });
      });
  };

  // As lunr.Index#search(queryString): lunr's query syntax.
  ShardedIndex.prototype.search = function (queryString) {
    var lunr = this.lunr;
    return this.query(function (query) { new lunr.QueryParser(queryString, query).parse(); });
  };

  // The stored documents of `refs` (what a result shows), from the chunks
  // that hold them.
  ShardedIndex.prototype.documents = function (refs) {
    var self = this, store = this.map.store;
    if (!store) return Promise.resolve({});
    var chunks = Object.create(null);
    refs.forEach(function (ref) { chunks[refHash(ref) % store.chunks] = true; });
    var names = Object.keys(chunks).map(function (c) {
      return store.files.replace(/#+/, function (hashes) {
        var digits = String(c);
        while (digits.length < hashes.length) digits = '0' + digits;
        return digits;
      });
    });
    return Promise.all(names.map(function (name) { return self._file(name); })).then(function (parts) {
      var out = {};
      refs.forEach(function (ref) {
        for (var i = 0; i < parts.length; i++) {
          if (Object.prototype.hasOwnProperty.call(parts[i], ref)) { out[ref] = parts[i][ref]; break; }
        }
      });
      return out;
    });
  };

  var AgoraShards = {
    refHash: refHash,
    expand: expand,
    ShardedIndex: ShardedIndex,
    open: function (options) {
      var lunr = options.lunr || global.lunr;
      var load = options.load || defaultLoader(options.base || '');
      var map = options.map ? Promise.resolve(options.map) : Promise.resolve(load('shards.json'));
      return map.then(function (m) { return new ShardedIndex(lunr, m, load); });
    },
  };

  if (typeof module === 'object' && module.exports) module.exports = AgoraShards;
  else global.AgoraShards = AgoraShards;
})(typeof window !== 'undefined' ? window : this);
