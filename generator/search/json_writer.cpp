#include "search/json_writer.h"

#include <charconv>

#include "search/js_number.h"

namespace agora {

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the pending run of bytes that need no escape
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
    }
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

JsonWriter::JsonWriter(std::ostream& out, size_t flush_at) : out_(out), flush_at_(flush_at) {
  buffer_.reserve(flush_at + 4096);
}

JsonWriter::~JsonWriter() { flush(); }

void JsonWriter::raw(std::string_view text) {
  if (text.size() >= flush_at_) {
    // A large block goes straight to the stream rather than through the
    // buffer, which would have to grow to hold it.
    flush();
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    handed_ += text.size();
    return;
  }
  buffer_.append(text);
  maybe_flush();
}

void JsonWriter::number(double value) {
  append_json_number(buffer_, value);
  maybe_flush();
}

void JsonWriter::integer(uint64_t value) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  buffer_.append(buf, r.ptr);
  maybe_flush();
}

void JsonWriter::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  handed_ += buffer_.size();
  buffer_.clear();
}

}  // namespace agora
