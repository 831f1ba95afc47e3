// The Arabic stemmer of lunr-languages 1.x (lunr.ar.js), ported step by
// step. It is not a Snowball stemmer: it normalises the word, strips
// prefixes and suffixes by length and matches word patterns. The
// JavaScript's quirks are kept, since the browser runs it on every query:
//  - cleanWord never reports a non-Arabic word (it tests an empty string);
//  - cleanAlef and the hamza steps replace only the first occurrence;
//  - removeEndTaa drops the first ة anywhere in the word;
//  - the stemmer's own stop list is the filter's list plus "و".
#include <algorithm>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/languages/arabic_stop_words.h"
#include "search/languages/stemmers.h"
#include "search/utf16.h"

namespace agora {
namespace {

// self.patterns of lunr.ar.js, verbatim: for words of 4 to 7 letters, the
// letters that identify a pattern ("pt": any of the comma-separated letters
// at index l) and how to rewrite the word ("mPt": letter c at index l, or
// the word's letter m when m is given).
constexpr std::string_view kPatternsJson =
    "{\"pt43\":[{\"pt\":[{\"c\":\"ا\",\"l\":1}]},"
    "{\"pt\":[{\"c\":\"ا,ت,ن,ي\",\"l\":0}],\"mPt\":[{\"c\":\"ف\",\"l\":0,\"m\":1},{\"c\":\"ع\","
    "\"l\":1,\"m\":2},{\"c\":\"ل\",\"l\":2,\"m\":3}]},"
    "{\"pt\":[{\"c\":\"و\",\"l\":2}],\"mPt\":[{\"c\":\"ف\",\"l\":0,\"m\":0},{\"c\":\"ع\",\"l\":1,"
    "\"m\":1},{\"c\":\"ل\",\"l\":2,\"m\":3}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":2}]},"
    "{\"pt\":[{\"c\":\"ي\",\"l\":2}],\"mPt\":[{\"c\":\"ف\",\"l\":0,\"m\":0},{\"c\":\"ع\",\"l\":1,"
    "\"m\":1},{\"c\":\"ا\",\"l\":2},{\"c\":\"ل\",\"l\":3,\"m\":3}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0}]}],\"pt53\":[{\"pt\":[{\"c\":\"ت\",\"l\":0},{\"c\":\"ا\",\"l\":"
    "2}]},"
    "{\"pt\":[{\"c\":\"ا,ن,ت,ي\",\"l\":0},{\"c\":\"ت\",\"l\":2}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{"
    "\"c\":\"ف\",\"l\":1,\"m\":1},{\"c\":\"ت\",\"l\":2},{\"c\":\"ع\",\"l\":3,\"m\":3},{\"c\":\"ا\","
    "\"l\":4},{\"c\":\"ل\",\"l\":5,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":0},{\"c\":\"ا\",\"l\":2}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{\"c\":"
    "\"ف\",\"l\":1,\"m\":1},{\"c\":\"ع\",\"l\":2,\"m\":3},{\"c\":\"ل\",\"l\":3,\"m\":4},{\"c\":"
    "\"ا\",\"l\":4},{\"c\":\"ل\",\"l\":5,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":0},{\"c\":\"ا\",\"l\":3}],\"mPt\":[{\"c\":\"ف\",\"l\":0,\"m\":1},{"
    "\"c\":\"ع\",\"l\":1,\"m\":2},{\"c\":\"ل\",\"l\":2,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":3},{\"c\":\"ن\",\"l\":4}]},"
    "{\"pt\":[{\"c\":\"ت\",\"l\":0},{\"c\":\"ي\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"و\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":1},{\"c\":\"و\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"و\",\"l\":1},{\"c\":\"ا\",\"l\":2}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"ا\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"ي\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":2},{\"c\":\"ن\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"ن\",\"l\":1}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{\"c\":"
    "\"ن\",\"l\":1},{\"c\":\"ف\",\"l\":2,\"m\":2},{\"c\":\"ع\",\"l\":3,\"m\":3},{\"c\":\"ا\",\"l\":"
    "4},{\"c\":\"ل\",\"l\":5,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"ت\",\"l\":2}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{\"c\":"
    "\"ف\",\"l\":1,\"m\":1},{\"c\":\"ت\",\"l\":2},{\"c\":\"ع\",\"l\":3,\"m\":3},{\"c\":\"ا\",\"l\":"
    "4},{\"c\":\"ل\",\"l\":5,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"ا\",\"l\":2}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":1},{\"c\":\"ا\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"ي,ت,ا,ن\",\"l\":0},{\"c\":\"ت\",\"l\":1}],\"mPt\":[{\"c\":\"ف\",\"l\":0,"
    "\"m\":2},{\"c\":\"ع\",\"l\":1,\"m\":3},{\"c\":\"ا\",\"l\":2},{\"c\":\"ل\",\"l\":3,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"ت,ي,ا,ن\",\"l\":0},{\"c\":\"ت\",\"l\":2}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{"
    "\"c\":\"ف\",\"l\":1,\"m\":1},{\"c\":\"ت\",\"l\":2},{\"c\":\"ع\",\"l\":3,\"m\":3},{\"c\":\"ا\","
    "\"l\":4},{\"c\":\"ل\",\"l\":5,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":2},{\"c\":\"ي\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"ا,ي,ت,ن\",\"l\":0},{\"c\":\"ن\",\"l\":1}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{"
    "\"c\":\"ن\",\"l\":1},{\"c\":\"ف\",\"l\":2,\"m\":2},{\"c\":\"ع\",\"l\":3,\"m\":3},{\"c\":\"ا\","
    "\"l\":4},{\"c\":\"ل\",\"l\":5,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":3},{\"c\":\"ء\",\"l\":4}]}],\"pt63\":[{\"pt\":[{\"c\":\"ا\",\"l\":"
    "0},{\"c\":\"ت\",\"l\":2},{\"c\":\"ا\",\"l\":4}]},"
    "{\"pt\":[{\"c\":\"ا,ت,ن,ي\",\"l\":0},{\"c\":\"س\",\"l\":1},{\"c\":\"ت\",\"l\":2}],\"mPt\":[{"
    "\"c\":\"ا\",\"l\":0},{\"c\":\"س\",\"l\":1},{\"c\":\"ت\",\"l\":2},{\"c\":\"ف\",\"l\":3,\"m\":3}"
    ",{\"c\":\"ع\",\"l\":4,\"m\":4},{\"c\":\"ا\",\"l\":5},{\"c\":\"ل\",\"l\":6,\"m\":5}]},"
    "{\"pt\":[{\"c\":\"ا,ن,ت,ي\",\"l\":0},{\"c\":\"و\",\"l\":3}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"س\",\"l\":1},{\"c\":\"ت\",\"l\":2}],\"mPt\":[{\"c\":"
    "\"ا\",\"l\":0},{\"c\":\"س\",\"l\":1},{\"c\":\"ت\",\"l\":2},{\"c\":\"ف\",\"l\":3,\"m\":3},{"
    "\"c\":\"ع\",\"l\":4,\"m\":4},{\"c\":\"ا\",\"l\":5},{\"c\":\"ل\",\"l\":6,\"m\":5}]},"
    "{\"pt\":[{\"c\":\"ي\",\"l\":1},{\"c\":\"ي\",\"l\":3},{\"c\":\"ا\",\"l\":4},{\"c\":\"ء\",\"l\":"
    "5}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":0},{\"c\":\"ن\",\"l\":1},{\"c\":\"ا\",\"l\":4}]}],\"pt54\":[{"
    "\"pt\":[{\"c\":\"ت\",\"l\":0}]},"
    "{\"pt\":[{\"c\":\"ا,ي,ت,ن\",\"l\":0}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{\"c\":\"ف\",\"l\":1,"
    "\"m\":1},{\"c\":\"ع\",\"l\":2,\"m\":2},{\"c\":\"ل\",\"l\":3,\"m\":3},{\"c\":\"ر\",\"l\":4,"
    "\"m\":4},{\"c\":\"ا\",\"l\":5},{\"c\":\"ر\",\"l\":6,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0}],\"mPt\":[{\"c\":\"ا\",\"l\":0},{\"c\":\"ف\",\"l\":1,\"m\":1},{"
    "\"c\":\"ع\",\"l\":2,\"m\":2},{\"c\":\"ل\",\"l\":3,\"m\":3},{\"c\":\"ر\",\"l\":4,\"m\":4},{"
    "\"c\":\"ا\",\"l\":5},{\"c\":\"ر\",\"l\":6,\"m\":4}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":2}]},"
    "{\"pt\":[{\"c\":\"ا\",\"l\":0},{\"c\":\"ن\",\"l\":2}]}],\"pt64\":[{\"pt\":[{\"c\":\"ا\",\"l\":"
    "0},{\"c\":\"ا\",\"l\":4}]},"
    "{\"pt\":[{\"c\":\"م\",\"l\":0},{\"c\":\"ت\",\"l\":1}]}],\"pt73\":[{\"pt\":[{\"c\":\"ا\",\"l\":"
    "0},{\"c\":\"س\",\"l\":1},{\"c\":\"ت\",\"l\":2},{\"c\":\"ا\",\"l\":5}]}],\"pt75\":[{\"pt\":[{"
    "\"c\":\"ا\",\"l\":0},{\"c\":\"ا\",\"l\":5}]}]}";

