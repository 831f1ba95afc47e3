// A multilingual site's search: each language's index is built with its
// language's pipeline, in its own tree, with the scripts its search page
// loads (lunr-languages' from the npm package, our lunr-zh.js), whole or in
// shards. The browser side is tests/e2e/search_languages_browser.sh.
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "cli_runner.h"
#include "search/site_search.h"
#include "site_fixture.h"

namespace {

using agora::testing::fixture_doc;

const char* kConfig = R"(title: Multilingual
language: en
languages:
  en: English
  fr: Français
  zh: 中文
common_fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: summary, type: text, required: true}
types:
  notes: {title: Notes, singular: Note}
)";

class LanguagesFs : public agora::testing::MemorySiteFs {
 public:
  explicit LanguagesFs(const std::string& extra_config = "", const std::string& other = "zh") {
    std::string err, words;
    REQUIRE(real_.read_file(agora::bundled_themes_dir() + "/default/i18n/en.yaml", &words, &err));
    std::string config = kConfig;
    const std::string zh = "  zh: 中文";
    if (other != "zh") config.replace(config.find(zh), zh.size(), "  " + other + ": Other");
    memory_.write_file("site/site.yaml", config + extra_config, &err);
    memory_.write_file("site/i18n/" + other + ".yaml", words, &err);  // the theme has no words
    memory_.write_file("site/content/notes/digital.md",
                       fixture_doc("title: Digital services\ndate: 2022-01-01\n"
                                   "summary: Services for digital transformation.\n"),
                       &err);
    memory_.write_file("site/content/notes/digital.fr.md",
                       fixture_doc("title: Services numériques\n"
                                   "summary: La transformation numérique des services.\n"),
                       &err);
    memory_.write_file("site/content/notes/digital." + other + ".md",
                       fixture_doc("title: 数字服务\nsummary: 支持数字化转型。\n"), &err);
    memory_.write_file(
        "site/content/notes/only-english.md",
        fixture_doc("title: Only English\ndate: 2021-01-01\nsummary: Not translated.\n"), &err);
  }
  const std::string& file(const std::string& path) {
    static const std::string kNone;
    auto it = memory_.files().find(path);
    return it == memory_.files().end() ? kNone : it->second;
  }
  bool has(const std::string& path) { return memory_.files().count(path) > 0; }
  std::string real_file(const std::string& path) {
    std::string text, err;
    real_.read_file(path, &text, &err);
    return text;
  }
};

agora::testing::CliRun build(LanguagesFs* fs, std::vector<const char*> more = {}) {
  std::vector<const char*> args = {"build", "--config", "site/site.yaml", "--out", "out"};
  args.insert(args.end(), more.begin(), more.end());
  return agora::testing::run_agora(fs, args);
}

}  // namespace

TEST_CASE("site search: each language's index uses its pipeline, in its own tree") {
  LanguagesFs fs;
  auto run = build(&fs, {"--emit-search-corpus", "corpus.json"});
  INFO(run.err);
  REQUIRE(run.code == 0);
  CHECK(run.err.find("search-language") == std::string::npos);

  const std::string& en = fs.file("out/search/index.json");
  CHECK(en.ends_with(R"("pipeline":["stemmer"]})"));
  CHECK(en.find(R"("title/notes/only-english/")") != std::string::npos);
  const std::string& fr = fs.file("out/fr/search/index.json");
  CHECK(fr.ends_with(R"("pipeline":["trimmer-fr","accentFold-fr","stemmer-fr"]})"));
  CHECK(fr.find(R"(["numer",)") != std::string::npos);  // numériques, numérique
  CHECK(fr.find(R"("title/fr/notes/digital/")") != std::string::npos);
  CHECK(fr.find("only-english") == std::string::npos);  // a fallback is searched in English
  const std::string& zh = fs.file("out/zh/search/index.json");
  CHECK(zh.ends_with(R"("pipeline":["bigram-zh","trimmer-bigram-zh","stemmer"]})"));
  CHECK(zh.find(R"(["字化",)") != std::string::npos);

  CHECK(fs.file("corpus.json").find("\"language\"") == std::string::npos);  // English
  CHECK(fs.file("corpus.fr.json").find(R"("language":"fr")") != std::string::npos);
  CHECK(fs.file("corpus.zh.json").find(R"("language":"zh")") != std::string::npos);
}

