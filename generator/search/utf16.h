#pragma once
// Conversions between the UTF-8 the site is written in and the UTF-16 code
// units JavaScript strings are made of. lunr.js tokenizes, trims and stems
// code unit by code unit, so the port works on std::u16string.
#include <string>
#include <string_view>

namespace agora {

// Decodes UTF-8. Each ill-formed byte becomes U+FFFD, as a decoding reader
// (node's fs.readFileSync(f, 'utf8')) would produce.
std::u16string utf8_to_utf16(std::string_view utf8);

// Decodes the sequence that starts with the non-ASCII byte utf8[i] into
// *cp (U+FFFD when ill-formed, per the "maximal subpart" rule that
// utf8_to_utf16 follows) and returns the number of bytes it takes.
// REQUIRES: i < utf8.size() and utf8[i] is not ASCII.
size_t decode_utf8_sequence_slow(std::string_view utf8, size_t i, char32_t* cp);
inline size_t decode_utf8_sequence(std::string_view utf8, size_t i, char32_t* cp) {
  // Well-formed two- and three-byte sequences (Latin, Greek, Cyrillic,
  // Arabic, CJK...) inline; anything else, and every error, the long way.
  const auto b0 = static_cast<unsigned char>(utf8[i]);
  if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < utf8.size()) {
    const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
    if ((b1 & 0xC0) == 0x80) {
      *cp = (char32_t(b0 & 0x1F) << 6) | (b1 & 0x3F);
      return 2;
    }
  } else if (b0 >= 0xE0 && b0 <= 0xEF && i + 2 < utf8.size()) {
    const auto b1 = static_cast<unsigned char>(utf8[i + 1]);
    const auto b2 = static_cast<unsigned char>(utf8[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b0 != 0xE0 || b1 >= 0xA0) &&
        (b0 != 0xED || b1 < 0xA0)) {
      *cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
      return 3;
    }
  }
  return decode_utf8_sequence_slow(utf8, i, cp);
}

// Appends `units` to `out` as UTF-8. A lone surrogate becomes U+FFFD.
void append_utf8(std::string& out, std::u16string_view units);

inline std::string utf16_to_utf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  append_utf8(out, units);
  return out;
}

}  // namespace agora
