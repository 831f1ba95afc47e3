// The Spanish stemmer of lunr-languages 1.x (lunr.es.js), ported routine by
// routine: the Snowball Spanish algorithm as an older Snowball compiler
// generated it, with the package's hand edits (the habr* helpers). Kept
// as it is, since the browser runs the JavaScript on every query.
#include "search/languages/snowball.h"
#include "search/languages/stemmers.h"

namespace agora {
namespace {

// Tables from lunr.es.js, in its order.
constexpr Among kA0[] = {{u"", -1, 6},      {u"\u00E1", 0, 1}, {u"\u00E9", 0, 2},
                         {u"\u00ED", 0, 3}, {u"\u00F3", 0, 4}, {u"\u00FA", 0, 5}};
constexpr Among kA1[] = {{u"la", -1, -1},   {u"sela", 0, -1}, {u"le", -1, -1},  {u"me", -1, -1},
                         {u"se", -1, -1},   {u"lo", -1, -1},  {u"selo", 5, -1}, {u"las", -1, -1},
                         {u"selas", 7, -1}, {u"les", -1, -1}, {u"los", -1, -1}, {u"selos", 10, -1},
                         {u"nos", -1, -1}};
constexpr Among kA2[] = {{u"ando", -1, 6},      {u"iendo", -1, 6},      {u"yendo", -1, 7},
                         {u"\u00E1ndo", -1, 2}, {u"i\u00E9ndo", -1, 1}, {u"ar", -1, 6},
                         {u"er", -1, 6},        {u"ir", -1, 6},         {u"\u00E1r", -1, 3},
                         {u"\u00E9r", -1, 4},   {u"\u00EDr", -1, 5}};
constexpr Among kA3[] = {{u"ic", -1, -1}, {u"ad", -1, -1}, {u"os", -1, -1}, {u"iv", -1, 1}};
constexpr Among kA4[] = {{u"able", -1, 1}, {u"ible", -1, 1}, {u"ante", -1, 1}};
constexpr Among kA5[] = {{u"ic", -1, 1}, {u"abil", -1, 1}, {u"iv", -1, 1}};
constexpr Among kA6[] = {
    {u"ica", -1, 1},         {u"ancia", -1, 2},   {u"encia", -1, 5},  {u"adora", -1, 2},
    {u"osa", -1, 1},         {u"ista", -1, 1},    {u"iva", -1, 9},    {u"anza", -1, 1},
    {u"log\u00EDa", -1, 3},  {u"idad", -1, 8},    {u"able", -1, 1},   {u"ible", -1, 1},
    {u"ante", -1, 2},        {u"mente", -1, 7},   {u"amente", 13, 6}, {u"aci\u00F3n", -1, 2},
    {u"uci\u00F3n", -1, 4},  {u"ico", -1, 1},     {u"ismo", -1, 1},   {u"oso", -1, 1},
    {u"amiento", -1, 1},     {u"imiento", -1, 1}, {u"ivo", -1, 9},    {u"ador", -1, 2},
    {u"icas", -1, 1},        {u"ancias", -1, 2},  {u"encias", -1, 5}, {u"adoras", -1, 2},
    {u"osas", -1, 1},        {u"istas", -1, 1},   {u"ivas", -1, 9},   {u"anzas", -1, 1},
    {u"log\u00EDas", -1, 3}, {u"idades", -1, 8},  {u"ables", -1, 1},  {u"ibles", -1, 1},
    {u"aciones", -1, 2},     {u"uciones", -1, 4}, {u"adores", -1, 2}, {u"antes", -1, 2},
    {u"icos", -1, 1},        {u"ismos", -1, 1},   {u"osos", -1, 1},   {u"amientos", -1, 1},
    {u"imientos", -1, 1},    {u"ivos", -1, 9}};
constexpr Among kA7[] = {{u"ya", -1, 1},   {u"ye", -1, 1},    {u"yan", -1, 1},
                         {u"yen", -1, 1},  {u"yeron", -1, 1}, {u"yendo", -1, 1},
                         {u"yo", -1, 1},   {u"yas", -1, 1},   {u"yes", -1, 1},
                         {u"yais", -1, 1}, {u"yamos", -1, 1}, {u"y\u00F3", -1, 1}};
constexpr Among kA8[] = {
    {u"aba", -1, 2},          {u"ada", -1, 2},          {u"ida", -1, 2},
    {u"ara", -1, 2},          {u"iera", -1, 2},         {u"\u00EDa", -1, 2},
    {u"ar\u00EDa", 5, 2},     {u"er\u00EDa", 5, 2},     {u"ir\u00EDa", 5, 2},
    {u"ad", -1, 2},           {u"ed", -1, 2},           {u"id", -1, 2},
    {u"ase", -1, 2},          {u"iese", -1, 2},         {u"aste", -1, 2},
    {u"iste", -1, 2},         {u"an", -1, 2},           {u"aban", 16, 2},
    {u"aran", 16, 2},         {u"ieran", 16, 2},        {u"\u00EDan", 16, 2},
    {u"ar\u00EDan", 20, 2},   {u"er\u00EDan", 20, 2},   {u"ir\u00EDan", 20, 2},
    {u"en", -1, 1},           {u"asen", 24, 2},         {u"iesen", 24, 2},
    {u"aron", -1, 2},         {u"ieron", -1, 2},        {u"ar\u00E1n", -1, 2},
    {u"er\u00E1n", -1, 2},    {u"ir\u00E1n", -1, 2},    {u"ado", -1, 2},
    {u"ido", -1, 2},          {u"ando", -1, 2},         {u"iendo", -1, 2},
    {u"ar", -1, 2},           {u"er", -1, 2},           {u"ir", -1, 2},
    {u"as", -1, 2},           {u"abas", 39, 2},         {u"adas", 39, 2},
    {u"idas", 39, 2},         {u"aras", 39, 2},         {u"ieras", 39, 2},
    {u"\u00EDas", 39, 2},     {u"ar\u00EDas", 45, 2},   {u"er\u00EDas", 45, 2},
    {u"ir\u00EDas", 45, 2},   {u"es", -1, 1},           {u"ases", 49, 2},
    {u"ieses", 49, 2},        {u"abais", -1, 2},        {u"arais", -1, 2},
    {u"ierais", -1, 2},       {u"\u00EDais", -1, 2},    {u"ar\u00EDais", 55, 2},
    {u"er\u00EDais", 55, 2},  {u"ir\u00EDais", 55, 2},  {u"aseis", -1, 2},
    {u"ieseis", -1, 2},       {u"asteis", -1, 2},       {u"isteis", -1, 2},
    {u"\u00E1is", -1, 2},     {u"\u00E9is", -1, 1},     {u"ar\u00E9is", 64, 2},
    {u"er\u00E9is", 64, 2},   {u"ir\u00E9is", 64, 2},   {u"ados", -1, 2},
    {u"idos", -1, 2},         {u"amos", -1, 2},         {u"\u00E1bamos", 70, 2},
    {u"\u00E1ramos", 70, 2},  {u"i\u00E9ramos", 70, 2}, {u"\u00EDamos", 70, 2},
    {u"ar\u00EDamos", 74, 2}, {u"er\u00EDamos", 74, 2}, {u"ir\u00EDamos", 74, 2},
    {u"emos", -1, 1},         {u"aremos", 78, 2},       {u"eremos", 78, 2},
    {u"iremos", 78, 2},       {u"\u00E1semos", 78, 2},  {u"i\u00E9semos", 78, 2},
    {u"imos", -1, 2},         {u"ar\u00E1s", -1, 2},    {u"er\u00E1s", -1, 2},
    {u"ir\u00E1s", -1, 2},    {u"\u00EDs", -1, 2},      {u"ar\u00E1", -1, 2},
    {u"er\u00E1", -1, 2},     {u"ir\u00E1", -1, 2},     {u"ar\u00E9", -1, 2},
    {u"er\u00E9", -1, 2},     {u"ir\u00E9", -1, 2},     {u"i\u00F3", -1, 2}};
constexpr Among kA9[] = {{u"a", -1, 1},      {u"e", -1, 2},      {u"o", -1, 1},
                         {u"os", -1, 1},     {u"\u00E1", -1, 1}, {u"\u00E9", -1, 2},
                         {u"\u00ED", -1, 1}, {u"\u00F3", -1, 1}};
constexpr uint8_t kVowels[] = {17, 65, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 17, 4, 10};

class SpanishStemmer {
 public:
  explicit SpanishStemmer(std::u16string& word) : sbp_(word) {}

