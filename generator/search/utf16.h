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

// Appends `units` to `out` as UTF-8. A lone surrogate becomes U+FFFD.
void append_utf8(std::string& out, std::u16string_view units);

inline std::string utf16_to_utf8(std::u16string_view units) {
  std::string out;
  out.reserve(units.size());
  append_utf8(out, units);
  return out;
}

}  // namespace agora
