// Chinese: lunr-languages' lunr.zh segments words with a Node-only
// library, which the browser cannot run. Ours is a rule both sides apply
// the same way (themes/default/assets/js/lunr-zh.js is its JavaScript):
// after lunr's tokenizer, each token is cut into runs of Han characters and
// runs of anything else; a Han run of two or more characters yields its
// overlapping character bigrams (中华人民 -> 中华 华人 人民), a lone Han
// character itself, and every other run goes through lunr's English
// trimmer, stop word filter and stemmer, empty results dropped. Positions
// are those of each bigram or run inside the field. docs/SEARCH.md has why.
#include "search/languages/language_pipelines.h"
#include "search/stop_word_filter.h"
#include "search/trimmer.h"
#include "search/utf16.h"

namespace agora {

namespace {

// Han characters: CJK radicals, the ideographic iteration and number marks,
// Hangzhou numerals, the unified ideographs (BMP and extension A),
// compatibility ideographs, and planes 2 and 3 (extensions B and later).
bool is_han(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x2FDF) || cp == 0x3005 || cp == 0x3007 ||
         (cp >= 0x3021 && cp <= 0x3029) || (cp >= 0x3038 && cp <= 0x303B) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// The code point at `i` as JavaScript's codePointAt sees it (a lone
// surrogate is itself) and its length in units.
char32_t code_point_at(std::u16string_view s, size_t i, size_t* length) {
  const char16_t u = s[i];
  if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
    *length = 2;
    return 0x10000 + ((char32_t(u) - 0xD800) << 10) + (s[i + 1] - 0xDC00);
  }
  *length = 1;
  return u;
}

class ChinesePipeline final : public SearchLanguage {
 public:
  std::string_view code() const override { return "zh"; }

  void analyze(std::u16string_view lowered, std::span<const TokenSpan> tokens,
               TermSink& sink) const override {
    std::string term;
    std::vector<uint32_t> starts;  // of the code points of a Han run
    for (const TokenSpan& span : tokens) {
      const std::u16string_view token = lowered.substr(span.start, span.length);
      size_t i = 0;
      while (i < token.size()) {
        const size_t run_start = i;
        size_t length = 0;
        const bool han = is_han(code_point_at(token, i, &length));
        starts.clear();
        while (i < token.size() && is_han(code_point_at(token, i, &length)) == han) {
          starts.push_back(static_cast<uint32_t>(i));
          i += length;
        }
        const auto end = static_cast<uint32_t>(i);
        if (!han) {
          add_other(token.substr(run_start, end - run_start),
                    {span.start + static_cast<uint32_t>(run_start),
                     end - static_cast<uint32_t>(run_start)},
                    term, sink);
        } else if (starts.size() == 1) {
          add_han(token, span.start, starts[0], end, term, sink);
        } else {
          for (size_t k = 0; k + 1 < starts.size(); ++k) {
            add_han(token, span.start, starts[k], k + 2 < starts.size() ? starts[k + 2] : end, term,
                    sink);
          }
        }
      }
    }
  }

  std::span<const std::string_view> search_pipeline() const override { return kSearchPipeline; }
  std::span<const LanguageScript> scripts() const override { return kScripts; }

 private:
  static void add_han(std::u16string_view token, uint32_t offset, uint32_t begin, uint32_t end,
                      std::string& term, TermSink& sink) {
    term.clear();
    append_utf8(term, token.substr(begin, end - begin));
    sink.add(term, {offset + begin, end - begin});
  }

  static void add_other(std::u16string_view run, TokenSpan span, std::string& term,
                        TermSink& sink) {
    const std::u16string_view trimmed = trim_token(run);
    if (trimmed.empty() || is_stop_word(trimmed)) return;
    english_term(trimmed, term);
    sink.add(term, span);
  }

  static constexpr std::string_view kSearchPipeline[] = {"bigram-zh", "trimmer-bigram-zh",
                                                         "stemmer"};
  static constexpr LanguageScript kScripts[] = {{LanguageScript::Source::kTheme, "js/lunr-zh.js"}};
};

}  // namespace

const SearchLanguage& chinese_search_language() {
  static const ChinesePipeline language;
  return language;
}

}  // namespace agora
