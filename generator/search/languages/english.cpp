// lunr's own pipeline: trimmer, stopWordFilter, stemmer (Porter).
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

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
// A hash table with strings cost as much as the stemming it saved. 16,384
// slots (750 KB a thread) stem a third as often as 4,096 did on the bench
// corpus (bench/gen-bench-site.js; 12,576 terms at 10,000 documents). They
// are on the heap, made on a thread's first stem: as a thread_local array
// they were part of every thread's static TLS, which the C library zeroes
// for each thread the process starts, indexing or not.
constexpr size_t kStemSlots = 16384;
constexpr size_t kStemMaxWord = 22;
struct StemSlot {
  unsigned char word_size = 0;  // 0: empty
  unsigned char stem_size = 0;
  char word[kStemMaxWord];
  char stem[kStemMaxWord];
};

// A word's slot is chosen by FNV-1a over its units' low bytes, taken by
// english_term and by prefetch_stem_slot alike.
constexpr uint32_t kStemHashSeed = 2166136261u;
uint32_t stem_hash_step(uint32_t hash, char16_t unit) {
  return (hash ^ static_cast<unsigned char>(unit)) * 16777619u;
}

StemSlot& stem_slot(uint32_t hash) {
  thread_local std::unique_ptr<std::array<StemSlot, kStemSlots>> slots;
  if (!slots) slots = std::make_unique<std::array<StemSlot, kStemSlots>>();
  return (*slots)[(hash ^ (hash >> 15)) & (kStemSlots - 1)];
}

// A word of ASCII letters that fits a slot: looked up, and stemmed into
// the slot on a miss. The narrowing, the hash and the check for non-ASCII
// are one pass over the token, and a hit assigns the term once.
void stem_ascii_cached(const char* word, size_t size, uint32_t hash, std::string& term) {
  StemSlot& slot = stem_slot(hash);
  if (slot.word_size == size && std::memcmp(slot.word, word, size) == 0) {
    term.assign(slot.stem, slot.stem_size);
    return;
  }
  term.assign(word, size);
  stem_ascii_in_place(term);
  if (term.size() > kStemMaxWord) return;  // Porter never lengthens; kept safe all the same
  slot.word_size = static_cast<unsigned char>(size);
  std::memcpy(slot.word, word, size);
  slot.stem_size = static_cast<unsigned char>(term.size());
  std::memcpy(slot.stem, term.data(), term.size());
}

// How far ahead of the token it stems EnglishPipeline::analyze asks for
// a token's slot: a slot is usually not in the core's caches (750 KB of
// slots, read in the text's order), and waiting for it was a tenth of
// indexing a corpus of many distinct words.
constexpr size_t kStemLookahead = 8;

// Fetches the slot english_term will read for `token` (untrimmed: most
// tokens have nothing to trim, and a wrong guess costs one fetch).
void prefetch_stem_slot(std::u16string_view token) {
  if (token.empty() || token.size() > kStemMaxWord) return;
  uint32_t hash = kStemHashSeed;
  for (char16_t u : token) hash = stem_hash_step(hash, u);
  __builtin_prefetch(&stem_slot(hash));
}

}  // namespace

void english_term(std::u16string_view token, std::string& term) {
  const size_t size = token.size();
  if (size != 0 && size <= kStemMaxWord) {
    char word[kStemMaxWord];
    uint32_t hash = kStemHashSeed;
    char16_t all = 0;  // every unit or-ed: below 0x80 when all are ASCII
    for (size_t i = 0; i < size; ++i) {
      all |= token[i];
      word[i] = static_cast<char>(token[i]);
      hash = stem_hash_step(hash, token[i]);
    }
    if (all < 0x80) {
      stem_ascii_cached(word, size, hash, term);
      return;
    }
  } else if (std::all_of(token.begin(), token.end(), [](char16_t u) { return u < 0x80; })) {
    // Empty, or too long for a slot.
    term.clear();
    for (char16_t u : token) term.push_back(static_cast<char>(u));
    stem_ascii_in_place(term);
    return;
  }
  // A unit is not ASCII.
  thread_local std::u16string word;
  word.assign(token);
  stem_units_in_place(word);
  term.clear();
  append_utf8(term, word);
}

namespace {

class EnglishPipeline final : public SearchLanguage {
 public:
  std::string_view code() const override { return "en"; }

  void analyze(std::u16string_view lowered, std::span<const TokenSpan> tokens,
               TermSink& sink) const override {
    std::string term;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if (i + kStemLookahead < tokens.size()) {
        const TokenSpan ahead = tokens[i + kStemLookahead];
        prefetch_stem_slot(lowered.substr(ahead.start, ahead.length));
      }
      const TokenSpan span = tokens[i];
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
