// The Russian stemmer of lunr-languages 1.x (lunr.ru.js), ported routine by
// routine: an old Snowball Russian (no ё folding), with the package's hand
// edits (the habr* helpers). Kept as it is, since the browser runs the
// JavaScript on every query.
#include "search/languages/snowball.h"
#include "search/languages/stemmers.h"

namespace agora {
namespace {

// Tables from lunr.ru.js, in its order.
constexpr Among kA0[] = {{u"\u0432", -1, 1},
                         {u"\u0438\u0432", 0, 2},
                         {u"\u044B\u0432", 0, 2},
                         {u"\u0432\u0448\u0438", -1, 1},
                         {u"\u0438\u0432\u0448\u0438", 3, 2},
                         {u"\u044B\u0432\u0448\u0438", 3, 2},
                         {u"\u0432\u0448\u0438\u0441\u044C", -1, 1},
                         {u"\u0438\u0432\u0448\u0438\u0441\u044C", 6, 2},
                         {u"\u044B\u0432\u0448\u0438\u0441\u044C", 6, 2}};
constexpr Among kA1[] = {
    {u"\u0435\u0435", -1, 1},       {u"\u0438\u0435", -1, 1},       {u"\u043E\u0435", -1, 1},
    {u"\u044B\u0435", -1, 1},       {u"\u0438\u043C\u0438", -1, 1}, {u"\u044B\u043C\u0438", -1, 1},
    {u"\u0435\u0439", -1, 1},       {u"\u0438\u0439", -1, 1},       {u"\u043E\u0439", -1, 1},
    {u"\u044B\u0439", -1, 1},       {u"\u0435\u043C", -1, 1},       {u"\u0438\u043C", -1, 1},
    {u"\u043E\u043C", -1, 1},       {u"\u044B\u043C", -1, 1},       {u"\u0435\u0433\u043E", -1, 1},
    {u"\u043E\u0433\u043E", -1, 1}, {u"\u0435\u043C\u0443", -1, 1}, {u"\u043E\u043C\u0443", -1, 1},
    {u"\u0438\u0445", -1, 1},       {u"\u044B\u0445", -1, 1},       {u"\u0435\u044E", -1, 1},
    {u"\u043E\u044E", -1, 1},       {u"\u0443\u044E", -1, 1},       {u"\u044E\u044E", -1, 1},
    {u"\u0430\u044F", -1, 1},       {u"\u044F\u044F", -1, 1}};
constexpr Among kA2[] = {{u"\u0435\u043C", -1, 1},      {u"\u043D\u043D", -1, 1},
                         {u"\u0432\u0448", -1, 1},      {u"\u0438\u0432\u0448", 2, 2},
                         {u"\u044B\u0432\u0448", 2, 2}, {u"\u0449", -1, 1},
                         {u"\u044E\u0449", 5, 1},       {u"\u0443\u044E\u0449", 6, 2}};
constexpr Among kA3[] = {{u"\u0441\u044C", -1, 1}, {u"\u0441\u044F", -1, 1}};
constexpr Among kA4[] = {{u"\u043B\u0430", -1, 1},
                         {u"\u0438\u043B\u0430", 0, 2},
                         {u"\u044B\u043B\u0430", 0, 2},
                         {u"\u043D\u0430", -1, 1},
                         {u"\u0435\u043D\u0430", 3, 2},
                         {u"\u0435\u0442\u0435", -1, 1},
                         {u"\u0438\u0442\u0435", -1, 2},
                         {u"\u0439\u0442\u0435", -1, 1},
                         {u"\u0435\u0439\u0442\u0435", 7, 2},
                         {u"\u0443\u0439\u0442\u0435", 7, 2},
                         {u"\u043B\u0438", -1, 1},
                         {u"\u0438\u043B\u0438", 10, 2},
                         {u"\u044B\u043B\u0438", 10, 2},
                         {u"\u0439", -1, 1},
                         {u"\u0435\u0439", 13, 2},
                         {u"\u0443\u0439", 13, 2},
                         {u"\u043B", -1, 1},
                         {u"\u0438\u043B", 16, 2},
                         {u"\u044B\u043B", 16, 2},
                         {u"\u0435\u043C", -1, 1},
                         {u"\u0438\u043C", -1, 2},
                         {u"\u044B\u043C", -1, 2},
                         {u"\u043D", -1, 1},
                         {u"\u0435\u043D", 22, 2},
                         {u"\u043B\u043E", -1, 1},
                         {u"\u0438\u043B\u043E", 24, 2},
                         {u"\u044B\u043B\u043E", 24, 2},
                         {u"\u043D\u043E", -1, 1},
                         {u"\u0435\u043D\u043E", 27, 2},
                         {u"\u043D\u043D\u043E", 27, 1},
                         {u"\u0435\u0442", -1, 1},
                         {u"\u0443\u0435\u0442", 30, 2},
                         {u"\u0438\u0442", -1, 2},
                         {u"\u044B\u0442", -1, 2},
                         {u"\u044E\u0442", -1, 1},
                         {u"\u0443\u044E\u0442", 34, 2},
                         {u"\u044F\u0442", -1, 2},
                         {u"\u043D\u044B", -1, 1},
                         {u"\u0435\u043D\u044B", 37, 2},
                         {u"\u0442\u044C", -1, 1},
                         {u"\u0438\u0442\u044C", 39, 2},
                         {u"\u044B\u0442\u044C", 39, 2},
                         {u"\u0435\u0448\u044C", -1, 1},
                         {u"\u0438\u0448\u044C", -1, 2},
                         {u"\u044E", -1, 2},
                         {u"\u0443\u044E", 44, 2}};
constexpr Among kA5[] = {{u"\u0430", -1, 1},
                         {u"\u0435\u0432", -1, 1},
                         {u"\u043E\u0432", -1, 1},
                         {u"\u0435", -1, 1},
                         {u"\u0438\u0435", 3, 1},
                         {u"\u044C\u0435", 3, 1},
                         {u"\u0438", -1, 1},
                         {u"\u0435\u0438", 6, 1},
                         {u"\u0438\u0438", 6, 1},
                         {u"\u0430\u043C\u0438", 6, 1},
                         {u"\u044F\u043C\u0438", 6, 1},
                         {u"\u0438\u044F\u043C\u0438", 10, 1},
                         {u"\u0439", -1, 1},
                         {u"\u0435\u0439", 12, 1},
                         {u"\u0438\u0435\u0439", 13, 1},
                         {u"\u0438\u0439", 12, 1},
                         {u"\u043E\u0439", 12, 1},
                         {u"\u0430\u043C", -1, 1},
                         {u"\u0435\u043C", -1, 1},
                         {u"\u0438\u0435\u043C", 18, 1},
                         {u"\u043E\u043C", -1, 1},
                         {u"\u044F\u043C", -1, 1},
                         {u"\u0438\u044F\u043C", 21, 1},
                         {u"\u043E", -1, 1},
                         {u"\u0443", -1, 1},
                         {u"\u0430\u0445", -1, 1},
                         {u"\u044F\u0445", -1, 1},
                         {u"\u0438\u044F\u0445", 26, 1},
                         {u"\u044B", -1, 1},
                         {u"\u044C", -1, 1},
                         {u"\u044E", -1, 1},
                         {u"\u0438\u044E", 30, 1},
                         {u"\u044C\u044E", 30, 1},
                         {u"\u044F", -1, 1},
                         {u"\u0438\u044F", 33, 1},
                         {u"\u044C\u044F", 33, 1}};
constexpr Among kA6[] = {{u"\u043E\u0441\u0442", -1, 1}, {u"\u043E\u0441\u0442\u044C", -1, 1}};
constexpr Among kA7[] = {{u"\u0435\u0439\u0448\u0435", -1, 1},
                         {u"\u043D", -1, 2},
                         {u"\u0435\u0439\u0448", -1, 1},
                         {u"\u044C", -1, 3}};
constexpr uint8_t kVowels[] = {33, 65, 8, 232};

class RussianStemmer {
 public:
  explicit RussianStemmer(std::u16string& word) : sbp_(word) {}

