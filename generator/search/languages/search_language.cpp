#include "search/languages/search_language.h"

#include <array>

#include "search/js_lower_case.h"
#include "search/languages/language_pipelines.h"
#include "search/utf16.h"

namespace agora {

namespace {

constexpr std::array<std::string_view, 6> kCodes = {"ar", "en", "es", "fr", "ru", "zh"};

class TermList final : public TermSink {
 public:
  void add(std::string_view term, TokenSpan) override { terms.emplace_back(term); }
  std::vector<std::string> terms;
};

}  // namespace

const SearchLanguage* find_search_language(std::string_view code) {
  if (code == "en") return &english_search_language();
  if (code == "fr") return &french_search_language();
  if (code == "es") return &spanish_search_language();
  if (code == "ru") return &russian_search_language();
  if (code == "ar") return &arabic_search_language();
  if (code == "zh") return &chinese_search_language();
  return nullptr;
}

std::span<const std::string_view> search_language_codes() { return kCodes; }

std::vector<std::string> analyze_text(const SearchLanguage& language, std::string_view text) {
  const std::u16string lowered = js_to_lower_case_utf8(text);
  TermList list;
  language.analyze(lowered, split_tokens(lowered), list);
  return std::move(list.terms);
}

}  // namespace agora