  void stem() {
    const int v_1 = sbp_.cursor;
    mark_regions();
    sbp_.limit_backward = v_1;
    sbp_.cursor = sbp_.limit;
    attached_pronoun();
    sbp_.cursor = sbp_.limit;
    if (!standard_suffix()) {
      sbp_.cursor = sbp_.limit;
      if (!y_verb_suffix()) {
        sbp_.cursor = sbp_.limit;
        verb_suffix();
      }
    }
    sbp_.cursor = sbp_.limit;
    residual_suffix();
    sbp_.cursor = sbp_.limit_backward;
    // The postlude only takes the accents off á é í ó ú; without them it
    // would walk the word for nothing.
    if (sbp_.current().find_first_of(u"\u00E1\u00E9\u00ED\u00F3\u00FA") != std::u16string::npos) {
      postlude();
    }
  }

 private:
  bool vowel() { return sbp_.in_grouping(kVowels, 97, 252); }
  bool non_vowel() { return sbp_.out_grouping(kVowels, 97, 252); }
  bool RV() const { return pV_ <= sbp_.cursor; }
  bool R1() const { return p1_ <= sbp_.cursor; }
  bool R2() const { return p2_ <= sbp_.cursor; }

  // habr1: a non-vowel, then gopast a vowel; true when that fails.
  bool not_consonant_then_vowel() {
    if (non_vowel()) {
      while (!vowel()) {
        if (sbp_.cursor >= sbp_.limit) return true;
        ++sbp_.cursor;
      }
      return false;
    }
    return true;
  }

