#include "search/json_cursor.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "util/byte_words.h"
#include "util/text.h"

namespace agora {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The first byte at or after `from` that is '"', '\\' or a control
// character, or text.size(). Eight bytes at a time (util/byte_words.h): a
// corpus is mostly long runs of plain text.
size_t plain_run_end(std::string_view text, size_t from) {
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    const uint64_t w = load_word(text.data() + i);
    if (word_has_byte(w, '"') | word_has_byte(w, '\\') | word_has_byte_below(w, 0x20)) break;
  }
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\' || c < 0x20) break;
  }
  return i;
}

}  // namespace

void JsonCursor::skip_whitespace() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
    ++pos_;
  }
}

bool JsonCursor::fail(std::string_view what) {
  if (error_.empty()) {
    error_ = "JSON: " + std::string(what) + " at byte " + std::to_string(base_ + pos_);
  }
  return false;
}

JsonCursor::Type JsonCursor::peek() {
  skip_whitespace();
  if (failed() || pos_ >= text_.size()) return Type::kInvalid;
  switch (text_[pos_]) {
    case '{':
      return Type::kObject;
    case '[':
      return Type::kArray;
    case '"':
      return Type::kString;
    case 't':
    case 'f':
      return Type::kBool;
    case 'n':
      return Type::kNull;
    default:
      return (text_[pos_] == '-' || (text_[pos_] >= '0' && text_[pos_] <= '9')) ? Type::kNumber
                                                                                : Type::kInvalid;
  }
}

bool JsonCursor::begin_object() {
  if (peek() != Type::kObject) return fail("expected an object");
  ++pos_;
  first_item_.push_back('1');
  return true;
}

bool JsonCursor::begin_array() {
  if (peek() != Type::kArray) return fail("expected an array");
  ++pos_;
  first_item_.push_back('1');
  return true;
}

bool JsonCursor::next_member(std::string& key) {
  skip_whitespace();
  if (failed() || first_item_.empty()) return fail("not in an object");
  if (pos_ < text_.size() && text_[pos_] == '}') {
    ++pos_;
    first_item_.pop_back();
    return false;
  }
  if (first_item_.back() == '0') {
    if (pos_ >= text_.size() || text_[pos_] != ',') return fail("expected ',' or '}'");
    ++pos_;
  }
  first_item_.back() = '0';
  if (!read_string(key)) return false;
  skip_whitespace();
  if (pos_ >= text_.size() || text_[pos_] != ':') return fail("expected ':'");
  ++pos_;
  return true;
}

bool JsonCursor::next_element() {
  skip_whitespace();
  if (failed() || first_item_.empty()) return fail("not in an array");
  if (pos_ < text_.size() && text_[pos_] == ']') {
    ++pos_;
    first_item_.pop_back();
    return false;
  }
  if (first_item_.back() == '0') {
    if (pos_ >= text_.size() || text_[pos_] != ',') return fail("expected ',' or ']'");
    ++pos_;
  }
  first_item_.back() = '0';
  return true;
}

bool JsonCursor::read_string(std::string& out) {
  if (peek() != Type::kString) return fail("expected a string");
  ++pos_;
  out.clear();
  for (;;) {
    // Copy the run up to the next quote, backslash or control character.
    const size_t run = plain_run_end(text_, pos_);
    out.append(text_.data() + pos_, run - pos_);
    pos_ = run;
    if (pos_ >= text_.size()) return fail("unterminated string");
    const char c = text_[pos_++];
    if (c == '"') return true;
    if (c != '\\') return fail("control character in string");
    if (pos_ >= text_.size()) return fail("unterminated string");
    const char e = text_[pos_++];
    switch (e) {
      case '"':
        out.push_back('"');
        break;
      case '\\':
        out.push_back('\\');
        break;
      case '/':
        out.push_back('/');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'u': {
        auto read_hex4 = [this](char32_t& unit) {
          if (pos_ + 4 > text_.size()) return false;
          unit = 0;
          for (int i = 0; i < 4; ++i) {
            const int v = hex_value(text_[pos_ + i]);
            if (v < 0) return false;
            unit = unit * 16 + static_cast<char32_t>(v);
          }
          pos_ += 4;
          return true;
        };
        char32_t unit = 0;
        if (!read_hex4(unit)) return fail("bad \\u escape");
        if (unit >= 0xD800 && unit <= 0xDBFF && pos_ + 1 < text_.size() && text_[pos_] == '\\' &&
            text_[pos_ + 1] == 'u') {
          const size_t save = pos_;
          pos_ += 2;
          char32_t low = 0;
          if (read_hex4(low) && low >= 0xDC00 && low <= 0xDFFF) {
            agora::append_utf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), &out);
            break;
          }
          pos_ = save;
        }
        // A lone surrogate has no UTF-8 form.
        agora::append_utf8((unit >= 0xD800 && unit <= 0xDFFF) ? 0xFFFD : unit, &out);
        break;
      }
      default:
        return fail("bad escape");
    }
  }
}