  void stem() {
    mark_regions();
    sbp_.cursor = sbp_.limit;
    if (sbp_.cursor < pV_) return;
    sbp_.limit_backward = pV_;
    if (!delete_among_after_a(kA0)) {  // perfective gerund
      sbp_.cursor = sbp_.limit;
      if (!delete_among(kA3)) sbp_.cursor = sbp_.limit;  // reflexive
      if (!adjectival()) {
        sbp_.cursor = sbp_.limit;
        if (!delete_among_after_a(kA4)) {  // verb
          sbp_.cursor = sbp_.limit;
          delete_among(kA5);  // noun
        }
      }
    }
    sbp_.cursor = sbp_.limit;
    sbp_.ket = sbp_.cursor;
    if (sbp_.eq_s_b(u"\u0438")) {
      sbp_.bra = sbp_.cursor;
      sbp_.slice_del();
    } else {
      sbp_.cursor = sbp_.limit;
    }
    derivational();
    sbp_.cursor = sbp_.limit;
    tidy_up();
  }

 private:
  bool R2() const { return p2_ <= sbp_.cursor; }

  // habr3 and habr4: gopast a vowel / a non-vowel.
  bool go_past_vowel() {
    while (!sbp_.in_grouping(kVowels, 1072, 1103)) {
      if (sbp_.cursor >= sbp_.limit) return false;
      ++sbp_.cursor;
    }
    return true;
  }
  bool go_past_non_vowel() {
    while (!sbp_.out_grouping(kVowels, 1072, 1103)) {
      if (sbp_.cursor >= sbp_.limit) return false;
      ++sbp_.cursor;
    }
    return true;
  }