  // habr2: a vowel, then (habr1 or a vowel and gopast a non-vowel); true
  // when that fails.
  bool not_vowel_then_vowel_run() {
    if (vowel()) {
      const int v_1 = sbp_.cursor;
      if (not_consonant_then_vowel()) {
        sbp_.cursor = v_1;
        if (!vowel()) return true;
        while (!non_vowel()) {
          if (sbp_.cursor >= sbp_.limit) return true;
          ++sbp_.cursor;
        }
      }
      return false;
    }
    return true;
  }

  // habr3: sets pV.
  void mark_rv() {
    const int v_1 = sbp_.cursor;
    if (not_vowel_then_vowel_run()) {
      sbp_.cursor = v_1;
      if (!non_vowel()) return;
      const int v_2 = sbp_.cursor;
      if (not_consonant_then_vowel()) {
        sbp_.cursor = v_2;
        if (!vowel() || sbp_.cursor >= sbp_.limit) return;
        ++sbp_.cursor;
      }
    }
    pV_ = sbp_.cursor;
  }

  // habr4: gopast a vowel, gopast a non-vowel.
  bool skip_vowel_then_non_vowel() {
    while (!vowel()) {
      if (sbp_.cursor >= sbp_.limit) return false;
      ++sbp_.cursor;
    }
    while (!non_vowel()) {
      if (sbp_.cursor >= sbp_.limit) return false;
      ++sbp_.cursor;
    }
    return true;
  }

  void mark_regions() {
    const int v_1 = sbp_.cursor;
    pV_ = sbp_.limit;
    p1_ = pV_;
    p2_ = pV_;
    mark_rv();
    sbp_.cursor = v_1;
    if (skip_vowel_then_non_vowel()) {
      p1_ = sbp_.cursor;
      if (skip_vowel_then_non_vowel()) p2_ = sbp_.cursor;
    }
  }

  void postlude() {
    for (;;) {
      sbp_.bra = sbp_.cursor;
      const int among_var = sbp_.find_among(kA0);
      if (among_var == 0) return;
      sbp_.ket = sbp_.cursor;
      switch (among_var) {
        case 1:
          sbp_.slice_from(u"a");
          continue;
        case 2:
          sbp_.slice_from(u"e");
          continue;
        case 3:
          sbp_.slice_from(u"i");
          continue;
        case 4:
          sbp_.slice_from(u"o");
          continue;
        case 5:
          sbp_.slice_from(u"u");
          continue;
        case 6:
          if (sbp_.cursor >= sbp_.limit) return;
          ++sbp_.cursor;
          continue;
      }
      return;
    }
  }

  void attached_pronoun() {
    sbp_.ket = sbp_.cursor;
    if (sbp_.find_among_b(kA1) == 0) return;
    sbp_.bra = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA2);
    if (among_var == 0 || !RV()) return;
    switch (among_var) {
      case 1:
        sbp_.bra = sbp_.cursor;
        sbp_.slice_from(u"iendo");
        break;
      case 2:
        sbp_.bra = sbp_.cursor;
        sbp_.slice_from(u"ando");
        break;
      case 3:
        sbp_.bra = sbp_.cursor;
        sbp_.slice_from(u"ar");
        break;
      case 4:
        sbp_.bra = sbp_.cursor;
        sbp_.slice_from(u"er");
        break;
      case 5:
        sbp_.bra = sbp_.cursor;
        sbp_.slice_from(u"ir");
        break;
      case 6:
        sbp_.slice_del();
        break;
      case 7:
        if (sbp_.eq_s_b(u"u")) sbp_.slice_del();
        break;
    }
  }

