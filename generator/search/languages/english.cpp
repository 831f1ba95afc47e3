// lunr's own pipeline: trimmer, stopWordFilter, stemmer (Porter).
#include "search/languages/language_pipelines.h"
#include "search/stemmer.h"
#include "search/stop_word_filter.h"
#include "search/trimmer.h"
#include "search/utf16.h"

namespace agora {

void english_term(std::u16string_view token, std::string& term) {
  term.clear();
  bool ascii = true;
  for (char16_t u : token) ascii = ascii && u < 0x80;
  if (ascii) {
    for (char16_t u : token) term.push_back(static_cast<char>(u));
    stem_ascii_in_place(term);
  } else {
    thread_local std::u16string word;
    word.assign(token);
    stem_units_in_place(word);
    append_utf8(term, word);
  }
}

namespace {

class EnglishPipeline final : public SearchLanguage {
 public:
  std::string_view code() const override { return "en"; }

  void analyze(std::u16string_view lowered, std::span<const TokenSpan> tokens,
               TermSink& sink) const override {
    std::string term;
    for (const TokenSpan& span : tokens) {
      const std::u16string_view trimmed = trim_token(lowered.substr(span.start, span.length));
      if (is_stop_word(trimmed)) continue;
      english_term(trimmed, term);
      sink.add(term, span);
    }
  }

  std::span<const std::string_view> search_pipeline() const override { return kSearchPipeline; }
  std::span<const LanguageScript> scripts() const override { return {}; }

 private:
  static constexpr std::string_view kSearchPipeline[] = {"stemmer"};
};

}  // namespace

const SearchLanguage& english_search_language() {
  static const EnglishPipeline language;
  return language;
}

}  // namespace agora
