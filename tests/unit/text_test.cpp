#include <doctest/doctest.h>

#include <string>

#include "util/text.h"

using agora::escape_html;
using agora::is_valid_utf8;
using agora::slugify;

TEST_CASE("escape_html escapes the five HTML-special characters") {
  CHECK(escape_html("") == "");
  CHECK(escape_html("plain") == "plain");
  CHECK(escape_html("<a href=\"x\">Tom & 'Jerry'</a>") ==
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
  CHECK(escape_html("caf\xC3\xA9 &amp;") == "caf\xC3\xA9 &amp;amp;");
}

TEST_CASE("escape_html finds a special byte at any place in a word of eight") {
  // Every byte that escapes, and a few that do not, at every offset of
  // texts long enough to take the word-at-a-time path, against a plain
  // byte-by-byte escape.
  const auto one_by_one = [](std::string_view text) {
    std::string out;
    for (char c : text) {
      switch (c) {
        case '&':
          out += "&amp;";
          break;
        case '<':
          out += "&lt;";
          break;
        case '>':
          out += "&gt;";
          break;
        case '"':
          out += "&quot;";
          break;
        case '\'':
          out += "&#39;";
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            out += "\xEF\xBF\xBD";
          } else {
            out += c;
          }
      }
    }
    return out;
  };
  const std::string specials = std::string("&<>\"'\t\n\r\x01\x1f \x7f\x80\xff") + '\0';
  for (size_t length : {7, 8, 9, 16, 17, 23}) {
    for (size_t at = 0; at < length; ++at) {
      for (char c : specials) {
        std::string text(length, 'a');
        text[at] = c;
        CAPTURE(length);
        CAPTURE(at);
        CAPTURE(static_cast<int>(static_cast<unsigned char>(c)));
        CHECK(escape_html(text) == one_by_one(text));
        text[length - 1 - at] = '<';
        CHECK(escape_html(text) == one_by_one(text));
      }
    }
  }
}

TEST_CASE("slugify lower-cases and joins words with single dashes") {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"Hello World", "hello-world"},
      {"  Hello,   World!  ", "hello-world"},
      {"C++ & Rust: 2024 edition", "c-rust-2024-edition"},
      {"already-a-slug", "already-a-slug"},
      {"under_score", "under-score"},
      {"---", ""},
      {"", ""},
      {"Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65", "cafe-creme-brulee"},
      {"Stra\xC3\x9F\x65", "strasse"},                  // ß
      {"\xC3\x86sop \xC3\x98resund", "aesop-oresund"},  // Æ Ø
      {"\xC5\x81\xC3\xB3\x64\xC5\xBA", "lodz"},         // Łódź
      {"Bra\xC8\x99ov", "brasov"},                      // ș
      {"S\xC3\xA3o Tom\xC3\xA9 and Pr\xC3\xADncipe", "sao-tome-and-principe"},
      {"\xC4\x8C\x65sk\xC3\xA1 republika", "ceska-republika"},      // Č á
      {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 2", "2"},  // Cyrillic
      {"a\xE2\x80\x94"
       "b",
       "a-b"},  // em dash
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(slugify(c.in) == c.out);
  }
}

TEST_CASE("is_valid_utf8 accepts well-formed text and locates the first bad byte") {
  size_t bad = 99;
  CHECK(is_valid_utf8("", &bad));
  CHECK(is_valid_utf8("ascii only", &bad));
  CHECK(is_valid_utf8("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", &bad));
  CHECK(bad == 99);

  struct Case {
    std::string text;
    size_t offset;
  };
  const Case cases[] = {
      {"ab\x80", 2},            // lone continuation byte
      {"a\xC3", 1},             // truncated 2-byte sequence
      {"\xC0\xAF", 0},          // overlong '/'
      {"x\xE0\x80\xAF", 1},     // overlong 3-byte
      {"xy\xED\xA0\x80", 2},    // UTF-16 surrogate D800
      {"\xF4\x90\x80\x80", 0},  // above U+10FFFF
      {"ok \xE2\x82", 3},       // truncated euro sign
      {"\xFF", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.offset);
    bad = 99;
    CHECK_FALSE(is_valid_utf8(c.text, &bad));
    CHECK(bad == c.offset);
  }
  CHECK_FALSE(is_valid_utf8("\x80", nullptr));
}

TEST_CASE("decode_utf8 and append_utf8 round-trip code points") {
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
  size_t pos = 0;
  std::string again;
  while (pos < text.size()) agora::append_utf8(agora::decode_utf8(text, &pos), &again);
  CHECK(again == text);
  pos = 0;
  CHECK(agora::decode_utf8("\xFF", &pos) == 0xFFFD);
  CHECK(pos == 1);
}

TEST_CASE("ascii_lower leaves non-ASCII bytes alone") {
  CHECK(agora::ascii_lower("MiXeD \xC3\x89t\xC3\xA9 42") == "mixed \xC3\x89t\xC3\xA9 42");
}