  // habr5: in R2 delete, then an optional suffix of `among` (result 1)
  // deleted in R2. True when not in R2.
  bool delete_then_among(std::span<const Among> among) {
    if (!R2()) return true;
    sbp_.slice_del();
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(among);
    if (among_var != 0) {
      sbp_.bra = sbp_.cursor;
      if (among_var == 1 && R2()) sbp_.slice_del();
    }
    return false;
  }

  // habr6: in R2 delete, then an optional `c1` deleted in R2.
  bool delete_then(std::u16string_view c1) {
    if (!R2()) return true;
    sbp_.slice_del();
    sbp_.ket = sbp_.cursor;
    if (sbp_.eq_s_b(c1)) {
      sbp_.bra = sbp_.cursor;
      if (R2()) sbp_.slice_del();
    }
    return false;
  }

  bool standard_suffix() {
    sbp_.ket = sbp_.cursor;
    int among_var = sbp_.find_among_b(kA6);
    if (among_var == 0) return false;
    sbp_.bra = sbp_.cursor;
    switch (among_var) {
      case 1:
        if (!R2()) return false;
        sbp_.slice_del();
        break;
      case 2:
        if (delete_then(u"ic")) return false;
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
        sbp_.slice_from(u"ente");
        break;
      case 6:
        if (!R1()) return false;
        sbp_.slice_del();
        sbp_.ket = sbp_.cursor;
        among_var = sbp_.find_among_b(kA3);
        if (among_var != 0) {
          sbp_.bra = sbp_.cursor;
          if (R2()) {
            sbp_.slice_del();
            if (among_var == 1) {
              sbp_.ket = sbp_.cursor;
              if (sbp_.eq_s_b(u"at")) {
                sbp_.bra = sbp_.cursor;
                if (R2()) sbp_.slice_del();
              }
            }
          }
        }
        break;
      case 7:
        if (delete_then_among(kA4)) return false;
        break;
      case 8:
        if (delete_then_among(kA5)) return false;
        break;
      case 9:
        if (delete_then(u"at")) return false;
        break;
    }
    return true;
  }

  bool y_verb_suffix() {
    if (sbp_.cursor < pV_) return false;
    const int v_1 = sbp_.limit_backward;
    sbp_.limit_backward = pV_;
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA7);
    sbp_.limit_backward = v_1;
    if (among_var == 0) return false;
    sbp_.bra = sbp_.cursor;
    if (among_var == 1) {
      if (!sbp_.eq_s_b(u"u")) return false;
      sbp_.slice_del();
    }
    return true;
  }

  void verb_suffix() {
    if (sbp_.cursor < pV_) return;
    const int v_1 = sbp_.limit_backward;
    sbp_.limit_backward = pV_;
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA8);
    sbp_.limit_backward = v_1;
    if (among_var == 0) return;
    sbp_.bra = sbp_.cursor;
    if (among_var == 1) {
      // try ('u' test 'g'), then delete (the JavaScript falls through).
      const int v_2 = sbp_.limit - sbp_.cursor;
      if (sbp_.eq_s_b(u"u")) {
        const int v_3 = sbp_.limit - sbp_.cursor;
        if (sbp_.eq_s_b(u"g")) {
          sbp_.cursor = sbp_.limit - v_3;
        } else {
          sbp_.cursor = sbp_.limit - v_2;
        }
      } else {
        sbp_.cursor = sbp_.limit - v_2;
      }
      sbp_.bra = sbp_.cursor;
    }
    if (among_var == 1 || among_var == 2) sbp_.slice_del();
  }

  void residual_suffix() {
    sbp_.ket = sbp_.cursor;
    const int among_var = sbp_.find_among_b(kA9);
    if (among_var == 0) return;
    sbp_.bra = sbp_.cursor;
    switch (among_var) {
      case 1:
        if (RV()) sbp_.slice_del();
        break;
      case 2:
        if (RV()) {
          sbp_.slice_del();
          sbp_.ket = sbp_.cursor;
          if (sbp_.eq_s_b(u"u")) {
            sbp_.bra = sbp_.cursor;
            const int v_1 = sbp_.limit - sbp_.cursor;
            if (sbp_.eq_s_b(u"g")) {
              sbp_.cursor = sbp_.limit - v_1;
              if (RV()) sbp_.slice_del();
            }
          }
        }
        break;
    }
  }

  SnowballProgram sbp_;
  int p2_ = 0;
  int p1_ = 0;
  int pV_ = 0;
};

}  // namespace

void stem_spanish(std::u16string& word) { SpanishStemmer(word).stem(); }

}  // namespace agora
