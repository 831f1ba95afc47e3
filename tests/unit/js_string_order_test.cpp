// JavaScript's default string sort (UTF-16 code units) over UTF-8 strings.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search/js_string_order.h"

using agora::js_string_less;

TEST_CASE("js_string_less: sorts as Array.prototype.sort in node") {
  std::vector<std::string> terms = {"b",  "a", "é", "z", "\uffff", "😀", "\ue000",
                                    "ab", "a", "",  "A", "ｚ",     "𝐀"};
  std::sort(terms.begin(), terms.end(), js_string_less);
  // node: ["","A","a","a","ab","b","z","é","𝐀","😀","","ｚ","￿"]
  const std::vector<std::string> expected = {"",  "A", "a", "a",      "ab", "b",     "z",
                                             "é", "𝐀", "😀", "\ue000", "ｚ", "\uffff"};
  CHECK(terms == expected);
}

TEST_CASE("js_string_less: astral characters sort below U+E000..U+FFFF, unlike UTF-8") {
  CHECK(js_string_less("😀", "ｚ"));
  CHECK_FALSE(std::string("😀") < std::string("ｚ"));  // byte order disagrees
  CHECK(js_string_less("x😀", "xｚ"));
  CHECK(js_string_less("é", "😀"));
  CHECK(js_string_less("𝐀", "😀"));
  CHECK_FALSE(js_string_less("abc", "abc"));
  CHECK(js_string_less("ab", "abc"));
  CHECK_FALSE(js_string_less("abc", "ab"));
}