bool JsonCursor::read_number(double& out) {
  if (peek() != Type::kNumber) return fail("expected a number");
  size_t end = pos_;
  while (end < text_.size() && std::strchr("+-0123456789.eE", text_[end]) != nullptr &&
         text_[end] != '\0') {
    ++end;
  }
  const auto r = std::from_chars(text_.data() + pos_, text_.data() + end, out);
  if (r.ec != std::errc() || r.ptr != text_.data() + end) return fail("bad number");
  pos_ = end;
  return true;
}

bool JsonCursor::literal(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word) return fail("bad literal");
  pos_ += word.size();
  return true;
}

bool JsonCursor::read_bool(bool& out) {
  if (peek() != Type::kBool) return fail("expected true or false");
  out = text_[pos_] == 't';
  return literal(out ? "true" : "false");
}

bool JsonCursor::read_null() {
  if (peek() != Type::kNull) return fail("expected null");
  return literal("null");
}

bool JsonCursor::skip_value() {
  std::string scratch;
  double number = 0;
  bool flag = false;
  switch (peek()) {
    case Type::kNull:
      return read_null();
    case Type::kBool:
      return read_bool(flag);
    case Type::kNumber:
      return read_number(number);
    case Type::kString:
      return read_string(scratch);
    case Type::kArray:
      if (!begin_array()) return false;
      while (next_element()) {
        if (!skip_value()) return false;
      }
      return !failed();
    case Type::kObject:
      if (!begin_object()) return false;
      while (next_member(scratch)) {
        if (!skip_value()) return false;
      }
      return !failed();
    case Type::kInvalid:
      break;
  }
  return fail("expected a value");
}

bool JsonCursor::split_array(std::vector<std::string_view>& elements) {
  elements.clear();
  if (!begin_array()) return false;
  first_item_.pop_back();  // elements are not read through this cursor
  skip_whitespace();
  if (pos_ < text_.size() && text_[pos_] == ']') {
    ++pos_;
    return true;
  }
  for (;;) {
    const size_t start = pos_;
    // Nesting depth; strings are skipped whole (escapes included).
    size_t depth = 0;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        for (pos_ = plain_run_end(text_, pos_ + 1); pos_ < text_.size() && text_[pos_] != '"';
             pos_ = plain_run_end(text_, pos_ + 1)) {
          if (text_[pos_] == '\\') ++pos_;  // the escaped byte
        }
        if (pos_ >= text_.size()) {
          pos_ = text_.size();  // past it when the text ended on a backslash
          return fail("unterminated string");
        }
        ++pos_;
      } else if (c == '{' || c == '[') {
        ++depth;
        ++pos_;
      } else if (c == '}' || c == ']') {
        if (depth == 0) break;  // the array's own end
        --depth;
        ++pos_;
      } else if (depth == 0 && (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t')) {
        break;
      } else {
        ++pos_;
      }
      if (depth == 0 && (c == '"' || c == '}' || c == ']')) break;
    }
    elements.push_back(text_.substr(start, pos_ - start));
    skip_whitespace();
    if (pos_ >= text_.size()) return fail("expected ',' or ']'");
    if (text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    if (text_[pos_] != ',') return fail("expected ',' or ']'");
    ++pos_;
    skip_whitespace();
  }
}

bool JsonCursor::at_end() {
  skip_whitespace();
  return pos_ == text_.size();
}

}  // namespace agora
