// The French stemmer of lunr-languages 1.x (lunr.fr.js), ported routine by
// routine. It is the Snowball French algorithm as an older Snowball
// compiler generated it, hand-edited there (the habr* helpers), and
// differs from today's libstemmer: keep it as it is, quirks included,
// since the browser runs the JavaScript on every query.
#include "search/languages/snowball.h"
#include "search/languages/stemmers.h"

namespace agora {
namespace {

// Tables from lunr.fr.js, in its order.
constexpr Among kA0[] = {{u"col", -1, -1}, {u"par", -1, -1}, {u"tap", -1, -1}};
constexpr Among kA1[] = {{u"", -1, 4}, {u"I", 0, 1}, {u"U", 0, 2}, {u"Y", 0, 3}};
constexpr Among kA2[] = {{u"iqU", -1, 3},      {u"abl", -1, 3}, {u"I\u00E8r", -1, 4},
                         {u"i\u00E8r", -1, 4}, {u"eus", -1, 2}, {u"iv", -1, 1}};
constexpr Among kA3[] = {{u"ic", -1, 2}, {u"abil", -1, 1}, {u"iv", -1, 3}};
constexpr Among kA4[] = {
    {u"iqUe", -1, 1},       {u"atrice", -1, 2},    {u"ance", -1, 1},    {u"ence", -1, 5},
    {u"logie", -1, 3},      {u"able", -1, 1},      {u"isme", -1, 1},    {u"euse", -1, 11},
    {u"iste", -1, 1},       {u"ive", -1, 8},       {u"if", -1, 8},      {u"usion", -1, 4},
    {u"ation", -1, 2},      {u"ution", -1, 4},     {u"ateur", -1, 2},   {u"iqUes", -1, 1},
    {u"atrices", -1, 2},    {u"ances", -1, 1},     {u"ences", -1, 5},   {u"logies", -1, 3},
    {u"ables", -1, 1},      {u"ismes", -1, 1},     {u"euses", -1, 11},  {u"istes", -1, 1},
    {u"ives", -1, 8},       {u"ifs", -1, 8},       {u"usions", -1, 4},  {u"ations", -1, 2},
    {u"utions", -1, 4},     {u"ateurs", -1, 2},    {u"ments", -1, 15},  {u"ements", 30, 6},
    {u"issements", 31, 12}, {u"it\u00E9s", -1, 7}, {u"ment", -1, 15},   {u"ement", 34, 6},
    {u"issement", 35, 12},  {u"amment", 34, 13},   {u"emment", 34, 14}, {u"aux", -1, 10},
    {u"eaux", 39, 9},       {u"eux", -1, 1},       {u"it\u00E9", -1, 7}};
constexpr Among kA5[] = {
    {u"ira", -1, 1},       {u"ie", -1, 1},        {u"isse", -1, 1},     {u"issante", -1, 1},
    {u"i", -1, 1},         {u"irai", 4, 1},       {u"ir", -1, 1},       {u"iras", -1, 1},
    {u"ies", -1, 1},       {u"\u00EEmes", -1, 1}, {u"isses", -1, 1},    {u"issantes", -1, 1},
    {u"\u00EEtes", -1, 1}, {u"is", -1, 1},        {u"irais", 13, 1},    {u"issais", 13, 1},
    {u"irions", -1, 1},    {u"issions", -1, 1},   {u"irons", -1, 1},    {u"issons", -1, 1},
    {u"issants", -1, 1},   {u"it", -1, 1},        {u"irait", 21, 1},    {u"issait", 21, 1},
    {u"issant", -1, 1},    {u"iraIent", -1, 1},   {u"issaIent", -1, 1}, {u"irent", -1, 1},
    {u"issent", -1, 1},    {u"iront", -1, 1},     {u"\u00EEt", -1, 1},  {u"iriez", -1, 1},
    {u"issiez", -1, 1},    {u"irez", -1, 1},      {u"issez", -1, 1}};
constexpr Among kA6[] = {
    {u"a", -1, 3},          {u"era", 0, 2},        {u"asse", -1, 3},      {u"ante", -1, 3},
    {u"\u00E9e", -1, 2},    {u"ai", -1, 3},        {u"erai", 5, 2},       {u"er", -1, 2},
    {u"as", -1, 3},         {u"eras", 8, 2},       {u"\u00E2mes", -1, 3}, {u"asses", -1, 3},
    {u"antes", -1, 3},      {u"\u00E2tes", -1, 3}, {u"\u00E9es", -1, 2},  {u"ais", -1, 3},
    {u"erais", 15, 2},      {u"ions", -1, 1},      {u"erions", 17, 2},    {u"assions", 17, 3},
    {u"erons", -1, 2},      {u"ants", -1, 3},      {u"\u00E9s", -1, 2},   {u"ait", -1, 3},
    {u"erait", 23, 2},      {u"ant", -1, 3},       {u"aIent", -1, 3},     {u"eraIent", 26, 2},
    {u"\u00E8rent", -1, 2}, {u"assent", -1, 3},    {u"eront", -1, 2},     {u"\u00E2t", -1, 3},
    {u"ez", -1, 2},         {u"iez", 32, 2},       {u"eriez", 33, 2},     {u"assiez", 33, 3},
    {u"erez", 32, 2},       {u"\u00E9", -1, 2}};
constexpr Among kA7[] = {{u"e", -1, 3},     {u"I\u00E8re", 0, 2}, {u"i\u00E8re", 0, 2},
                         {u"ion", -1, 1},   {u"Ier", -1, 2},      {u"ier", -1, 2},
                         {u"\u00EB", -1, 4}};
constexpr Among kA8[] = {
    {u"ell", -1, -1}, {u"eill", -1, -1}, {u"enn", -1, -1}, {u"onn", -1, -1}, {u"ett", -1, -1}};
constexpr uint8_t kVowels[] = {17, 65, 16, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128, 130, 103, 8, 5};
constexpr uint8_t kKeepWithS[] = {1, 65, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 128};

class FrenchStemmer {
 public:
  explicit FrenchStemmer(std::u16string& word) : sbp_(word) {}

