/*
 * Chinese for lunr 2.x: character bigrams, the same rule Agora's indexer
 * applies (generator/search/languages/chinese.cpp; docs/SEARCH.md).
 *
 * After lunr's tokenizer (whitespace and hyphens), each token is cut into
 * runs of Han characters and runs of anything else. A Han run of two or
 * more characters becomes its overlapping bigrams (中华人民 -> 中华 华人
 * 人民), a lone Han character stays a unigram, and the other runs go
 * through lunr's English trimmer, stop word filter and stemmer (empty ones
 * are dropped). Positions are those of each piece inside the field.
 *
 * Registers the pipeline functions "bigram-zh", "trimmer-bigram-zh" and
 * "stopWordFilter-bigram-zh", so that lunr.Index.load() accepts an index
 * built for Chinese, and the plugin lunr.zhBigram for building one
 * (this.use(lunr.zhBigram)). The search pipeline is bigram-zh,
 * trimmer-bigram-zh, stemmer: a query term "数字化" looks up 数字 and 字化.
 *
 * Load it after lunr.js with a <script> tag, or in node:
 * require('./lunr-zh.js')(lunr).
 */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    factory()(root.lunr);
  }
}(this, function () {
  'use strict';

  return function (lunr) {
    // Han characters: CJK radicals, the ideographic iteration and number
    // marks, Hangzhou numerals, the unified ideographs (BMP and extension
    // A), compatibility ideographs, and planes 2 and 3 (extension B on).
    function isHan(cp) {
      return (cp >= 0x2E80 && cp <= 0x2FDF) || cp === 0x3005 || cp === 0x3007 ||
        (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303B) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
    }

    function startsWithHan(str) {
      return str.length > 0 && isHan(str.codePointAt(0));
    }

    function piece(token, str, begin, end) {
      var metadata = {};
      for (var key in token.metadata) metadata[key] = token.metadata[key];
      var position = token.metadata && token.metadata.position;
      if (position) metadata.position = [position[0] + begin, end - begin];
      return new lunr.Token(str.slice(begin, end), metadata);
    }

    // Han bigrams and the runs between them, in order.
    function segment(token) {
      var str = token.toString();
      var out = [];
      var i = 0;
      while (i < str.length) {
        var runStart = i;
        var han = isHan(str.codePointAt(i));
        var starts = [];
        while (i < str.length) {
          var cp = str.codePointAt(i);
          if (isHan(cp) !== han) break;
          starts.push(i);
          i += cp > 0xFFFF ? 2 : 1;
        }
        if (!han) {
          if (runStart === 0 && i === str.length) return token;  // nothing to cut
          out.push(piece(token, str, runStart, i));
        } else if (starts.length === 1) {
          out.push(piece(token, str, runStart, i));
        } else {
          for (var k = 0; k + 1 < starts.length; k++) {
            out.push(piece(token, str, starts[k], k + 2 < starts.length ? starts[k + 2] : i));
          }
        }
      }
      return out;
    }

    lunr.zhBigram = function () {
      this.pipeline.reset();
      this.pipeline.add(lunr.zhBigram.segmenter, lunr.zhBigram.trimmer,
        lunr.zhBigram.stopWordFilter, lunr.stemmer);
      this.searchPipeline.reset();
      this.searchPipeline.add(lunr.zhBigram.segmenter, lunr.zhBigram.trimmer, lunr.stemmer);
    };

    lunr.zhBigram.isHan = isHan;

    lunr.zhBigram.segmenter = segment;
    lunr.Pipeline.registerFunction(segment, 'bigram-zh');

    // Han pieces are kept whole; the others are trimmed as in English.
    lunr.zhBigram.trimmer = function (token) {
      return startsWithHan(token.toString()) ? token : lunr.trimmer(token);
    };
    lunr.Pipeline.registerFunction(lunr.zhBigram.trimmer, 'trimmer-bigram-zh');

    // lunr's English list; a piece the trimmer emptied is dropped too.
    lunr.zhBigram.stopWordFilter = function (token) {
      return token.toString() === '' ? undefined : lunr.stopWordFilter(token);
    };
    lunr.Pipeline.registerFunction(lunr.zhBigram.stopWordFilter, 'stopWordFilter-bigram-zh');
  };
}));
