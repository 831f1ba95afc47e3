#include "search/utf16.h"

#include <cstdint>

namespace agora {
size_t decode_utf8_sequence_slow(std::string_view in, size_t i, char32_t* out_cp) {
  const size_t n = in.size();
  const auto b0 = static_cast<uint8_t>(in[i]);
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
    *out_cp = 0xFFFD;
    return 1;
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
    *out_cp = 0xFFFD;
    return j == 0 ? 1 : j;
  }
  *out_cp = cp;
  return len;
}

std::u16string utf8_to_utf16(std::string_view in) {
  // A code point never takes more UTF-16 units than UTF-8 bytes, and an
  // ill-formed byte gives at most one unit: size once, write, trim.
  std::u16string out(in.size(), u'\0');
  char16_t* o = out.data();
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    const auto b0 = static_cast<uint8_t>(in[i]);
    if (b0 < 0x80) {
      *o++ = b0;
      ++i;
      continue;
    }
    char32_t cp = 0;
    i += decode_utf8_sequence(in, i, &cp);
    if (cp < 0x10000) {
      *o++ = static_cast<char16_t>(cp);
    } else {
      cp -= 0x10000;
      *o++ = static_cast<char16_t>(0xD800 + (cp >> 10));
      *o++ = static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    }
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

namespace {

// Writes `units` as UTF-8 at `o` (room for three bytes a unit); returns the
// end.
char* write_utf8(std::u16string_view units, char* o) {
  const size_t n = units.size();
  for (size_t i = 0; i < n; ++i) {
    char32_t cp = units[i];
    if (cp < 0x80) {
      *o++ = static_cast<char>(cp);
      continue;
    }
    if (cp < 0x800) {
      *o++ = static_cast<char>(0xC0 | (cp >> 6));
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
      continue;
    }
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && units[i + 1] >= 0xDC00 &&
        units[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[++i] - 0xDC00);
      *o++ = static_cast<char>(0xF0 | (cp >> 18));
      *o++ = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      *o++ = static_cast<char>(0x80 | (cp & 0x3F));
      continue;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    *o++ = static_cast<char>(0xE0 | (cp >> 12));
    *o++ = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *o++ = static_cast<char>(0x80 | (cp & 0x3F));
  }
  return o;
}

}  // namespace

void append_utf8(std::string& out, std::u16string_view units) {
  // Terms are short: encode them on the stack and append once; longer text
  // is sized once, written, and trimmed.
  constexpr size_t kShort = 64;
  if (units.size() <= kShort) {
    char buffer[3 * kShort];
    out.append(buffer, static_cast<size_t>(write_utf8(units, buffer) - buffer));
    return;
  }
  const size_t at = out.size();
  out.resize(at + 3 * units.size());
  char* end = write_utf8(units, out.data() + at);
  out.resize(static_cast<size_t>(end - out.data()));
}

}  // namespace agora
