#include "search/languages/snowball.h"

namespace agora {

SnowballProgram::SnowballProgram(std::u16string& word)
    : limit(static_cast<int>(word.size())), current_(word) {
  ket = limit;
}

// A binary search over the sorted entries that remembers how many units
// both ends of the interval share with the input, then a walk down the
// substring_i chain from the last candidate (the runtime's own algorithm,
// kept step for step; the tables carry no among functions).
int SnowballProgram::find_among(std::span<const Among> v) {
  int i = 0;
  int j = static_cast<int>(v.size());
  const int c = cursor;
  const int l = limit;
  int common_i = 0;
  int common_j = 0;
  bool first_key_inspected = false;
  for (;;) {
    const int k = i + ((j - i) >> 1);
    int diff = 0;
    int common = common_i < common_j ? common_i : common_j;
    const Among& w = v[static_cast<size_t>(k)];
    for (int i2 = common; i2 < static_cast<int>(w.s.size()); ++i2) {
      if (c + common == l) {
        diff = -1;
        break;
      }
      diff = unit(c + common) - w.s[static_cast<size_t>(i2)];
      if (diff != 0) break;
      ++common;
    }
    if (diff < 0) {
      j = k;
      common_j = common;
    } else {
      i = k;
      common_i = common;
    }
    if (j - i <= 1) {
      if (i > 0 || j == i || first_key_inspected) break;
      first_key_inspected = true;
    }
  }
  for (;;) {
    const Among& w = v[static_cast<size_t>(i)];
    if (common_i >= static_cast<int>(w.s.size())) {
      cursor = c + static_cast<int>(w.s.size());
      return w.result;
    }
    i = w.substring_i;
    if (i < 0) return 0;
  }
}

int SnowballProgram::find_among_b(std::span<const Among> v) {
  int i = 0;
  int j = static_cast<int>(v.size());
  const int c = cursor;
  const int lb = limit_backward;
  int common_i = 0;
  int common_j = 0;
  bool first_key_inspected = false;
  for (;;) {
    const int k = i + ((j - i) >> 1);
    int diff = 0;
    int common = common_i < common_j ? common_i : common_j;
    const Among& w = v[static_cast<size_t>(k)];
    for (int i2 = static_cast<int>(w.s.size()) - 1 - common; i2 >= 0; --i2) {
      if (c - common == lb) {
        diff = -1;
        break;
      }
      diff = unit(c - 1 - common) - w.s[static_cast<size_t>(i2)];
      if (diff != 0) break;
      ++common;
    }
    if (diff < 0) {
      j = k;
      common_j = common;
    } else {
      i = k;
      common_i = common;
    }
    if (j - i <= 1) {
      if (i > 0 || j == i || first_key_inspected) break;
      first_key_inspected = true;
    }
  }
  for (;;) {
    const Among& w = v[static_cast<size_t>(i)];
    if (common_i >= static_cast<int>(w.s.size())) {
      cursor = c - static_cast<int>(w.s.size());
      return w.result;
    }
    i = w.substring_i;
    if (i < 0) return 0;
  }
}

int SnowballProgram::replace_s(int c_bra, int c_ket, std::u16string_view s) {
  const int adjustment = static_cast<int>(s.size()) - (c_ket - c_bra);
  current_.replace(static_cast<size_t>(c_bra), static_cast<size_t>(c_ket - c_bra), s);
  limit += adjustment;
  if (cursor >= c_ket) {
    cursor += adjustment;
  } else if (cursor > c_bra) {
    cursor = c_bra;
  }
  return adjustment;
}

void SnowballProgram::slice_from(std::u16string_view s) {
  // The JavaScript throws "faulty slice operation" here; the ported
  // stemmers never reach that state.
  if (bra < 0 || bra > ket || ket > limit || limit > static_cast<int>(current_.size())) return;
  replace_s(bra, ket, s);
}

}  // namespace agora