// Every letter in the table is one UTF-16 unit; an alternative of any other
// length could never equal word[l] in the JavaScript, and is dropped.
struct PatternTest {
  std::u16string any_of;  // one unit per alternative
  size_t at;
};
struct PatternLetter {
  std::u16string letter;  // the table's c
  size_t at;
  int from;  // index into the word, or -1 for `letter`
};
struct WordPattern {
  std::vector<PatternTest> tests;
  std::vector<PatternLetter> rewrite;
};
struct Patterns {
  std::vector<WordPattern> pt43, pt53, pt54, pt63, pt64, pt73;
};

std::vector<WordPattern> read_patterns(const nlohmann::json& list) {
  std::vector<WordPattern> out;
  for (const auto& item : list) {
    WordPattern pattern;
    for (const auto& test : item.at("pt")) {
      PatternTest t{{}, test.at("l").get<size_t>()};
      const std::string letters = test.at("c").get<std::string>();
      size_t start = 0;
      for (;;) {
        const size_t comma = letters.find(',', start);
        const std::u16string letter = utf8_to_utf16(letters.substr(start, comma - start));
        if (letter.size() == 1) t.any_of += letter;
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
      pattern.tests.push_back(std::move(t));
    }
    if (item.contains("mPt")) {
      for (const auto& letter : item.at("mPt")) {
        pattern.rewrite.push_back({utf8_to_utf16(letter.at("c").get<std::string>()),
                                   letter.at("l").get<size_t>(),
                                   letter.contains("m") ? letter.at("m").get<int>() : -1});
      }
    }
    out.push_back(std::move(pattern));
  }
  return out;
}

const Patterns& patterns() {
  static const Patterns table = [] {
    const nlohmann::json json = nlohmann::json::parse(kPatternsJson);
    return Patterns{read_patterns(json.at("pt43")), read_patterns(json.at("pt53")),
                    read_patterns(json.at("pt54")), read_patterns(json.at("pt63")),
                    read_patterns(json.at("pt64")), read_patterns(json.at("pt73"))};
  }();
  return table;
}

bool starts_with_any(std::u16string_view word, std::initializer_list<std::u16string_view> list,
                     size_t* length) {
  for (std::u16string_view prefix : list) {
    if (word.starts_with(prefix)) {
      *length = prefix.size();
      return true;
    }
  }
  return false;
}

bool ends_with_any(std::u16string_view word, std::initializer_list<std::u16string_view> list,
                   size_t* length) {
  for (std::u16string_view suffix : list) {
    if (word.ends_with(suffix)) {
      *length = suffix.size();
      return true;
    }
  }
  return false;
}

// JavaScript's word.replace(ch, repl) with a one-unit string: the first
// occurrence only.
void replace_first(std::u16string& word, char16_t from, std::u16string_view to) {
  const size_t at = word.find(from);
  if (at != std::u16string::npos) word.replace(at, 1, to);
}

class ArabicStemmer {
 public:
  explicit ArabicStemmer(std::u16string& word) : word_(word) {}

  // lunr.ar.js runs its execArray until a step returns true: the stop word
  // test, removeEndTaa on short words, and wordCheck do.
  void stem() {
    clean_word();
    remove_diacritics();
    clean_alef();
    if (is_stop_word()) return;
    normalize_hamza_and_alef();
    remove_start_waw();
    remove_pre432();
    if (!remove_end_taa()) return;
    word_check();
  }

 private:
  bool is_stop_word() const { return word_ == u"\u0648" || arabic_stop_words().contains(word_); }

  void clean_word() { std::erase(word_, u'\u0640'); }

  void remove_diacritics() {
    std::erase_if(word_, [](char16_t u) { return u >= 0x064B && u <= 0x065B; });
  }

  void clean_alef() {
    for (char16_t& u : word_) {
      if (u == 0x0622 || u == 0x0623 || u == 0x0625 || u == 0x0671 || u == 0x0649) {
        u = 0x0627;
        return;
      }
    }
  }

  void normalize_hamza_and_alef() {
    replace_first(word_, 0x0624, u"\u0621");
    replace_first(word_, 0x0626, u"\u0621");
    // /([\u0627])\1+/g -> one alef.
    std::u16string out;
    out.reserve(word_.size());
    for (char16_t u : word_) {
      if (u == 0x0627 && !out.empty() && out.back() == 0x0627) continue;
      out.push_back(u);
    }
    word_.swap(out);
  }

  void remove_start_waw() {
    if (word_.size() > 3 && word_[0] == 0x0648 && word_[1] == 0x0648) word_.erase(0, 1);
  }

  // The steps below only ever remove letters: "the word is unchanged" is
  // "its length is unchanged".
  void remove_pre432() {
    const size_t before = word_.size();
    size_t length = 0;
    if (word_.size() >= 7 &&
        starts_with_any(word_, {u"فبال", u"كبال", u"وبال", u"وكال"}, &length)) {
      word_.erase(0, length);
    }
    if (word_.size() == before && word_.size() >= 6 &&
        starts_with_any(word_, {u"بال", u"وال", u"فال", u"تال", u"كال", u"ولل"}, &length)) {
      word_.erase(0, length);
    }
    if (word_.size() == before && word_.size() >= 5 &&
        starts_with_any(word_, {u"ال", u"لل"}, &length)) {
      word_.erase(0, length);
    }
    if (word_.size() != before) pre_removed_ = true;
  }

  // False (stop) for words of two letters or fewer.
  bool remove_end_taa() {
    if (word_.size() <= 2) return false;
    if (word_.back() == 0x0627) word_.pop_back();
    const size_t taa = word_.find(u'\u0629');
    if (taa != std::u16string::npos) word_.erase(taa, 1);
    return true;
  }

  void check_pattern(const std::vector<WordPattern>& list) {
    for (const WordPattern& pattern : list) {
      bool match = true;
      for (const PatternTest& test : pattern.tests) {
        if (test.at >= word_.size() || test.any_of.find(word_[test.at]) == std::u16string::npos) {
          match = false;
          break;
        }
      }
      if (!match) continue;
      if (!pattern.rewrite.empty()) rewrite(pattern.rewrite);
      result_ = true;
      return;
    }
  }

  // newWord[l] = ...; newWord.join(''): unset and out-of-range slots are "".
  void rewrite(const std::vector<PatternLetter>& letters) {
    constexpr size_t kSlots = 8;  // the table's l values are below 7
    std::u16string slots[kSlots];
    size_t used = 0;
    for (const PatternLetter& letter : letters) {
      if (letter.at >= kSlots) continue;
      used = std::max(used, letter.at + 1);
      if (letter.from < 0) {
        slots[letter.at] = letter.letter;
      } else {
        const auto from = static_cast<size_t>(letter.from);
        slots[letter.at] = from < word_.size() ? word_.substr(from, 1) : std::u16string();
      }
    }
    word_.clear();
    for (size_t k = 0; k < used; ++k) word_ += slots[k];
  }

  void remove_pre1() {
    if (pre_removed_ || word_.size() <= 3) return;
    size_t length = 0;
    if (starts_with_any(word_, {u"ف", u"ك", u"ب", u"و", u"س", u"ل", u"ن", u"ا", u"ي", u"ت"},
                        &length)) {
      word_.erase(0, length);
      pre_removed_ = true;
    }
  }

  void remove_suf1() {
    if (suf_removed_ || word_.size() <= 3) return;
    size_t length = 0;
    if (ends_with_any(word_, {u"ه", u"ك", u"ت", u"ن", u"ا", u"ي"}, &length)) {
      word_.erase(word_.size() - length);
      suf_removed_ = true;
    }
  }

  void remove_suf432() {
    const size_t before = word_.size();
    size_t length = 0;
    if (word_.size() >= 6 && ends_with_any(word_,
                                           {u"كموه", u"ناها", u"ونني", u"ونهم", u"تكما", u"تموه",
                                            u"تكاه", u"كماه", u"ناكم", u"ناهم", u"نيها", u"وننا"},
                                           &length)) {
      word_.erase(word_.size() - length);
    }
    if (word_.size() == before && word_.size() >= 5 &&
        ends_with_any(word_, {u"تين", u"كهم", u"نيه", u"نهم", u"ونه", u"وها", u"يهم", u"ونا",
                              u"ونك", u"وني", u"وهم", u"تكم", u"تنا", u"تها", u"تني", u"تهم",
                              u"كما", u"كها", u"ناه", u"نكم", u"هنا", u"تان", u"يها"},
                      &length)) {
      word_.erase(word_.size() - length);
    }
    if (word_.size() == before && word_.size() >= 4 &&
        ends_with_any(word_, {u"نك", u"نه", u"ها", u"وك", u"يا", u"اه", u"ون", u"ين",
                              u"تن", u"تم", u"نا", u"وا", u"ان", u"كم", u"كن", u"ني",
                              u"نن", u"ما", u"هم", u"هن", u"تك", u"ته", u"ات", u"يه"},
                      &length)) {
      word_.erase(word_.size() - length);
    }
    if (word_.size() != before) suf_removed_ = true;
  }

  enum class Step { kSuf432, kSuf1, kPre1, kPattern };

  void run(Step step, const std::vector<WordPattern>* list) {
    switch (step) {
      case Step::kSuf432:
        remove_suf432();
        break;
      case Step::kSuf1:
        remove_suf1();
        break;
      case Step::kPre1:
        remove_pre1();
        break;
      case Step::kPattern:
        check_pattern(*list);
        break;
    }
  }

  struct Action {
    Step step;
    const std::vector<WordPattern>* list;
  };

  // Runs `actions` in order while the word keeps `length` letters and no
  // pattern matched.
  void run_while_length(size_t length, std::initializer_list<Action> actions) {
    for (const Action& action : actions) {
      if (word_.size() != length || result_) return;
      run(action.step, action.list);
    }
  }

  void word_check() {
    const Patterns& p = patterns();
    // Seven letters or more: strip suffixes and prefixes, checking the
    // seven-letter pattern whenever the word has exactly seven.
    const Step long_steps[] = {Step::kSuf432, Step::kSuf1, Step::kPre1};
    size_t counter = 0;
    bool pattern_checked = false;
    while (word_.size() >= 7 && !result_ && counter < 3) {
      if (word_.size() == 7 && !pattern_checked) {
        check_pattern(p.pt73);
        pattern_checked = true;
      } else {
        run(long_steps[counter], nullptr);
        ++counter;
        pattern_checked = false;
      }
    }
    run_while_length(6, {{Step::kPattern, &p.pt63},
                         {Step::kSuf432, nullptr},
                         {Step::kSuf1, nullptr},
                         {Step::kPre1, nullptr},
                         {Step::kPattern, &p.pt64}});
    run_while_length(5, {{Step::kPattern, &p.pt53},
                         {Step::kSuf432, nullptr},
                         {Step::kSuf1, nullptr},
                         {Step::kPre1, nullptr},
                         {Step::kPattern, &p.pt54}});
    run_while_length(4, {{Step::kPattern, &p.pt43},
                         {Step::kSuf1, nullptr},
                         {Step::kPre1, nullptr},
                         {Step::kSuf432, nullptr}});
  }

  std::u16string& word_;
  bool result_ = false;
  bool pre_removed_ = false;
  bool suf_removed_ = false;
};

}  // namespace

void stem_arabic(std::u16string& word) { ArabicStemmer(word).stem(); }

}  // namespace agora
