#pragma once
// The builder pipeline that lunr-languages 1.x sets up for fr, es, ru and
// ar: its trimmer, its stop word filter, an optional fold (French folds
// accents before stemming) and its stemmer, one token at a time.
#include <span>
#include <string>
#include <string_view>

#include "search/languages/search_language.h"
#include "search/languages/stop_words.h"
#include "search/languages/word_characters.h"

namespace agora {

struct LunrLanguageSpec {
  std::string_view code;
  const WordCharacters& (*word_characters)();
  const StopWords& (*stop_words)();
  void (*fold)(std::u16string& term);  // may be null
  void (*stem)(std::u16string& word);
  std::span<const std::string_view> search_pipeline;
  std::span<const LanguageScript> scripts;
};

class LunrLanguagesPipeline final : public SearchLanguage {
 public:
  explicit constexpr LunrLanguagesPipeline(const LunrLanguageSpec& spec) : spec_(spec) {}

  std::string_view code() const override { return spec_.code; }
  void analyze(std::u16string_view lowered, std::span<const TokenSpan> tokens,
               TermSink& sink) const override;
  std::span<const std::string_view> search_pipeline() const override {
    return spec_.search_pipeline;
  }
  std::span<const LanguageScript> scripts() const override { return spec_.scripts; }

 private:
  LunrLanguageSpec spec_;
};

}  // namespace agora
