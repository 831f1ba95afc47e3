#pragma once
// The Snowball runtime as lunr-languages 1.x ships it (Oleg Mazko's
// "Snowball JavaScript Library v0.3" in lunr.stemmer.support.js): Among
// tables and the SnowballProgram string machine. The stemmers ported from
// lunr.fr.js, lunr.es.js and lunr.ru.js call it exactly as their JavaScript
// calls the original, over UTF-16 code units, so they step identically,
// quirks of that old runtime included.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace agora {

// One entry of a Snowball `among`: a string, the index of the longest entry
// that is a prefix (suffix, going backward) of it or -1, and the result.
struct Among {
  std::u16string_view s;
  int substring_i;
  int result;
};

class SnowballProgram {
 public:
  // Works on `word` in place (setCurrent ... getCurrent).
  explicit SnowballProgram(std::u16string& word);

  // Units stay readable for stemmer-specific shortcuts.
  const std::u16string& current() const { return current_; }

  // Grouping tests: `s` is a bit set over code units min..max. Inline, as
  // the stemmers call them for every letter.
  bool in_grouping(std::span<const uint8_t> s, int min, int max) {
    if (cursor >= limit || !in_set(s, min, max, unit(cursor))) return false;
    ++cursor;
    return true;
  }
  bool in_grouping_b(std::span<const uint8_t> s, int min, int max) {
    if (cursor <= limit_backward || !in_set(s, min, max, unit(cursor - 1))) return false;
    --cursor;
    return true;
  }
  bool out_grouping(std::span<const uint8_t> s, int min, int max) {
    if (cursor >= limit || in_set(s, min, max, unit(cursor))) return false;
    ++cursor;
    return true;
  }
  bool out_grouping_b(std::span<const uint8_t> s, int min, int max) {
    if (cursor <= limit_backward || in_set(s, min, max, unit(cursor - 1))) return false;
    --cursor;
    return true;
  }

  bool eq_s(std::u16string_view s) {
    const int size = static_cast<int>(s.size());
    if (limit - cursor < size) return false;
    for (int i = 0; i < size; ++i) {
      if (unit(cursor + i) != s[static_cast<size_t>(i)]) return false;
    }
    cursor += size;
    return true;
  }
  bool eq_s_b(std::u16string_view s) {
    const int size = static_cast<int>(s.size());
    if (cursor - limit_backward < size) return false;
    for (int i = 0; i < size; ++i) {
      if (unit(cursor - size + i) != s[static_cast<size_t>(i)]) return false;
    }
    cursor -= size;
    return true;
  }

  // The result of the entry matched at the cursor (going forward or
  // backward), 0 if none; moves the cursor past it.
  int find_among(std::span<const Among> v);
  int find_among_b(std::span<const Among> v);

  // Replaces [bra, ket) with `s`.
  void slice_from(std::u16string_view s);
  void slice_del() { slice_from(u""); }

  int bra = 0;
  int ket = 0;
  int limit = 0;
  int cursor = 0;
  int limit_backward = 0;

 private:
  int unit(int i) const { return current_[static_cast<size_t>(i)]; }
  // JavaScript reads s[ch >> 3] of a plain array: past its end the value
  // is undefined, whose bits are all clear.
  static bool in_set(std::span<const uint8_t> s, int min, int max, int ch) {
    if (ch > max || ch < min) return false;
    ch -= min;
    const auto byte = static_cast<size_t>(ch >> 3);
    return byte < s.size() && (s[byte] & (1 << (ch & 7))) != 0;
  }
  int replace_s(int c_bra, int c_ket, std::u16string_view s);

  std::u16string& current_;
};

}  // namespace agora
