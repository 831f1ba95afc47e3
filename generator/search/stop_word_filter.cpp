#include "search/stop_word_filter.h"

#include <algorithm>
#include <array>

namespace agora::search {
namespace {

// lunr.stopWordFilter's list (lunr 2.3.9), already in sorted order.
constexpr std::array<std::string_view, 119> kStopWords = {
    "a",      "able",    "about",  "across", "after",   "all",    "almost",  "also",
    "am",     "among",   "an",     "and",    "any",     "are",    "as",      "at",
    "be",     "because", "been",   "but",    "by",      "can",    "cannot",  "could",
    "dear",   "did",     "do",     "does",   "either",  "else",   "ever",    "every",
    "for",    "from",    "get",    "got",    "had",     "has",    "have",    "he",
    "her",    "hers",    "him",    "his",    "how",     "however", "i",      "if",
    "in",     "into",    "is",     "it",     "its",     "just",   "least",   "let",
    "like",   "likely",  "may",    "me",     "might",   "most",   "must",    "my",
    "neither", "no",     "nor",    "not",    "of",      "off",    "often",   "on",
    "only",   "or",      "other",  "our",    "own",     "rather", "said",    "say",
    "says",   "she",     "should", "since",  "so",      "some",   "than",    "that",
    "the",    "their",   "them",   "then",   "there",   "these",  "they",    "this",
    "tis",    "to",      "too",    "twas",   "us",      "wants",  "was",     "we",
    "were",   "what",    "when",   "where",  "which",   "while",  "who",     "whom",
    "why",    "will",    "with",   "would",  "yet",     "you",    "your"};

constexpr size_t kLongestStopWord = 7;

}  // namespace

bool is_stop_word(std::string_view token) {
  if (token.empty() || token.size() > kLongestStopWord) return false;
  return std::binary_search(kStopWords.begin(), kStopWords.end(), token);
}

bool is_stop_word(std::u16string_view token) {
  if (token.empty() || token.size() > kLongestStopWord) return false;
  char ascii[kLongestStopWord];
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] >= 0x80) return false;
    ascii[i] = static_cast<char>(token[i]);
  }
  return is_stop_word(std::string_view(ascii, token.size()));
}

}  // namespace agora::search