  void stem() {
    const int v_1 = sbp_.cursor;
    prelude();
    sbp_.cursor = v_1;
    mark_regions();
    sbp_.limit_backward = v_1;
    sbp_.cursor = sbp_.limit;
    suffixes();
    sbp_.cursor = sbp_.limit;
    un_double();
    sbp_.cursor = sbp_.limit;
    un_accent();
    sbp_.cursor = sbp_.limit_backward;
    // The postlude only turns I, U and Y back into i, u and y; without
    // them it would walk the word for nothing.
    if (sbp_.current().find_first_of(u"IUY") != std::u16string::npos) postlude();
  }

 private:
  bool vowel() { return sbp_.in_grouping(kVowels, 97, 251); }
  bool non_vowel() { return sbp_.out_grouping(kVowels, 97, 251); }
  bool RV() const { return pV_ <= sbp_.cursor; }
  bool R1() const { return p1_ <= sbp_.cursor; }
  bool R2() const { return p2_ <= sbp_.cursor; }

  // habr1: c1 followed by a vowel becomes c2.
  bool mark_before_vowel(std::u16string_view c1, std::u16string_view c2, int v_1) {
    if (sbp_.eq_s(c1)) {
      sbp_.ket = sbp_.cursor;
      if (vowel()) {
        sbp_.slice_from(c2);
        sbp_.cursor = v_1;
        return true;
      }
    }
    return false;
  }

  // habr2: c1 becomes c2.
  bool mark(std::u16string_view c1, std::u16string_view c2, int v_1) {
    if (sbp_.eq_s(c1)) {
      sbp_.ket = sbp_.cursor;
      sbp_.slice_from(c2);
      sbp_.cursor = v_1;
      return true;
    }
    return false;
  }

