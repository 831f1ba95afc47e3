#include "util/suggest.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace agora {

// Optimal string alignment: a swap of two neighbours ("itme" for "item"),
// the commonest typo, costs one edit, not two.
size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t subst = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

namespace {

// Two-byte UTF-8 sequences for Latin-1 and Latin Extended-A letters, folded to
// their ASCII base letter. Enough for the names contributors type.
const char* fold_latin(uint32_t cp) {
  static const std::pair<uint32_t, const char*> kFolds[] = {
      {0xC0, "a"},  {0xC1, "a"},  {0xC2, "a"},  {0xC3, "a"},  {0xC4, "a"},   {0xC5, "a"},
      {0xC6, "ae"}, {0xC7, "c"},  {0xC8, "e"},  {0xC9, "e"},  {0xCA, "e"},   {0xCB, "e"},
      {0xCC, "i"},  {0xCD, "i"},  {0xCE, "i"},  {0xCF, "i"},  {0xD0, "d"},   {0xD1, "n"},
      {0xD2, "o"},  {0xD3, "o"},  {0xD4, "o"},  {0xD5, "o"},  {0xD6, "o"},   {0xD8, "o"},
      {0xD9, "u"},  {0xDA, "u"},  {0xDB, "u"},  {0xDC, "u"},  {0xDD, "y"},   {0xDE, "th"},
      {0xDF, "ss"}, {0xE0, "a"},  {0xE1, "a"},  {0xE2, "a"},  {0xE3, "a"},   {0xE4, "a"},
      {0xE5, "a"},  {0xE6, "ae"}, {0xE7, "c"},  {0xE8, "e"},  {0xE9, "e"},   {0xEA, "e"},
      {0xEB, "e"},  {0xEC, "i"},  {0xED, "i"},  {0xEE, "i"},  {0xEF, "i"},   {0xF0, "d"},
      {0xF1, "n"},  {0xF2, "o"},  {0xF3, "o"},  {0xF4, "o"},  {0xF5, "o"},   {0xF6, "o"},
      {0xF8, "o"},  {0xF9, "u"},  {0xFA, "u"},  {0xFB, "u"},  {0xFC, "u"},   {0xFD, "y"},
      {0xFE, "th"}, {0xFF, "y"},  {0x141, "l"}, {0x142, "l"}, {0x152, "oe"}, {0x153, "oe"},
      {0x160, "s"}, {0x161, "s"}, {0x17D, "z"}, {0x17E, "z"}, {0x106, "c"},  {0x107, "c"},
      {0x10C, "c"}, {0x10D, "c"}, {0x118, "e"}, {0x119, "e"}, {0x11A, "e"},  {0x11B, "e"},
      {0x143, "n"}, {0x144, "n"}, {0x147, "n"}, {0x148, "n"}, {0x158, "r"},  {0x159, "r"},
      {0x15A, "s"}, {0x15B, "s"}, {0x15E, "s"}, {0x15F, "s"}, {0x162, "t"},  {0x163, "t"},
      {0x164, "t"}, {0x165, "t"}, {0x16E, "u"}, {0x16F, "u"}, {0x179, "z"},  {0x17A, "z"},
      {0x17B, "z"}, {0x17C, "z"}, {0x100, "a"}, {0x101, "a"}, {0x102, "a"},  {0x103, "a"},
      {0x104, "a"}, {0x105, "a"}, {0x11E, "g"}, {0x11F, "g"}, {0x130, "i"},  {0x131, "i"},
  };
  for (const auto& [code, ascii] : kFolds) {
    if (code == cp) return ascii;
  }
  return nullptr;
}

}  // namespace

std::string fold_for_matching(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    if ((c & 0xE0) == 0xC0 && i + 1 < s.size()) {
      uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      if (const char* ascii = fold_latin(cp)) {
        out += ascii;
        ++i;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::string folded = fold_for_matching(word);
  std::string best;
  size_t best_distance = SIZE_MAX;
  for (const auto& candidate : candidates) {
    size_t d = edit_distance(folded, fold_for_matching(candidate));
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  size_t limit = std::max<size_t>(2, folded.size() / 3);
  return best_distance <= limit ? best : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : "did you mean '" + match + "'?";
}

}  // namespace agora
