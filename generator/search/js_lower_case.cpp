#include "search/js_lower_case.h"

#include <algorithm>
#include <array>
#include <vector>

#include "search/js_lower_case_table.h"
#include "search/utf16.h"

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

// The simple lower-case mapping of every BMP code point, as the difference
// to the code point (mod 2^16), in blocks of 128 shared when equal (most are
// all zero), so that a non-ASCII letter costs two loads, as an ASCII one
// costs a compare, instead of a binary search over the runs. U+0130, U+03A3
// and surrogates are handled by the callers before the table is read.
class BmpLowerTable {
 public:
  BmpLowerTable() {
    for (size_t b = 0; b < kBlocks; ++b) {
      std::array<uint16_t, kBlockSize> block;
      for (size_t k = 0; k < kBlockSize; ++k) {
        const auto cp = static_cast<char32_t>(b * kBlockSize + k);
        const char32_t lower = (cp >= 0xD800 && cp <= 0xDFFF) ? cp : js_lower_code_point(cp);
        block[k] = static_cast<uint16_t>(lower - cp);  // BMP letters lower-case within the BMP
      }
      auto same = std::find(blocks_.begin(), blocks_.end(), block);
      block_of_[b] = static_cast<uint16_t>(same - blocks_.begin());
      if (same == blocks_.end()) blocks_.push_back(block);
    }
  }

  char16_t lower(char16_t u) const {
    return static_cast<char16_t>(u + blocks_[block_of_[u / kBlockSize]][u % kBlockSize]);
  }

 private:
  static constexpr size_t kBlockSize = 128;
  static constexpr size_t kBlocks = 0x10000 / kBlockSize;
  std::array<uint16_t, kBlocks> block_of_{};
  std::vector<std::array<uint16_t, kBlockSize>> blocks_;
};

// Final_Sigma for a Σ met while lower-casing UTF-8 in one pass: the code
// points before it are read back from the lower-cased output (lower-casing
// keeps whether a code point is cased or case-ignorable, U+0130's "i\u0307"
// included: checked against node for every code point), those after it
// from the UTF-8 still to come.
bool is_final_sigma_utf8(std::u16string_view lowered_before, std::string_view utf8, size_t after) {
  bool cased_before = false;
  for (size_t end = lowered_before.size(); end > 0;) {
    size_t len = 0;
    const char32_t cp = code_point_before(lowered_before, end, len);
    end -= len;
    if (is_case_ignorable(cp)) continue;
    cased_before = is_cased(cp);
    break;
  }
  if (!cased_before) return false;
  for (size_t i = after; i < utf8.size();) {
    char32_t cp = static_cast<uint8_t>(utf8[i]);
    i += cp < 0x80 ? 1 : decode_utf8_sequence(utf8, i, &cp);
    if (is_case_ignorable(cp)) continue;
    return !is_cased(cp);
  }
  return true;
}

const BmpLowerTable& bmp_lower_table() {
  static const BmpLowerTable table;
  return table;
}

char16_t lower_ascii(char16_t u) { return (u >= 'A' && u <= 'Z') ? char16_t(u + 32) : u; }

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
  const BmpLowerTable& table = bmp_lower_table();
  // Only U+0130 grows (to "i\u0307"); size for the rest, write, trim.
  std::u16string out(text.size(), u'\0');
  size_t n = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char16_t u = text[i];
    if (u < 0x80) {
      out[n++] = lower_ascii(u);
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      size_t len = 0;
      const char32_t cp = code_point_at(text, i, len);
      if (len == 1) {
        out[n++] = u;  // a lone surrogate passes through
      } else {
        const char32_t lower = js_lower_code_point(cp) - 0x10000;
        out[n++] = static_cast<char16_t>(0xD800 + (lower >> 10));
        out[n++] = static_cast<char16_t>(0xDC00 + (lower & 0x3FF));
        ++i;
      }
    } else if (u == 0x130) {
      out.resize(out.size() + 1);
      out[n++] = u'i';
      out[n++] = 0x307;
    } else if (u == 0x3A3) {
      out[n++] = is_final_sigma(text, i) ? 0x3C2 : 0x3C3;
    } else {
      out[n++] = table.lower(u);
    }
  }
  out.resize(n);
  return out;
}

std::u16string js_to_lower_case_utf8(std::string_view utf8) {
  const BmpLowerTable& table = bmp_lower_table();
  // No more units than bytes, even for U+0130 (two bytes, two units).
  std::u16string out(utf8.size(), u'\0');
  char16_t* o = out.data();
  for (size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<uint8_t>(utf8[i]);
    if (b < 0x80) {
      *o++ = lower_ascii(b);
      ++i;
      continue;
    }
    char32_t cp = 0;
    i += decode_utf8_sequence(utf8, i, &cp);
    if (cp == 0x3A3) {
      const std::u16string_view before(out.data(), static_cast<size_t>(o - out.data()));
      *o++ = is_final_sigma_utf8(before, utf8, i) ? 0x3C2 : 0x3C3;
    } else if (cp == 0x130) {
      *o++ = u'i';
      *o++ = 0x307;
    } else if (cp < 0x10000) {
      *o++ = table.lower(static_cast<char16_t>(cp));
    } else {
      const char32_t lower = js_lower_code_point(cp) - 0x10000;
      *o++ = static_cast<char16_t>(0xD800 + (lower >> 10));
      *o++ = static_cast<char16_t>(0xDC00 + (lower & 0x3FF));
    }
  }
  out.resize(static_cast<size_t>(o - out.data()));
  return out;
}

}  // namespace agora
