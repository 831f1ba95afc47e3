#include "search/languages/lunr_languages_pipeline.h"

#include "search/utf16.h"

namespace agora {

void LunrLanguagesPipeline::analyze(std::u16string_view lowered, std::span<const TokenSpan> tokens,
                                    TermSink& sink) const {
  const WordCharacters& word_characters = spec_.word_characters();
  const StopWords& stop_words = spec_.stop_words();
  std::u16string term;
  std::string utf8;
  for (const TokenSpan& span : tokens) {
    const std::u16string_view trimmed =
        word_characters.trim(lowered.substr(span.start, span.length));
    if (stop_words.contains(trimmed)) continue;
    term.assign(trimmed);
    if (spec_.fold != nullptr) spec_.fold(term);
    spec_.stem(term);
    utf8.clear();
    append_utf8(utf8, term);
    sink.add(utf8, span);
  }
}

}  // namespace agora
