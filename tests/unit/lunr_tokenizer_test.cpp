// lunr.tokenizer, trimmer and stop word filter; expected values are lunr.js
// 2.3.9's output in node.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "search/index_builder.h"
#include "search/js_lower_case.h"
#include "search/stop_word_filter.h"
#include "search/tokenizer.h"
#include "search/trimmer.h"
#include "search/utf16.h"

using namespace agora;
using Strings = std::vector<std::string>;

TEST_CASE("tokenizer: separators are JavaScript's \\s and '-', per code unit") {
  struct Case {
    std::string text;
    Strings tokens;
  };
  const Case cases[] = {
      {"Hello World", {"hello", "world"}},
      {"  leading and trailing  ", {"leading", "and", "trailing"}},
      {"a--b", {"a", "b"}},
      {"well-known e-mail", {"well", "known", "e", "mail"}},
      // tab, LF, NBSP, ideographic space, LINE SEPARATOR and BOM separate;
      // ZERO WIDTH SPACE and MONGOLIAN VOWEL SEPARATOR do not.
      {"tab\there\nnew\u00a0nbsp\u3000ideo\u2028ls\ufeffbom\u200bzw",
       {"tab", "here", "new", "nbsp", "ideo", "ls", "bom\u200bzw"}},
      {"\u180e", {"\u180e"}},
      {"", {}},
      {"--", {}},
      {"\xF0\x9F\x98\x80x\xF0\x9F\x98\x80", {"\xF0\x9F\x98\x80x\xF0\x9F\x98\x80"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(tokenize(c.text) == c.tokens);
  }
}

TEST_CASE("tokenizer: lower-casing as String.prototype.toLowerCase") {
  CHECK(tokenize("İstanbul") == Strings{"i\u0307stanbul"});  // full mapping, 2 units
  CHECK(tokenize("ΟΔΟΣ ΑΣ.Σ") == Strings{"οδος", "ασ.ς"});   // final sigma in context
  CHECK(tokenize("Straße ǅemal ǈ") == Strings{"straße", "ǆemal", "ǉ"});
  CHECK(tokenize("ＡＢＣ Москва ՀԱՅ Ⴀ") == Strings{"ａｂｃ", "москва", "հայ", "ⴀ"});
  CHECK(tokenize("\xF0\x90\x90\x80") == Strings{"\xF0\x90\x90\xA8"});  // Deseret, astral
}

TEST_CASE("tokenizer: positions are UTF-16 units of the lower-cased text") {
  const std::u16string lowered = js_to_lower_case(utf8_to_utf16("İstanbul \xF0\x9F\x98\x80 x"));
  const std::vector<TokenSpan> spans = split_tokens(lowered);
  REQUIRE(spans.size() == 3);
  CHECK(spans[0].start == 0);
  CHECK(spans[0].length == 9);
  CHECK(spans[1].start == 10);
  CHECK(spans[1].length == 2);
  CHECK(spans[2].start == 13);
}

TEST_CASE("trimmer: \\W is everything but ASCII [A-Za-z0-9_]") {
  CHECK(trim_token(u"!!hello!!") == u"hello");
  CHECK(trim_token(u"caf\u00e9") == u"caf");
  CHECK(trim_token(u"\u00e9t\u00e9") == u"t");
  CHECK(trim_token(u"__proto__") == u"__proto__");
  CHECK(trim_token(u"\u043c\u0438\u0440") == u"");
  CHECK(trim_token(u"(a.b)") == u"a.b");
}

TEST_CASE("stop word filter: lunr's English list, exact match only") {
  CHECK(is_stop_word(std::string_view("the")));
  CHECK(is_stop_word(std::string_view("however")));
  CHECK(is_stop_word(std::u16string_view(u"twas")));
  CHECK_FALSE(is_stop_word(std::string_view("The")));
  CHECK_FALSE(is_stop_word(std::string_view("")));
  CHECK_FALSE(is_stop_word(std::string_view("constructor")));
  CHECK_FALSE(is_stop_word(std::string_view("thee")));
}

TEST_CASE("stop word filter: every word of up to four letters, and the longer ones") {
  // Every lower-case word of one to four letters: the two forms agree, and
  // the 91 of lunr's 119 words that short are the only ones found.
  size_t found = 0;
  std::string word;
  std::u16string unit_word;
  auto visit = [&](auto& self, size_t length) -> void {
    if (!word.empty()) {
      const bool stop = is_stop_word(std::string_view(word));
      unit_word.assign(word.begin(), word.end());
      CHECK(is_stop_word(std::u16string_view(unit_word)) == stop);
      found += stop;
    }
    if (length == 4) return;
    for (char c = 'a'; c <= 'z'; ++c) {
      word.push_back(c);
      self(self, length + 1);
      word.pop_back();
    }
  };
  visit(visit, 0);
  CHECK(found == 91);
  for (const char* longer :
       {"about",   "across", "after", "almost",  "among",  "because", "cannot",
        "could",   "either", "every", "however", "least",  "likely",  "might",
        "neither", "often",  "other", "rather",  "should", "since",   "their",
        "there",   "these",  "wants", "where",   "which",  "while",   "would"}) {
    CHECK(is_stop_word(std::string_view(longer)));
    CHECK_FALSE(is_stop_word(std::string_view(std::string(longer) + "s")));
  }
  CHECK_FALSE(is_stop_word(std::string_view("the\0", 4)));
  CHECK_FALSE(is_stop_word(std::u16string_view(u"th\u0065\u0301")));
}

TEST_CASE("pipeline: trimmed-away tokens stay as \"\" (lunr indexes them)") {
  CHECK(analyze_text("The cats, and Москва!") == Strings{"cat", ""});
  CHECK(analyze_text("O'Brien's don't") == Strings{"o'brien'", "don't"});
}