TEST_CASE("site search: each language's search page loads its pipeline's scripts") {
  LanguagesFs fs;
  REQUIRE(build(&fs).code == 0);
  const std::string package = agora::bundled_lunr_languages_dir();
  REQUIRE_FALSE(package.empty());
  for (const char* name : {"lunr.stemmer.support.min.js", "lunr.fr.min.js"}) {
    CAPTURE(name);
    CHECK(fs.file(std::string("out/fr/search/") + name) == fs.real_file(package + "/min/" + name));
    CHECK_FALSE(fs.has(std::string("out/search/") + name));
  }
  CHECK(fs.file("out/zh/search/lunr-zh.js") ==
        fs.real_file(agora::bundled_themes_dir() + "/default/assets/js/lunr-zh.js"));
  CHECK(fs.file("out/fr/search/index.html")
            .find(R"(data-search-scripts="fr/search/lunr.stemmer.support.min.js )"
                  R"(fr/search/lunr.fr.min.js ")") != std::string::npos);
  CHECK(
      fs.file("out/zh/search/index.html").find(R"(data-search-scripts="zh/search/lunr-zh.js ")") !=
      std::string::npos);
  CHECK(fs.file("out/search/index.html").find(R"(data-search-scripts="")") != std::string::npos);
  // The words search.js shows come from the theme, in the page's language.
  CHECK(fs.file("out/fr/search/index.html").find(R"(data-word-more="Plus de résultats")") !=
        std::string::npos);
  CHECK(fs.file("out/search/index.html").find(R"(data-word-results-one="{count} result for)") !=
        std::string::npos);

  // The offline build has the same scripts.
  LanguagesFs offline;
  REQUIRE(build(&offline, {"--offline"}).code == 0);
  CHECK(offline.file("out/fr/search/lunr.fr.min.js") == fs.file("out/fr/search/lunr.fr.min.js"));
  CHECK(offline.has("out/fr/search/index.js"));
}

TEST_CASE("site search: a language without a pipeline is indexed as English, with a warning") {
  LanguagesFs fs("", "de");
  auto run = build(&fs);
  CHECK(run.code == 0);
  CHECK(run.err.find("site.yaml: warning[search-language]: search has no pipeline for language "
                     "'de': its index uses English stemming and stop words") != std::string::npos);
  size_t count = 0;
  for (size_t at = run.err.find("[search-language]"); at != std::string::npos;
       at = run.err.find("[search-language]", at + 1)) {
    ++count;
  }
  CHECK(count == 1);
  CHECK(fs.file("out/de/search/index.json").ends_with(R"("pipeline":["stemmer"]})"));
  CHECK(fs.file("out/de/search/index.html").find(R"(data-search-scripts="")") != std::string::npos);

  agora::Site site;
  for (const char* code : {"fr-CA", "zh_Hans", "ar"}) {
    site.language = code;
    CHECK(agora::site_search_language(site).code() == std::string(code).substr(0, 2));
  }
  site.language = "pt-BR";
  agora::Diagnostics diags;
  CHECK(agora::site_search_language(site, &diags).code() == "en");
  CHECK(diags.items().size() == 1);
}

TEST_CASE("site search: shards of each language in its own tree, with its pipeline") {
  LanguagesFs fs("search:\n  shards: {above: 100, size: 1000, documents: 1}\n");
  auto run = build(&fs);
  INFO(run.err);
  REQUIRE(run.code == 0);
  const std::string& map = fs.file("out/fr/search/shards.json");
  REQUIRE_FALSE(map.empty());
  CHECK(map.find(R"("pipeline":["trimmer-fr","accentFold-fr","stemmer-fr"])") != std::string::npos);
  CHECK(map.find(R"("types":[["fr/notes/","Note"]])") != std::string::npos);
  CHECK_FALSE(fs.has("out/fr/search/index.json"));
  CHECK(fs.has("out/fr/search/lunr.fr.min.js"));
  bool fr_shard = false, zh_shard = false;
  std::string store;
  for (const auto& [path, text] : fs.memory_.files()) {
    if (path.starts_with("out/fr/search/shard-")) {
      fr_shard = true;
      // The language's own documents (the map above names its pipeline).
      CHECK(text.find(R"(,"fr/notes/)") != std::string::npos);
      CHECK(text.find(R"(,"notes/)") == std::string::npos);
    }
    if (path.starts_with("out/zh/search/shard-")) zh_shard = true;
    if (path.starts_with("out/fr/search/docs-")) store += text;
  }
  CHECK(fr_shard);
  CHECK(zh_shard);
  // The store holds the language's own documents, linked from the root.
  CHECK(store.find(
            R"("fr/notes/digital/":{"title":"Services numériques","url":"fr/notes/digital/")") !=
        std::string::npos);
  CHECK(store.find("only-english") == std::string::npos);
  CHECK(fs.file("out/search/shards.json").find(R"("types":[["notes/","Note"]])") !=
        std::string::npos);
}

TEST_CASE("site search: lunr-languages missing is an error that says how to get it") {
  LanguagesFs fs;
  REQUIRE(setenv("AGORA_LUNR_LANGUAGES_DIR", "/nonexistent/lunr-languages", 1) == 0);
  auto run = build(&fs);
  unsetenv("AGORA_LUNR_LANGUAGES_DIR");
  CHECK(run.code == 1);
  CHECK(run.err.find("/nonexistent/lunr-languages/min/lunr.stemmer.support.min.js: "
                     "error[missing-lunr-languages]: cannot read lunr-languages' "
                     "min/lunr.stemmer.support.min.js for the search page in 'fr'") !=
        std::string::npos);
  CHECK_FALSE(fs.has("out/index.html"));
}
