// lunr's own pipeline: trimmer, stopWordFilter, stemmer (Porter).
#include <array>
#include <cstdint>
#include <cstring>

#include "search/languages/language_pipelines.h"
#include "search/stemmer.h"
#include "search/stop_word_filter.h"
#include "search/trimmer.h"
#include "search/utf16.h"

namespace agora {

namespace {

// Stemming is a fifth of indexing, and text repeats its words: each thread
// keeps the last stem of up to kStemSlots words, one slot per word hash
// (direct-mapped: no allocation, a miss costs one hash and one stemming).
// A hash table with strings cost as much as the stemming it saved.
constexpr size_t kStemSlots = 4096;
constexpr size_t kStemMaxWord = 22;
struct StemSlot {
  unsigned char word_size = 0;  // 0: empty
  unsigned char stem_size = 0;
  char word[kStemMaxWord];
  char stem[kStemMaxWord];
};

size_t slot_of(std::string_view word) {
  uint32_t h = 2166136261u;  // FNV-1a
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return (h ^ (h >> 15)) & (kStemSlots - 1);
}

void stem_ascii_cached(std::string& word) {
  if (word.empty() || word.size() > kStemMaxWord) {
    stem_ascii_in_place(word);
    return;
  }
  thread_local std::array<StemSlot, kStemSlots> slots;
  StemSlot& slot = slots[slot_of(word)];
  if (slot.word_size == word.size() && std::memcmp(slot.word, word.data(), word.size()) == 0) {
    word.assign(slot.stem, slot.stem_size);
    return;
  }
  StemSlot fresh;
  fresh.word_size = static_cast<unsigned char>(word.size());
  std::memcpy(fresh.word, word.data(), word.size());
  stem_ascii_in_place(word);
  if (word.size() > kStemMaxWord) return;  // Porter never lengthens; kept safe all the same
  fresh.stem_size = static_cast<unsigned char>(word.size());
  std::memcpy(fresh.stem, word.data(), word.size());
  slot = fresh;
}

}  // namespace

void english_term(std::u16string_view token, std::string& term) {
  term.clear();
  bool ascii = true;
  for (char16_t u : token) ascii = ascii && u < 0x80;
  if (ascii) {
    for (char16_t u : token) term.push_back(static_cast<char>(u));
    stem_ascii_cached(term);
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
