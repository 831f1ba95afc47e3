#include "serve/request_path.h"

#include <string_view>

#include "util/text.h"

namespace agora {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One pass of percent-decoding; '+' stays '+' (it means a space only in
// query strings).
std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = hex_value(text[i + 1]), low = hex_value(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return out;
}

// A decoded segment that may name a file of the served folder.
bool acceptable_segment(std::string_view segment) {
  if (segment == "." || segment == "..") return false;
  for (char c : segment) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\\' || u < 0x20 || u == 0x7F) return false;
  }
  return is_valid_utf8(segment);
}

}  // namespace

std::optional<RequestPath> request_path(const std::string& target) {
  if (target.empty() || target.front() != '/') return std::nullopt;
  std::string_view raw(target);
  raw = raw.substr(0, raw.find_first_of("?#"));
  std::optional<std::string> decoded = percent_decode(raw);
  if (!decoded) return std::nullopt;
  RequestPath result;
  result.folder = decoded->back() == '/';
  size_t start = 0;
  while (start < decoded->size()) {
    size_t end = decoded->find('/', start);
    if (end == std::string::npos) end = decoded->size();
    std::string_view segment(decoded->data() + start, end - start);
    start = end + 1;
    if (segment.empty()) continue;
    if (!acceptable_segment(segment)) return std::nullopt;
    if (!result.path.empty()) result.path += '/';
    result.path += segment;
  }
  if (result.path.empty()) result.folder = true;
  return result;
}

}  // namespace agora
