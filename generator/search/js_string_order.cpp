#include "search/js_string_order.h"

#include <algorithm>
#include <cstdint>

namespace agora {
namespace {

// A code point's rank in UTF-16 order, read at a code point boundary.
uint32_t utf16_rank(std::string_view s, size_t i) {
  const auto b0 = static_cast<uint8_t>(s[i]);
  uint32_t cp = b0;
  size_t len = 1;
  if (b0 >= 0xF0) {
    cp = b0 & 0x07;
    len = 4;
  } else if (b0 >= 0xE0) {
    cp = b0 & 0x0F;
    len = 3;
  } else if (b0 >= 0xC0) {
    cp = b0 & 0x1F;
    len = 2;
  }
  for (size_t j = 1; j < len && i + j < s.size(); ++j) {
    cp = (cp << 6) | (static_cast<uint8_t>(s[i + j]) & 0x3F);
  }
  // Surrogate pairs (0xD800..0xDFFF units) sort below U+E000..U+FFFF.
  return cp >= 0xE000 && cp <= 0xFFFF ? cp + 0x110000 : cp;
}

}  // namespace

bool js_string_less(std::string_view a, std::string_view b) {
  const auto [ia, ib] = std::mismatch(a.begin(), a.end(), b.begin(), b.end());
  if (ib == b.end()) return false;  // b is a prefix of a, or equal
  if (ia == a.end()) return true;   // a is a proper prefix of b
  size_t i = static_cast<size_t>(ia - a.begin());
  const auto ua = static_cast<uint8_t>(*ia);
  const auto ub = static_cast<uint8_t>(*ib);
  if (ua < 0x80 && ub < 0x80) return ua < ub;
  // Back up to the start of the code point both strings share a prefix of.
  while (i > 0 && (static_cast<uint8_t>(a[i]) & 0xC0) == 0x80) --i;
  return utf16_rank(a, i) < utf16_rank(b, i);
}

}  // namespace agora
