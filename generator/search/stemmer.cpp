#include "search/stemmer.h"

#include <array>
#include <cstdint>

#include "search/utf16.h"

namespace agora {
namespace {

// lunr builds its stemmer from regular expressions; each is replaced here by
// a direct test with the same matching semantics (lazy ".+?" prefixes mean
// "the longest listed suffix that leaves at least one unit before it").

template <typename Ch>
bool is_vowel(Ch c) {  // [aeiou]
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

template <typename Ch>
bool is_vowel_y(Ch c) {  // [aeiouy]
  return is_vowel(c) || c == 'y';
}

// The measure patterns are sequences of blocks anchored at the start:
//   C = [^aeiou][^aeiouy]*   V = [aeiouy][aeiou]*
// Block kinds for the tiny backtracking matcher below.
enum class Block : uint8_t { kC, kV, kOptC, kOptV, kSingleV };

template <typename Ch>
bool match_blocks(std::basic_string_view<Ch> w, size_t pos, const Block* blocks, size_t count,
                  bool anchor_end) {
  if (count == 0) return !anchor_end || pos == w.size();
  const Block b = blocks[0];
  if (b == Block::kOptC || b == Block::kOptV) {
    if (match_blocks(w, pos, blocks + 1, count - 1, anchor_end)) return true;
  }
  if (pos >= w.size()) return false;
  const bool consonant = b == Block::kC || b == Block::kOptC;
  if (consonant ? is_vowel(w[pos]) : !is_vowel_y(w[pos])) return false;
  if (b == Block::kSingleV) return match_blocks(w, pos + 1, blocks + 1, count - 1, anchor_end);
  // Greedy run, then back off one unit at a time.
  size_t end = pos + 1;
  while (end < w.size() && (consonant ? !is_vowel_y(w[end]) : is_vowel(w[end]))) ++end;
  for (size_t stop = end; stop > pos; --stop) {
    if (match_blocks(w, stop, blocks + 1, count - 1, anchor_end)) return true;
  }
  return false;
}

template <typename Ch, size_t N>
bool matches(std::basic_string_view<Ch> w, const std::array<Block, N>& blocks,
             bool anchor_end = false) {
  return match_blocks(w, 0, blocks.data(), N, anchor_end);
}

constexpr std::array<Block, 3> kMgr0 = {Block::kOptC, Block::kV, Block::kC};
constexpr std::array<Block, 4> kMeq1 = {Block::kOptC, Block::kV, Block::kC, Block::kOptV};
constexpr std::array<Block, 5> kMgr1 = {Block::kOptC, Block::kV, Block::kC, Block::kV, Block::kC};
constexpr std::array<Block, 2> kSv = {Block::kOptC, Block::kSingleV};

template <typename Ch>
bool mgr0(std::basic_string_view<Ch> w) {
  return matches(w, kMgr0);
}
template <typename Ch>
bool mgr1(std::basic_string_view<Ch> w) {
  return matches(w, kMgr1);
}
template <typename Ch>
bool meq1(std::basic_string_view<Ch> w) {
  return matches(w, kMeq1, true);
}
template <typename Ch>
bool has_vowel(std::basic_string_view<Ch> w) {
  return matches(w, kSv);
}

// ^C v [^aeiouwxy]$ (re4_1b_2 and re3_5).
template <typename Ch>
bool is_cvc(std::basic_string_view<Ch> w) {
  if (w.size() < 3 || is_vowel(w[0])) return false;
  size_t i = 1;
  while (i < w.size() && !is_vowel_y(w[i])) ++i;
  // The C run is greedy and cannot give units back: what follows it must be
  // exactly one vowel and one final unit.
  if (i + 2 != w.size()) return false;
  const Ch last = w[i + 1];
  return is_vowel_y(w[i]) && !(is_vowel(last) || last == 'w' || last == 'x' || last == 'y');
}

template <typename Ch>
bool ends_with(const std::basic_string<Ch>& w, std::string_view suffix) {
  if (w.size() < suffix.size()) return false;
  // From the end: most candidate suffixes fail on the last letter.
  const size_t off = w.size() - suffix.size();
  for (size_t i = suffix.size(); i-- > 0;) {
    if (w[off + i] != static_cast<Ch>(static_cast<unsigned char>(suffix[i]))) return false;
  }
  return true;
}

template <typename Ch>
void append_ascii(std::basic_string<Ch>& w, std::string_view s) {
  for (char c : s) w.push_back(static_cast<Ch>(c));
}

struct SuffixRule {
  std::string_view suffix;
  std::string_view replacement;
};

constexpr std::array<SuffixRule, 21> kStep2 = {{
    {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
    {"bli", "ble"},     {"alli", "al"},     {"entli", "ent"}, {"eli", "e"},     {"ousli", "ous"},
    {"ization", "ize"}, {"ation", "ate"},   {"ator", "ate"},  {"alism", "al"},  {"iveness", "ive"},
    {"fulness", "ful"}, {"ousness", "ous"}, {"aliti", "al"},  {"iviti", "ive"}, {"biliti", "ble"},
    {"logi", "log"},
}};

constexpr std::array<SuffixRule, 7> kStep3 = {{
    {"icate", "ic"},
    {"ative", ""},
    {"alize", "al"},
    {"iciti", "ic"},
    {"ical", "ic"},
    {"ful", ""},
    {"ness", ""},
}};

constexpr std::array<std::string_view, 18> kStep4 = {"al",   "ance", "ence",  "er",   "ic",  "able",
                                                     "ible", "ant",  "ement", "ment", "ent", "ou",
                                                     "ism",  "ate",  "iti",   "ous",  "ive", "ize"};

// ^(.+?)(alt1|alt2|...)$: the first alternative of the longest matching
// length, leaving a non-empty prefix. Returns its index or -1.
template <typename Ch, typename Rules, typename SuffixOf>
int longest_suffix(const std::basic_string<Ch>& w, const Rules& rules, SuffixOf suffix_of) {
  int best = -1;
  size_t best_len = 0;
  for (size_t i = 0; i < rules.size(); ++i) {
    const std::string_view s = suffix_of(rules[i]);
    if (s.size() > best_len && w.size() > s.size() && ends_with(w, s)) {
      best = static_cast<int>(i);
      best_len = s.size();
    }
  }
  return best;
}

template <typename Ch>
void porter_stem(std::basic_string<Ch>& w) {
  using View = std::basic_string_view<Ch>;
  if (w.size() < 3) return;

  // An initial y is a consonant: lunr upper-cases it so no vowel class
  // matches it, and restores it at the end.
  const bool first_y = w[0] == 'y';
  if (first_y) w[0] = 'Y';

  // Step 1a: (ss|i)es -> $1, else [^s]s -> drop s.
  if (w.size() >= 5 && ends_with(w, "sses")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 4 && ends_with(w, "ies")) {
    w.resize(w.size() - 2);
  } else if (w.size() >= 3 && w.back() == 's' && w[w.size() - 2] != 's') {
    w.pop_back();
  }

  // Step 1b.
  if (w.size() >= 4 && ends_with(w, "eed")) {
    if (mgr0(View(w).substr(0, w.size() - 3))) w.pop_back();
  } else {
    size_t cut = 0;
    if (w.size() >= 3 && ends_with(w, "ed"))
      cut = 2;
    else if (w.size() >= 4 && ends_with(w, "ing"))
      cut = 3;
    if (cut != 0 && has_vowel(View(w).substr(0, w.size() - cut))) {
      w.resize(w.size() - cut);
      const size_t n = w.size();
      const Ch last = w[n - 1];
      if (ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz")) {
        w.push_back('e');
      } else if (n >= 2 && last == w[n - 2] && !is_vowel_y(last) && last != 'l' && last != 's' &&
                 last != 'z') {
        w.pop_back();
      } else if (is_cvc(View(w))) {
        w.push_back('e');
      }
    }
  }

  // Step 1c: ^(.+?[^aeiou])y$ -> $1i.
  if (w.size() >= 3 && w.back() == 'y' && !is_vowel(w[w.size() - 2])) w.back() = 'i';

  // Steps 2 and 3: replace the suffix when the stem has m > 0.
  auto replace_step = [&w](const auto& rules) {
    const int i = longest_suffix(w, rules, [](const SuffixRule& r) { return r.suffix; });
    if (i < 0) return;
    const size_t stem_len = w.size() - rules[i].suffix.size();
    if (!mgr0(View(w).substr(0, stem_len))) return;
    w.resize(stem_len);
    append_ascii(w, rules[i].replacement);
  };
  replace_step(kStep2);
  replace_step(kStep3);

  // Step 4: drop the suffix when the stem has m > 1; (s|t)ion only when no
  // step 4 suffix matched at all.
  const int i4 = longest_suffix(w, kStep4, [](std::string_view s) { return s; });
  if (i4 >= 0) {
    const size_t stem_len = w.size() - kStep4[i4].size();
    if (mgr1(View(w).substr(0, stem_len))) w.resize(stem_len);
  } else if (w.size() >= 5 && ends_with(w, "ion") &&
             (w[w.size() - 4] == 's' || w[w.size() - 4] == 't')) {
    const size_t stem_len = w.size() - 3;
    if (mgr1(View(w).substr(0, stem_len))) w.resize(stem_len);
  }

  // Step 5: final e, then ll -> l.
  if (w.size() >= 2 && w.back() == 'e') {
    const View s = View(w).substr(0, w.size() - 1);
    if (mgr1(s) || (meq1(s) && !is_cvc(s))) w.pop_back();
  }
  if (ends_with(w, "ll") && mgr1(View(w))) w.pop_back();

  if (first_y) w[0] = 'y';
}

}  // namespace

std::u16string stem_units(std::u16string_view word) {
  std::u16string w(word);
  porter_stem(w);
  return w;
}

void stem_units_in_place(std::u16string& word) { porter_stem(word); }

void stem_ascii_in_place(std::string& word) { porter_stem(word); }

std::string stem(std::string_view word) {
  bool ascii = true;
  for (char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string w(word);
    porter_stem(w);
    return w;
  }
  return utf16_to_utf8(stem_units(utf8_to_utf16(word)));
}

}  // namespace agora
