// The search languages: lunr-languages' pipelines for fr, es, ru and ar and
// our Chinese bigrams. Expected values are what lunr.js 2.3.9 with
// lunr-languages 1.22 (or lunr-zh.js) gives in node for the same text; the
// word-list and corpus tests in tests/e2e check the same at scale.
#include <doctest/doctest.h>

#include <sstream>

#include "search/index_builder.h"
#include "search/languages/search_language.h"
#include "search/languages/stemmers.h"
#include "search/search_corpus.h"
#include "search/utf16.h"

using namespace agora;

namespace {

// Terms with their positions, as "term@start+length", space-separated.
class Recorder final : public TermSink {
 public:
  void add(std::string_view term, TokenSpan span) override {
    if (!out.empty()) out += ' ';
    out += std::string(term) + "@" + std::to_string(span.start) + "+" + std::to_string(span.length);
  }
  std::string out;
};

std::string pipeline(std::string_view code, std::string_view text) {
  const SearchLanguage* language = find_search_language(code);
  REQUIRE(language != nullptr);
  const std::u16string lowered = utf8_to_utf16(text);  // cases below are lower-case already
  Recorder recorder;
  language->analyze(lowered, split_tokens(lowered), recorder);
  return recorder.out;
}

template <typename Stemmer>
std::string stemmed(Stemmer stemmer, std::u16string word) {
  stemmer(word);
  return utf16_to_utf8(word);
}

std::string joined(const std::vector<std::string>& terms) {
  std::string out;
  for (const std::string& t : terms) out += (out.empty() ? "" : " ") + t;
  return out;
}

}  // namespace

TEST_CASE("search languages: the registry and what search pages load") {
  CHECK(std::vector<std::string_view>(search_language_codes().begin(),
                                      search_language_codes().end()) ==
        std::vector<std::string_view>{"ar", "en", "es", "fr", "ru", "zh"});
  for (std::string_view code : search_language_codes()) {
    REQUIRE(find_search_language(code) != nullptr);
    CHECK(find_search_language(code)->code() == code);
  }
  CHECK(find_search_language("de") == nullptr);
  CHECK(find_search_language("") == nullptr);
  CHECK(&english_search_language() == find_search_language("en"));

  const auto labels = [](std::string_view code) {
    const auto p = find_search_language(code)->search_pipeline();
    return std::vector<std::string_view>(p.begin(), p.end());
  };
  CHECK(labels("en") == std::vector<std::string_view>{"stemmer"});
  CHECK(labels("fr") == std::vector<std::string_view>{"trimmer-fr", "accentFold-fr", "stemmer-fr"});
  CHECK(labels("es") == std::vector<std::string_view>{"trimmer-es", "stemmer-es"});
  CHECK(labels("ru") == std::vector<std::string_view>{"trimmer-ru", "stemmer-ru"});
  CHECK(labels("ar") == std::vector<std::string_view>{"stemmer-ar"});
  CHECK(labels("zh") == std::vector<std::string_view>{"bigram-zh", "trimmer-bigram-zh", "stemmer"});

  CHECK(english_search_language().scripts().empty());
  const auto fr = find_search_language("fr")->scripts();
  REQUIRE(fr.size() == 2);
  CHECK(fr[0].source == LanguageScript::Source::kLunrLanguages);
  CHECK(fr[0].path == "min/lunr.stemmer.support.min.js");
  CHECK(fr[1].path == "min/lunr.fr.min.js");
  CHECK(find_search_language("ar")->scripts()[1].path == "min/lunr.ar.min.js");
  const auto zh = find_search_language("zh")->scripts();
  REQUIRE(zh.size() == 1);
  CHECK(zh[0].source == LanguageScript::Source::kTheme);
  CHECK(zh[0].path == "js/lunr-zh.js");
}

TEST_CASE("search languages: French folds accents before its stemmer") {
  CHECK(pipeline("fr", "numériques") == "numer@0+10");
  CHECK(pipeline("fr", "numérique") == "numer@0+9");
  CHECK(pipeline("fr", "les été") == "");  // stop words
  CHECK(pipeline("fr", "œuvres cœur ça") == "oeuvr@0+6 coeur@7+4 ca@12+2");
  CHECK(pipeline("fr", "l’été") == "l’et@0+5");  // no elision handling in lunr.fr
  CHECK(pipeline("fr", "café-théâtre") == "caf@0+4 theatr@5+7");
  CHECK(pipeline("fr", "— 123abc") == "@0+1 123abc@2+6");  // "" is indexed, as lunr does
  CHECK(pipeline("fr", "aimeraient nationalisation") == "aim@0+10 nationalis@11+15");
  CHECK(stemmed(stem_french, u"créées") == "cré");  // the stemmer alone keeps accents
  CHECK(stemmed(stem_french, u"élèves") == "élev");
}

