#include "search/stop_word_filter.h"

#include <array>
#include <cstdint>

namespace agora {
namespace {

// lunr.stopWordFilter's list (lunr 2.3.9).
constexpr std::array<std::string_view, 119> kStopWords = {
    "a",       "able",    "about", "across", "after",  "all",    "almost", "also",  "am",
    "among",   "an",      "and",   "any",    "are",    "as",     "at",     "be",    "because",
    "been",    "but",     "by",    "can",    "cannot", "could",  "dear",   "did",   "do",
    "does",    "either",  "else",  "ever",   "every",  "for",    "from",   "get",   "got",
    "had",     "has",     "have",  "he",     "her",    "hers",   "him",    "his",   "how",
    "however", "i",       "if",    "in",     "into",   "is",     "it",     "its",   "just",
    "least",   "let",     "like",  "likely", "may",    "me",     "might",  "most",  "must",
    "my",      "neither", "no",    "nor",    "not",    "of",     "off",    "often", "on",
    "only",    "or",      "other", "our",    "own",    "rather", "said",   "say",   "says",
    "she",     "should",  "since", "so",     "some",   "than",   "that",   "the",   "their",
    "them",    "then",    "there", "these",  "they",   "this",   "tis",    "to",    "too",
    "twas",    "us",      "wants", "was",    "we",     "were",   "what",   "when",  "where",
    "which",   "while",   "who",   "whom",   "why",    "will",   "with",   "would", "yet",
    "you",     "your"};

constexpr size_t kLongestStopWord = 7;

// Words of up to 7 ASCII letters packed into one integer, so the lookup,
// which runs for every token indexed, compares integers, not strings.
constexpr uint64_t pack(std::string_view word) {
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) {
    key = (key << 8) | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0);
  }
  return key;
}

// The packed words in an open-addressing table (0 = empty) of four times
// their number: a token takes one multiply and, mostly, one probe, where a
// binary search took seven unpredictable branches.
constexpr size_t kTableSize = 512;
constexpr size_t table_slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 55; }

constexpr std::array<uint64_t, kTableSize> kStopWordTable = [] {
  std::array<uint64_t, kTableSize> table{};
  for (std::string_view word : kStopWords) {
    size_t slot = table_slot(pack(word));
    while (table[slot] != 0) slot = (slot + 1) % kTableSize;
    table[slot] = pack(word);
  }
  return table;
}();

bool is_packed_stop_word(uint64_t key) {
  for (size_t slot = table_slot(key);; slot = (slot + 1) % kTableSize) {
    if (kStopWordTable[slot] == key) return true;
    if (kStopWordTable[slot] == 0) return false;
  }
}

}  // namespace

bool is_stop_word(std::string_view token) {
  if (token.empty() || token.size() > kLongestStopWord) return false;
  if (token.find('\0') != std::string_view::npos) return false;  // 0 is the padding
  return is_packed_stop_word(pack(token));
}

bool is_stop_word(std::u16string_view token) {
  if (token.empty() || token.size() > kLongestStopWord) return false;
  uint64_t key = 0;
  for (size_t i = 0; i < 8; ++i) {
    const char16_t u = i < token.size() ? token[i] : 0;
    if (u >= 0x80 || (u == 0 && i < token.size())) return false;
    key = (key << 8) | u;
  }
  return is_packed_stop_word(key);
}

}  // namespace agora