  void mark_regions() {
    pV_ = sbp_.limit;
    p2_ = pV_;
    if (go_past_vowel()) {
      pV_ = sbp_.cursor;
      if (go_past_non_vowel() && go_past_vowel() && go_past_non_vowel()) p2_ = sbp_.cursor;
    }
  }

  // habr2: an entry of `among`; result 1 needs а or я before it. Deletes it.
  bool delete_among_after_a(std::span<const Among> among) {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(among);
    if (among_var == 0) return false;
    sbp_.bra = sbp_.cursor;
    if (among_var == 1) {
      const int v_1 = sbp_.limit - sbp_.cursor;
      if (!sbp_.eq_s_b(u"\u0430")) {
        sbp_.cursor = sbp_.limit - v_1;
        if (!sbp_.eq_s_b(u"\u044F")) return false;
      }
    }
    if (among_var == 1 || among_var == 2) sbp_.slice_del();
    return true;
  }

  // habr1: an entry of `among`, deleted when its result is 1.
  bool delete_among(std::span<const Among> among) {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(among);
    if (among_var == 0) return false;
    sbp_.bra = sbp_.cursor;
    if (among_var == 1) sbp_.slice_del();
    return true;
  }

  bool adjectival() {
    if (!delete_among(kA1)) return false;  // adjective
    delete_among_after_a(kA2);             // participle
    return true;
  }

  void derivational() {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA6);
    if (among_var == 0) return;
    sbp_.bra = sbp_.cursor;
    if (R2() && among_var == 1) sbp_.slice_del();
  }

  void tidy_up() {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA7);
    if (among_var == 0) return;
    sbp_.bra = sbp_.cursor;
    // The JavaScript's switch falls through from case 1 to 2 to 3.
    if (among_var == 1) {
      sbp_.slice_del();
      sbp_.ket = sbp_.cursor;
      if (!sbp_.eq_s_b(u"\u043D")) return;
      sbp_.bra = sbp_.cursor;
    }
    if (among_var == 1 || among_var == 2) {
      if (!sbp_.eq_s_b(u"\u043D")) return;
    }
    if (among_var >= 1 && among_var <= 3) sbp_.slice_del();
  }

  SnowballProgram sbp_;
  int p2_ = 0;
  int pV_ = 0;
};

}  // namespace

void stem_russian(std::u16string& word) { RussianStemmer(word).stem(); }

}  // namespace agora
