#pragma once
// A minimal pull parser over JSON text, for inputs too large for a DOM and
// read often enough that nlohmann's per-character lexer shows up in profiles
// (a 10,000-page search corpus is ~70 MB). The caller walks the structure:
//
//   JsonCursor c(text);
//   c.begin_object();
//   std::string key;
//   while (c.next_member(key)) { ... read or skip_value() ... }
//
// Every method returns false on malformed input or a type mismatch, after
// which error() describes the first problem with its byte offset.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

class JsonCursor {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject, kInvalid };

  // `base`: where `text` starts in a larger text, for the byte offsets of
  // error messages (a cursor over one element of split_array).
  explicit JsonCursor(std::string_view text, size_t base = 0) : text_(text), base_(base) {}

  Type peek();  // type of the next value, without consuming it
  bool begin_object();
  bool begin_array();
  // Object members: true with `key` set when a member follows (the cursor is
  // then at its value), false at '}' (consumed) or on error.
  bool next_member(std::string& key);
  // Array elements: true when an element follows, false at ']' or on error.
  bool next_element();
  bool read_string(std::string& out);  // decodes escapes to UTF-8
  bool read_number(double& out);
  bool read_bool(bool& out);
  bool read_null();
  bool skip_value();
  // Reads an array without decoding its elements: the text of each, to be
  // read by cursors of their own, on several threads. Only the brackets,
  // string bounds and commas between elements are checked here, so a
  // cursor over each element must read it whole to check the rest.
  bool split_array(std::vector<std::string_view>& elements);
  bool at_end();  // only whitespace remains

  size_t offset() const { return pos_; }
  std::string_view text() const { return text_; }
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

 private:
  void skip_whitespace();
  bool fail(std::string_view what);
  bool literal(std::string_view word);

  std::string_view text_;
  size_t base_ = 0;
  size_t pos_ = 0;
  // Per open container: whether its first item has been read (for commas).
  std::string first_item_;
  std::string error_;
};

}  // namespace agora
