#include "search/tokenizer.h"

#include "search/js_lower_case.h"
#include "search/utf16.h"

namespace agora {

bool is_separator(char16_t u) {
  // Tab, LF, VT, FF, CR, space and '-' as a bit set over ASCII.
  constexpr uint64_t kAscii = (1ull << 0x09) | (1ull << 0x0A) | (1ull << 0x0B) | (1ull << 0x0C) |
                              (1ull << 0x0D) | (1ull << ' ') | (1ull << '-');
  if (u < 0x40) return (kAscii >> u) & 1;
  if (u < 0x80) return false;
  // ECMAScript WhiteSpace and LineTerminator: Zs plus U+FEFF, U+2028/9.
  return u == 0xA0 || u == 0x1680 || (u >= 0x2000 && u <= 0x200A) || u == 0x2028 || u == 0x2029 ||
         u == 0x202F || u == 0x205F || u == 0x3000 || u == 0xFEFF;
}

std::vector<TokenSpan> split_tokens(std::u16string_view lowered) {
  std::vector<TokenSpan> spans;
  const size_t n = lowered.size();
  spans.reserve(n / 6 + 1);
  size_t start = 0;
  // lunr looks at one code unit at a time and cuts wherever a separator
  // matches, so "a--b" yields "a" and "b" with no empty token between.
  for (size_t end = 0; end <= n; ++end) {
    if (end == n || is_separator(lowered[end])) {
      if (end > start) {
        spans.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end - start)});
      }
      start = end + 1;
    }
  }
  return spans;
}

std::vector<std::string> tokenize(std::string_view text) {
  const std::u16string lowered = js_to_lower_case_utf8(text);
  std::vector<std::string> tokens;
  for (const TokenSpan& span : split_tokens(lowered)) {
    tokens.push_back(utf16_to_utf8(std::u16string_view(lowered).substr(span.start, span.length)));
  }
  return tokens;
}

}  // namespace agora