TEST_CASE("search languages: Spanish, Russian") {
  CHECK(pipeline("es", "corriendo canciones niños") == "corr@0+9 cancion@10+9 niñ@20+5");
  CHECK(pipeline("es", "él también ¿qué?") == "");
  CHECK(pipeline("es", "comiéndoselo nacionalización") == "com@0+12 nacionaliz@13+15");
  CHECK(pipeline("es", "hello") == "hell@0+5");
  CHECK(pipeline("ru", "книги красивейший бегающими") == "книг@0+5 красив@6+11 бега@18+9");
  CHECK(pipeline("ru", "ёлка") == "ёлка@0+4");  // this old Snowball does not fold ё
  // The list's last word is "\uFEFFа", which no token can be: "а" stays.
  CHECK(pipeline("ru", "а") == "а@0+1");
  CHECK(pipeline("ru", "hello —") == "@0+5 @6+1");  // Latin is not a Russian word character
}

TEST_CASE("search languages: Arabic") {
  CHECK(pipeline("ar", "المكتبات والكتاب فبالكتاب") == "مكتب@0+8 كتاب@9+7 كتاب@17+8");
  CHECK(pipeline("ar", "hello") == "");  // "" is an Arabic stop word
  CHECK(pipeline("ar", "و ال") == "و@0+1 ال@2+2");
  CHECK(pipeline("ar", "مدرسة مَدْرَسَة") == "مدرس@0+5 مدرس@6+9");
  CHECK(pipeline("ar", "كتب، إستقلال وولد") == "كتب@0+4 استقلال@5+7 ولد@13+4");
  CHECK(stemmed(stem_arabic, u"يستعملون") == "استعمال");
  CHECK(stemmed(stem_arabic, u"ﻷسماء") == "ﻷسماء");  // presentation form: not Arabic
}

TEST_CASE("search languages: Chinese bigrams, with positions in UTF-16 units") {
  CHECK(pipeline("zh", "中文") == "中文@0+2");
  CHECK(pipeline("zh", "中华人民共和国") ==
        "中华@0+2 华人@1+2 人民@2+2 民共@3+2 共和@4+2 和国@5+2");
  CHECK(pipeline("zh", "2015年") == "2015@0+4 年@4+1");
  CHECK(pipeline("zh", "峰会（wsis）") == "峰会@0+2 wsi@2+6");
  CHECK(pipeline("zh", "the 中 of running") == "中@4+1 run@9+7");
  CHECK(pipeline("zh", "𠜎𠜱𠀀") == "𠜎𠜱@0+4 𠜱𠀀@2+4");
  CHECK(pipeline("zh", "中😀文") == "中@0+1 文@3+1");  // the emoji run trims to nothing
  CHECK(pipeline("zh", "你好,世界 —") == "你好@0+2 世界@3+2");
}

TEST_CASE("search languages: analyze_text lower-cases as lunr's tokenizer does") {
  CHECK(joined(analyze_text(*find_search_language("fr"), "Numériques ÉCOLE")) == "numer ecol");
  CHECK(joined(analyze_text(*find_search_language("ru"), "Москва")) == "москв");
  CHECK(joined(analyze_text("Running cats")) == "run cat");  // English, as before
}

TEST_CASE("search corpus: \"language\" picks the pipeline and is written back") {
  SearchCorpus corpus;
  std::string error;
  REQUIRE(parse_search_corpus(
      R"({"ref":"id","language":"fr","fields":[{"name":"t"}],"documents":[{"id":"a","t":"Numériques"}]})",
      corpus, error));
  CHECK(corpus.language == "fr");
  std::ostringstream index;
  write_search_index(corpus, index, false, 1);
  CHECK(index.str() == R"({"version":"2.3.9","fields":["t"],"fieldVectors":[["t/a",[0,0.288]]],)"
                       R"("invertedIndex":[["numer",{"_index":0,"t":{"a":{}}}]],)"
                       R"("pipeline":["trimmer-fr","accentFold-fr","stemmer-fr"]})");

  std::ostringstream written;
  write_search_corpus(corpus, written);
  CHECK(written.str() == R"({"ref":"id","fields":[{"name":"t","boost":1}],"language":"fr",)"
                         R"("documents":[{"id":"a","t":"Numériques"}]})"
                         "\n");

  corpus.language = "en";  // the default is not written
  std::ostringstream english;
  write_search_corpus(corpus, english);
  CHECK(english.str().find("language") == std::string::npos);

  CHECK_FALSE(
      parse_search_corpus(R"({"language":"de","fields":[],"documents":[]})", corpus, error));
  CHECK(error == "search corpus: \"language\" must be one of ar, en, es, fr, ru, zh");
  CHECK_FALSE(parse_search_corpus(R"({"language":7,"fields":[],"documents":[]})", corpus, error));
  CHECK(error == "search corpus: \"language\" must be one of ar, en, es, fr, ru, zh");
}
