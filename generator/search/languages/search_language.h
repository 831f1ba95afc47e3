#pragma once
// The Lunr pipelines of one language: what lunr.js 2.3.9 with
// lunr-languages 1.x does to text once `this.use(lunr.LANG)` has set up the
// builder (trimmer, stop word filter, stemmer of that language), and what
// the search page needs to run the matching search pipeline in the browser.
//
//   en  lunr's own pipeline (trimmer, stopWordFilter, stemmer)
//   fr  lunr.fr: trimmer-fr, stopWordFilter-fr, accentFold-fr, stemmer-fr
//   es  lunr.es: trimmer-es, stopWordFilter-es, stemmer-es
//   ru  lunr.ru: trimmer-ru, stopWordFilter-ru, stemmer-ru
//   ar  lunr.ar: trimmer-ar, stopWordFilter-ar, stemmer-ar
//   zh  ours (themes/default/assets/js/lunr-zh.js): Han runs become
//       character bigrams, other runs are indexed as English; see
//       docs/SEARCH.md
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "search/tokenizer.h"

namespace agora {

// Receives a field's terms in order, each with the token span (UTF-16 units
// of the lower-cased field) that lunr would record as its position.
class TermSink {
 public:
  virtual void add(std::string_view term, TokenSpan span) = 0;

 protected:
  ~TermSink() = default;
};

// A script the search page loads after lunr.js for this language.
struct LanguageScript {
  enum class Source {
    kLunrLanguages,  // a file of the npm package lunr-languages (node_modules/lunr-languages/)
    kTheme,          // one of our theme's assets (themes/default/assets/)
  };
  Source source;
  std::string_view path;  // relative to the package or to assets/
};

class SearchLanguage {
 public:
  virtual ~SearchLanguage() = default;

  // The language code: "en", "fr", "es", "ru", "ar" or "zh".
  virtual std::string_view code() const = 0;

  // lunr's builder pipeline over the tokens of one lower-cased field (the
  // spans lunr.tokenizer cut): calls sink.add for every term that reaches
  // the index, in order. Pure and thread-safe.
  virtual void analyze(std::u16string_view lowered, std::span<const TokenSpan> tokens,
                       TermSink& sink) const = 0;

  // The labels of the search pipeline, as index.json lists them; the search
  // page must have registered each (lunr.Index.load throws otherwise).
  virtual std::span<const std::string_view> search_pipeline() const = 0;

  // The scripts that register them, in load order (empty for English).
  virtual std::span<const LanguageScript> scripts() const = 0;
};

// lunr's default (English) pipeline.
const SearchLanguage& english_search_language();

// The language with that code, or nullptr.
const SearchLanguage* find_search_language(std::string_view code);

// Every code find_search_language knows, sorted.
std::span<const std::string_view> search_language_codes();

// What the pipeline of `language` makes of `text`: the terms, in order.
std::vector<std::string> analyze_text(const SearchLanguage& language, std::string_view text);

}  // namespace agora
