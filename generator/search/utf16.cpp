#include "search/utf16.h"

#include <cstdint>

#include "util/text.h"

namespace agora {
namespace {

void push_code_point(std::u16string& out, char32_t cp) {
  if (cp < 0x10000) {
    out.push_back(static_cast<char16_t>(cp));
    return;
  }
  cp -= 0x10000;
  out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
  out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
}

}  // namespace

std::u16string utf8_to_utf16(std::string_view in) {
  std::u16string out;
  out.reserve(in.size());
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    const auto b0 = static_cast<uint8_t>(in[i]);
    if (b0 < 0x80) {
      out.push_back(b0);
      ++i;
      continue;
    }
    // Sequence length and the smallest code point it may encode (to reject
    // overlong forms), per the Unicode "maximal subpart" rules.
    size_t len = 0;
    char32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      len = 2;
      cp = b0 & 0x1F;
      min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      len = 3;
      cp = b0 & 0x0F;
      min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      len = 4;
      cp = b0 & 0x07;
      min = 0x10000;
    }
    if (len == 0) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    size_t j = 1;
    for (; j < len && i + j < n; ++j) {
      const auto b = static_cast<uint8_t>(in[i + j]);
      if ((b & 0xC0) != 0x80) break;
      cp = (cp << 6) | (b & 0x3F);
      // Reject overlong, surrogate and out-of-range prefixes early.
      if (j == 1 && len >= 3) {
        const char32_t partial_min = min >> (6 * (len - 2));
        if (cp < partial_min || (len == 3 && cp >= 0x360 && cp <= 0x37F) ||
            (len == 4 && cp > 0x10F)) {
          break;
        }
      }
    }
    if (j < len || cp < min) {
      out.push_back(0xFFFD);
      i += (j == 0 ? 1 : j);
      continue;
    }
    push_code_point(out, cp);
    i += len;
  }
  return out;
}

void append_utf8(std::string& out, std::u16string_view units) {
  const size_t n = units.size();
  for (size_t i = 0; i < n; ++i) {
    const char16_t u = units[i];
    if (u < 0x80) {
      out.push_back(static_cast<char>(u));
    } else if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && units[i + 1] >= 0xDC00 &&
               units[i + 1] <= 0xDFFF) {
      agora::append_utf8(0x10000 + ((char32_t(u) - 0xD800) << 10) + (units[i + 1] - 0xDC00), &out);
      ++i;
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      agora::append_utf8(0xFFFD, &out);
    } else {
      agora::append_utf8(u, &out);
    }
  }
}

}  // namespace agora