  void prelude() {
    for (;;) {
      const int v_1 = sbp_.cursor;
      if (vowel()) {
        sbp_.bra = sbp_.cursor;
        const int v_2 = sbp_.cursor;
        if (mark_before_vowel(u"u", u"U", v_1)) continue;
        sbp_.cursor = v_2;
        if (mark_before_vowel(u"i", u"I", v_1)) continue;
        sbp_.cursor = v_2;
        if (mark(u"y", u"Y", v_1)) continue;
      }
      sbp_.cursor = v_1;
      sbp_.bra = v_1;
      if (!mark_before_vowel(u"y", u"Y", v_1)) {
        sbp_.cursor = v_1;
        if (sbp_.eq_s(u"q")) {
          sbp_.bra = sbp_.cursor;
          if (mark(u"u", u"U", v_1)) continue;
        }
        sbp_.cursor = v_1;
        if (v_1 >= sbp_.limit) return;
        ++sbp_.cursor;
      }
    }
  }

  // habr3: gopast vowel, gopast non-vowel; true when either runs out.
  bool skip_vowel_then_non_vowel() {
    while (!vowel()) {
      if (sbp_.cursor >= sbp_.limit) return true;
      ++sbp_.cursor;
    }
    while (!non_vowel()) {
      if (sbp_.cursor >= sbp_.limit) return true;
      ++sbp_.cursor;
    }
    return false;
  }

  void mark_regions() {
    const int v_1 = sbp_.cursor;
    pV_ = sbp_.limit;
    p1_ = pV_;
    p2_ = pV_;
    if (vowel() && vowel() && sbp_.cursor < sbp_.limit) {
      ++sbp_.cursor;
    } else {
      sbp_.cursor = v_1;
      if (sbp_.find_among(kA0) == 0) {
        sbp_.cursor = v_1;
        do {
          if (sbp_.cursor >= sbp_.limit) {
            sbp_.cursor = pV_;
            break;
          }
          ++sbp_.cursor;
        } while (!vowel());
      }
    }
    pV_ = sbp_.cursor;
    sbp_.cursor = v_1;
    if (!skip_vowel_then_non_vowel()) {
      p1_ = sbp_.cursor;
      if (!skip_vowel_then_non_vowel()) p2_ = sbp_.cursor;
    }
  }

  void postlude() {
    for (;;) {
      sbp_.bra = sbp_.cursor;
      const int among_var = sbp_.find_among(kA1);
      if (among_var == 0) break;
      sbp_.ket = sbp_.cursor;
      switch (among_var) {
        case 1:
          sbp_.slice_from(u"i");
          break;
        case 2:
          sbp_.slice_from(u"u");
          break;
        case 3:
          sbp_.slice_from(u"y");
          break;
        case 4:
          if (sbp_.cursor >= sbp_.limit) return;
          ++sbp_.cursor;
          break;
      }
    }
  }

  // ['ic'] (R2 delete or <- replacement), the tail of several cases.
  void ic_or(std::u16string_view replacement) {
    sbp_.ket = sbp_.cursor;
    if (sbp_.eq_s_b(u"ic")) {
      sbp_.bra = sbp_.cursor;
      if (!R2()) {
        sbp_.slice_from(replacement);
      } else {
        sbp_.slice_del();
      }
    }
  }

  void after_ement() {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA2);
    if (among_var == 0) return;
    sbp_.bra = sbp_.cursor;
    switch (among_var) {
      case 1:
        if (R2()) {
          sbp_.slice_del();
          sbp_.ket = sbp_.cursor;
          if (sbp_.eq_s_b(u"at")) {
            sbp_.bra = sbp_.cursor;
            if (R2()) sbp_.slice_del();
          }
        }
        break;
      case 2:
        if (R2()) {
          sbp_.slice_del();
        } else if (R1()) {
          sbp_.slice_from(u"eux");
        }
        break;
      case 3:
        if (R2()) sbp_.slice_del();
        break;
      case 4:
        if (RV()) sbp_.slice_from(u"i");
        break;
    }
  }

