#include "search/js_lower_case.h"

#include <algorithm>

#include "search/js_lower_case_table.h"

namespace agora {
namespace {

using unicode_tables::CodePointRange;

bool in_ranges(const CodePointRange* ranges, size_t count, char32_t cp) {
  const CodePointRange* end = ranges + count;
  const CodePointRange* it = std::upper_bound(
      ranges, end, cp, [](char32_t c, const CodePointRange& r) { return c < r.first; });
  return it != ranges && cp <= (it - 1)->last;
}

bool is_cased(char32_t cp) {
  return in_ranges(unicode_tables::kCased, unicode_tables::kCasedCount, cp);
}

bool is_case_ignorable(char32_t cp) {
  return in_ranges(unicode_tables::kCaseIgnorable, unicode_tables::kCaseIgnorableCount, cp);
}

// Reads the code point at `i` (forward) and sets `len` to its unit count.
char32_t code_point_at(std::u16string_view s, size_t i, size_t& len) {
  const char16_t u = s[i];
  if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s.size() && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF) {
    len = 2;
    return 0x10000 + ((char32_t(u) - 0xD800) << 10) + (s[i + 1] - 0xDC00);
  }
  len = 1;
  return u;
}

// Reads the code point that ends just before `end` and sets `len`.
char32_t code_point_before(std::u16string_view s, size_t end, size_t& len) {
  const char16_t u = s[end - 1];
  if (u >= 0xDC00 && u <= 0xDFFF && end >= 2 && s[end - 2] >= 0xD800 && s[end - 2] <= 0xDBFF) {
    len = 2;
    return 0x10000 + ((char32_t(s[end - 2]) - 0xD800) << 10) + (u - 0xDC00);
  }
  len = 1;
  return u;
}

// Unicode's Final_Sigma condition: a cased letter (skipping case-ignorables)
// before the sigma, and none after it.
bool is_final_sigma(std::u16string_view s, size_t at) {
  bool cased_before = false;
  for (size_t end = at; end > 0;) {
    size_t len = 0;
    const char32_t cp = code_point_before(s, end, len);
    end -= len;
    if (is_case_ignorable(cp)) continue;
    cased_before = is_cased(cp);
    break;
  }
  if (!cased_before) return false;
  for (size_t i = at + 1; i < s.size();) {
    size_t len = 0;
    const char32_t cp = code_point_at(s, i, len);
    i += len;
    if (is_case_ignorable(cp)) continue;
    return !is_cased(cp);
  }
  return true;
}

void push_code_point(std::u16string& out, char32_t cp) {
  if (cp < 0x10000) {
    out.push_back(static_cast<char16_t>(cp));
  } else {
    cp -= 0x10000;
    out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
    out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
  }
}

}  // namespace

char32_t js_lower_code_point(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  using unicode_tables::kLowerRunCount;
  using unicode_tables::kLowerRuns;
  using unicode_tables::LowerRun;
  const LowerRun* end = kLowerRuns + kLowerRunCount;
  const LowerRun* it = std::upper_bound(kLowerRuns, end, cp,
                                        [](char32_t c, const LowerRun& r) { return c < r.first; });
  if (it == kLowerRuns) return cp;
  const LowerRun& run = *(it - 1);
  if (cp > run.last || (cp - run.first) % run.stride != 0) return cp;
  return static_cast<char32_t>(static_cast<int32_t>(cp) + run.delta);
}

std::u16string js_to_lower_case(std::u16string_view text) {
  std::u16string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char16_t u = text[i];
    if (u < 0x80) {
      out.push_back((u >= 'A' && u <= 'Z') ? char16_t(u + 32) : u);
      ++i;
      continue;
    }
    size_t len = 0;
    const char32_t cp = code_point_at(text, i, len);
    if (cp == 0x130) {
      out.push_back(u'i');
      out.push_back(0x307);
    } else if (cp == 0x3A3) {
      out.push_back(is_final_sigma(text, i) ? 0x3C2 : 0x3C3);
    } else {
      push_code_point(out, js_lower_code_point(cp));
    }
    i += len;
  }
  return out;
}

}  // namespace agora
