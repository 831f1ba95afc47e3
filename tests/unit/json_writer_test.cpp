// The JSON output helpers of the search stage: string escaping as
// JSON.stringify does it, and BlockAppender, which must write exactly what
// appending each piece to the string would.
#include <doctest/doctest.h>

#include <string>

#include "search/json_writer.h"

using agora::append_json_string;
using agora::BlockAppender;

TEST_CASE("append_json_string: JSON.stringify's escapes") {
  std::string out;
  append_json_string(out, "a\"b\\c\n\t\x01\x7f/é");
  CHECK(out == "\"a\\\"b\\\\c\\n\\t\\u0001\x7f/é\"");
}

TEST_CASE("BlockAppender: the same bytes as appending each piece, across blocks") {
  std::string direct = "before:";
  std::string blocked = direct;
  {
    BlockAppender block(blocked);
    for (int i = 0; i < 5000; ++i) {
      // Pieces of every kind: a character, text, a number written in place,
      // and now and then text longer than a block, which bypasses it.
      const std::string text(static_cast<size_t>(i % 37), static_cast<char>('a' + i % 26));
      const std::string number = std::to_string(i * 7919);
      direct += ',';
      direct += text;
      direct += number;
      block.put(',');
      block.put(text);
      char* at = block.at(number.size());
      block.done(std::copy(number.begin(), number.end(), at));
      if (i % 1000 == 999) {
        const std::string large(BlockAppender::kBlock + 1, 'L');
        direct += large;
        block.put(large);
      }
    }
  }
  CHECK(blocked.size() == direct.size());
  CHECK(blocked == direct);
}

TEST_CASE("BlockAppender: a flush hands over what was written so far") {
  std::string out;
  BlockAppender block(out);
  block.put("abc");
  CHECK(out.empty());
  block.flush();
  CHECK(out == "abc");
  block.put('d');
  block.flush();
  CHECK(out == "abcd");
}
