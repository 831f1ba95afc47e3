// lunr.stemmer conformance: lunr.js's own fixture, plus the cases where a
// textbook Porter stemmer and lunr's disagree.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "search/languages/language_pipelines.h"
#include "search/stemmer.h"

using agora::stem;

TEST_CASE("lunr stemmer: every pair of stemming_vocab.json") {
  std::ifstream in(AGORA_SHARED_DIR "/conformance/lunr/stemming_vocab.json");
  REQUIRE(in);
  const nlohmann::json vocab = nlohmann::json::parse(in);
  REQUIRE(vocab.size() == 80);
  size_t checked = 0;
  for (const auto& [word, expected] : vocab.items()) {
    CAPTURE(word);
    CHECK(stem(word) == expected.get<std::string>());
    ++checked;
  }
  MESSAGE("stemming_vocab.json pairs checked: " << checked);
}

TEST_CASE("lunr stemmer: lunr's own rules and code-unit semantics") {
  struct Case {
    const char* word;
    const char* stem;
  };
  // Expected values are lunr.stemmer's output in node.
  const Case cases[] = {
      {"try", "tri"},
      {"lay", "lay"},
      {"yellowy", "yellowi"},
      {"yearly", "yearli"},
      {"y", "y"},
      {"ab", "ab"},
      {"sses", "sse"},
      {"ies", "ie"},
      {"eed", "e"},
      {"agreed", "agre"},
      {"relational", "relat"},
      {"ational", "ation"},
      {"generalization", "gener"},
      {"hopping", "hop"},
      {"filing", "file"},
      {"caresses", "caress"},
      {"ponies", "poni"},
      {"cats", "cat"},
      {"café", "café"},
      {"naïveness", "naïv"},
      {"i\xcc\x87stanbul", "i\xcc\x87stanbul"},
      {"", ""},
      {"__proto__", "__proto__"},
      {"data\xf0\x9f\x98\x80set", "data\xf0\x9f\x98\x80set"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.word);
    CHECK(stem(c.word) == c.stem);
  }
}

TEST_CASE("lunr stemmer: the English pipeline's per-thread stem cache gives the stemmer's stems") {
  // More words than the cache has slots, each seen twice, so hits, misses
  // and words that share a slot are all met.
  const char* endings[] = {"", "s", "ing", "ed", "ational", "ness", "ies", "ly", "izer", "ful"};
  std::vector<std::string> words;
  for (int i = 0; i < 3000; ++i) {
    std::string root = "w";
    for (int n = i; n > 0; n /= 26) root += static_cast<char>('a' + n % 26);
    for (const char* ending : endings) words.push_back(root + ending);
  }
  words.push_back("pneumonoultramicroscopicsilicovolcanoconiosis");  // longer than a slot
  words.push_back("generalizations");
  std::string term;
  for (int pass = 0; pass < 2; ++pass) {
    for (const std::string& word : words) {
      agora::english_term(std::u16string(word.begin(), word.end()), term);
      CAPTURE(word);
      CHECK(term == stem(word));
    }
  }
}