  void after_ite() {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA3);
    if (among_var == 0) return;
    sbp_.bra = sbp_.cursor;
    switch (among_var) {
      case 1:
        if (R2()) {
          sbp_.slice_del();
        } else {
          sbp_.slice_from(u"abl");
        }
        break;
      case 2:
        if (R2()) {
          sbp_.slice_del();
        } else {
          sbp_.slice_from(u"iqU");
        }
        break;
      case 3:
        if (R2()) sbp_.slice_del();
        break;
    }
  }

  void after_if() {
    sbp_.ket = sbp_.cursor;
    if (sbp_.eq_s_b(u"at")) {
      sbp_.bra = sbp_.cursor;
      if (R2()) {
        sbp_.slice_del();
        sbp_.ket = sbp_.cursor;
        if (sbp_.eq_s_b(u"ic")) {
          sbp_.bra = sbp_.cursor;
          if (R2()) {
            sbp_.slice_del();
          } else {
            sbp_.slice_from(u"iqU");
          }
        }
      }
    }
  }

  bool standard_suffix() {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA4);
    if (among_var == 0) return false;
    sbp_.bra = sbp_.cursor;
    switch (among_var) {
      case 1:
        if (!R2()) return false;
        sbp_.slice_del();
        break;
      case 2:
        if (!R2()) return false;
        sbp_.slice_del();
        ic_or(u"iqU");
        break;
      case 3:
        if (!R2()) return false;
        sbp_.slice_from(u"log");
        break;
      case 4:
        if (!R2()) return false;
        sbp_.slice_from(u"u");
        break;
      case 5:
        if (!R2()) return false;
        sbp_.slice_from(u"ent");
        break;
      case 6:
        if (!RV()) return false;
        sbp_.slice_del();
        after_ement();
        break;
      case 7:
        if (!R2()) return false;
        sbp_.slice_del();
        after_ite();
        break;
      case 8:
        if (!R2()) return false;
        sbp_.slice_del();
        after_if();
        break;
      case 9:
        sbp_.slice_from(u"eau");
        break;
      case 10:
        if (!R1()) return false;
        sbp_.slice_from(u"al");
        break;
      case 11:
        if (R2()) {
          sbp_.slice_del();
        } else if (!R1()) {
          return false;
        } else {
          sbp_.slice_from(u"eux");
        }
        break;
      case 12:
        if (!R1() || !sbp_.out_grouping_b(kVowels, 97, 251)) return false;
        sbp_.slice_del();
        break;
      case 13:
        if (RV()) sbp_.slice_from(u"ant");
        return false;
      case 14:
        if (RV()) sbp_.slice_from(u"ent");
        return false;
      case 15: {
        const int v_1 = sbp_.limit - sbp_.cursor;
        if (sbp_.in_grouping_b(kVowels, 97, 251) && RV()) {
          sbp_.cursor = sbp_.limit - v_1;
          sbp_.slice_del();
        }
        return false;
      }
    }
    return true;
  }

  bool i_verb_suffix() {
    if (sbp_.cursor < pV_) return false;
    const int v_1 = sbp_.limit_backward;
    sbp_.limit_backward = pV_;
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA5);
    if (among_var == 0) {
      sbp_.limit_backward = v_1;
      return false;
    }
    sbp_.bra = sbp_.cursor;
    if (among_var == 1) {
      if (!sbp_.out_grouping_b(kVowels, 97, 251)) {
        sbp_.limit_backward = v_1;
        return false;
      }
      sbp_.slice_del();
    }
    sbp_.limit_backward = v_1;
    return true;
  }

  bool verb_suffix() {
    if (sbp_.cursor < pV_) return false;
    const int v_2 = sbp_.limit_backward;
    sbp_.limit_backward = pV_;
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA6);
    if (among_var == 0) {
      sbp_.limit_backward = v_2;
      return false;
    }
    sbp_.bra = sbp_.cursor;
    switch (among_var) {
      case 1:
        if (!R2()) {
          sbp_.limit_backward = v_2;
          return false;
        }
        sbp_.slice_del();
        break;
      case 2:
        sbp_.slice_del();
        break;
      case 3: {
        sbp_.slice_del();
        const int v_3 = sbp_.limit - sbp_.cursor;
        sbp_.ket = sbp_.cursor;
        if (sbp_.eq_s_b(u"e")) {
          sbp_.bra = sbp_.cursor;
          sbp_.slice_del();
        } else {
          sbp_.cursor = sbp_.limit - v_3;
        }
        break;
      }
    }
    sbp_.limit_backward = v_2;
    return true;
  }

  void residual_suffix() {
    const int v_1 = sbp_.limit - sbp_.cursor;
    sbp_.ket = sbp_.cursor;
    if (sbp_.eq_s_b(u"s")) {
      sbp_.bra = sbp_.cursor;
      const int v_2 = sbp_.limit - sbp_.cursor;
      if (sbp_.out_grouping_b(kKeepWithS, 97, 232)) {
        sbp_.cursor = sbp_.limit - v_2;
        sbp_.slice_del();
      } else {
        sbp_.cursor = sbp_.limit - v_1;
      }
    } else {
      sbp_.cursor = sbp_.limit - v_1;
    }
    if (sbp_.cursor < pV_) return;
    const int v_4 = sbp_.limit_backward;
    sbp_.limit_backward = pV_;
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA7);
    if (among_var != 0) {
      sbp_.bra = sbp_.cursor;
      switch (among_var) {
        case 1:
          if (R2()) {
            const int v_5 = sbp_.limit - sbp_.cursor;
            if (!sbp_.eq_s_b(u"s")) {
              sbp_.cursor = sbp_.limit - v_5;
              if (!sbp_.eq_s_b(u"t")) break;
            }
            sbp_.slice_del();
          }
          break;
        case 2:
          sbp_.slice_from(u"i");
          break;
        case 3:
          sbp_.slice_del();
          break;
        case 4:
          if (sbp_.eq_s_b(u"gu")) sbp_.slice_del();
          break;
      }
    }
    sbp_.limit_backward = v_4;
  }

  void un_double() {
    const int v_1 = sbp_.limit - sbp_.cursor;
    if (sbp_.find_among_b(kA8) != 0) {
      sbp_.cursor = sbp_.limit - v_1;
      sbp_.ket = sbp_.cursor;
      if (sbp_.cursor > sbp_.limit_backward) {
        --sbp_.cursor;
        sbp_.bra = sbp_.cursor;
        sbp_.slice_del();
      }
    }
  }

  void un_accent() {
    int v_2 = 1;
    while (sbp_.out_grouping_b(kVowels, 97, 251)) --v_2;
    if (v_2 > 0) return;
    sbp_.ket = sbp_.cursor;
    const int v_1 = sbp_.limit - sbp_.cursor;
    if (!sbp_.eq_s_b(u"\u00E9")) {
      sbp_.cursor = sbp_.limit - v_1;
      if (!sbp_.eq_s_b(u"\u00E8")) return;
    }
    sbp_.bra = sbp_.cursor;
    sbp_.slice_from(u"e");
  }

  // habr5: the suffix steps, then Y -> i or ç -> c after a removal.
  void suffixes() {
    if (!standard_suffix()) {
      sbp_.cursor = sbp_.limit;
      if (!i_verb_suffix()) {
        sbp_.cursor = sbp_.limit;
        if (!verb_suffix()) {
          sbp_.cursor = sbp_.limit;
          residual_suffix();
          return;
        }
      }
    }
    sbp_.cursor = sbp_.limit;
    sbp_.ket = sbp_.cursor;
    if (sbp_.eq_s_b(u"Y")) {
      sbp_.bra = sbp_.cursor;
      sbp_.slice_from(u"i");
    } else {
      sbp_.cursor = sbp_.limit;
      if (sbp_.eq_s_b(u"\u00E7")) {
        sbp_.bra = sbp_.cursor;
        sbp_.slice_from(u"c");
      }
    }
  }

  SnowballProgram sbp_;
  int p2_ = 0;
  int p1_ = 0;
  int pV_ = 0;
};

}  // namespace

void stem_french(std::u16string& word) { FrenchStemmer(word).stem(); }

}  // namespace agora
