#include <doctest/doctest.h>

#include <string>

#include "model/site_loader.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "render/words.h"
#include "site_fixture.h"
#include "util/install_paths.h"

using agora::Words;

TEST_CASE("plural categories follow CLDR for the six UN languages") {
  struct Case {
    const char* language;
    long long n;
    const char* category;
  };
  for (const Case& c :
       std::vector<Case>{{"en", 0, "other"},   {"en", 1, "one"},        {"en", 2, "other"},
                         {"en-GB", 1, "one"},  {"fr", 0, "one"},        {"fr", 1, "one"},
                         {"fr", 2, "other"},   {"fr", 1000000, "many"}, {"es", 1, "one"},
                         {"es", 0, "other"},   {"es", 2000000, "many"}, {"ru", 1, "one"},
                         {"ru", 21, "one"},    {"ru", 11, "many"},      {"ru", 2, "few"},
                         {"ru", 24, "few"},    {"ru", 12, "many"},      {"ru", 5, "many"},
                         {"ru", 0, "many"},    {"ar", 0, "zero"},       {"ar", 1, "one"},
                         {"ar", 2, "two"},     {"ar", 3, "few"},        {"ar", 110, "few"},
                         {"ar", 102, "other"}, {"ar", 103, "few"},      {"ar", 11, "many"},
                         {"ar", 99, "many"},   {"zh", 1, "other"},      {"zh", 2, "other"}}) {
    CAPTURE(c.language);
    CAPTURE(c.n);
    CHECK(agora::plural_category(c.language, c.n) == c.category);
  }
}

TEST_CASE("words: placeholders, plural forms with a fallback, dates and lists") {
  Words ru("ru", nlohmann::json::parse(R"({
    "documents": {"one": "{count} документ", "few": "{count} документа", "many": "{count} документов"},
    "hello": "Hi {name}, {unknown} stays",
    "months": ["января","февраля","марта","апреля","мая","июня","июля","августа","сентября","октября","ноября","декабря"],
    "date_format": "{day} {month} {year} г.",
    "list_and": " и ", "list_comma": ", "
  })"));
  CHECK(ru.plural("documents", 1) == "1 документ");
  CHECK(ru.plural("documents", 3) == "3 документа");
  CHECK(ru.plural("documents", 11) == "11 документов");
  CHECK(ru.format("hello", {{"name", "Ann"}}) == "Hi Ann, {unknown} stays");
  CHECK(ru.format("missing") == "");
  CHECK(ru.date("2019-12-10") == "10 декабря 2019 г.");
  CHECK(ru.date("not a date") == "not a date");
  CHECK(ru.list({"a"}) == "a");
  CHECK(ru.list({"a", "b", "c"}) == "a, b и c");
  // A language without a form for its category falls back to "other".
  Words en("en", nlohmann::json::parse(R"({"documents": {"other": "{count} docs"}})"));
  CHECK(en.plural("documents", 1) == "1 docs");
}

TEST_CASE("a language file that lacks a generator word is an error naming it") {
  agora::testing::FixtureFs fs;
  std::string err;
  fs.memory_.write_file("site/themes/bare/templates/home.mustache", "x", &err);
  fs.memory_.write_file("site/themes/bare/i18n/en.yaml", "home: Home\n", &err);
  agora::Diagnostics diags;
  auto config = agora::load_config(fs, "site/site.yaml", &diags);
  REQUIRE(config);
  config->theme = "bare";
  auto theme = agora::load_theme(fs, *config, &diags);
  REQUIRE(theme);
  bool found = false;
  for (const auto& d : diags.items()) {
    if (d.code == "missing-word" && d.message.find("'months'") != std::string::npos) {
      found = true;
      CHECK(d.file == "themes/bare/i18n/en.yaml");
    }
  }
  CHECK(found);
}

TEST_CASE("a site with language: fr renders French words and French month names") {
  agora::testing::FixtureFs fs;
  std::string config, err;
  fs.memory_.read_file("site/site.yaml", &config, &err);
  fs.memory_.write_file("site/site.yaml", "language: fr\n" + config, &err);
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", agora::LoadOptions{}, &diags);
  REQUIRE(site);
  auto theme = agora::load_theme(fs, site->config, &diags);
  REQUIRE(theme);
  REQUIRE_FALSE(diags.has_errors());
  agora::SiteFiles files;
  REQUIRE(agora::render_site(*site, *theme, agora::RenderOptions{}, &files, &diags));

  const std::string& home = files.at("index.html");
  CHECK(home.find("<html lang=\"fr\" dir=\"ltr\"") != std::string::npos);
  CHECK(home.find("<h2 id=\"latest\">Derniers ajouts</h2>") != std::string::npos);
  CHECK(home.find("5 documents, ouverts à tous.") != std::string::npos);
  CHECK(home.find("<time datetime=\"2022-05-01\">1 mai 2022</time>") != std::string::npos);
  CHECK(home.find("Skip to content") == std::string::npos);

  const std::string& alpha = files.at("notes/alpha/index.html");
  CHECK(alpha.find("<li><a href=\"../../\">Accueil</a></li>") != std::string::npos);
  CHECK(alpha.find("<time datetime=\"2021-03-01\">1 mars 2021</time>") != std::string::npos);
  CHECK(alpha.find("<dt>Dernière mise à jour</dt>") != std::string::npos);

  const std::string& listing = files.at("notes/index.html");
  CHECK(listing.find("3 documents, du plus récent au plus ancien.") != std::string::npos);
  CHECK(listing.find("rel=\"next\">Suivante</a>") != std::string::npos);
  CHECK(listing.find("<time datetime=\"2022-05-01\">1 mai 2022</time>") != std::string::npos);
}

TEST_CASE("numbers are grouped as the language writes them") {
  Words en("en", nlohmann::json::parse(R"({"number_group": ",",
    "documents": {"one": "{count} document", "other": "{count} documents"}})"));
  CHECK(en.number(0) == "0");
  CHECK(en.number(999) == "999");
  CHECK(en.number(1000) == "1,000");
  CHECK(en.number(1234567) == "1,234,567");
  CHECK(en.number(-1234) == "-1,234");
  CHECK(en.plural("documents", 10117) == "10,117 documents");
  // Spanish groups only from five digits (CLDR minimumGroupingDigits 2).
  Words es("es", nlohmann::json::parse(R"({"number_group": ".", "number_min_grouping": 2})"));
  CHECK(es.number(1000) == "1000");
  CHECK(es.number(10000) == "10.000");
  // No number_group: digits as they are.
  CHECK(Words("xx", nlohmann::json::object()).number(12345) == "12345");
}

TEST_CASE("a language's missing words come from the default language, with one warning") {
  agora::testing::FixtureFs fs;
  std::string config, err, english;
  fs.memory_.read_file("site/site.yaml", &config, &err);
  fs.memory_.write_file("site/site.yaml",
                        "languages:\n  en: {name: English}\n  fr: {name: Français}\n" + config,
                        &err);
  REQUIRE(fs.read_file(agora::bundled_themes_dir() + "/default/i18n/en.yaml", &english, &err));
  fs.memory_.write_file("site/themes/half/i18n/en.yaml", english, &err);
  fs.memory_.write_file("site/themes/half/i18n/fr.yaml", "home: Accueil\n", &err);
  agora::Diagnostics diags;
  auto loaded = agora::load_config(fs, "site/site.yaml", &diags);
  REQUIRE(loaded);
  loaded->theme = "half";
  auto theme = agora::load_theme(fs, *loaded, &diags);
  REQUIRE(theme);
  std::vector<agora::Diagnostic> untranslated;
  for (const auto& d : diags.items()) {
    if (d.code == "untranslated-words") untranslated.push_back(d);
  }
  REQUIRE(untranslated.size() == 1);
  CHECK(untranslated[0].file == "themes/half/i18n/fr.yaml");
  CHECK(untranslated[0].message.starts_with("the words for 'fr' lack "));
  // Every English key but the one French has, the first ones named in order.
  const nlohmann::json& all = theme->words_for("en").json();
  std::string first_missing;
  for (const auto& [key, value] : all.items()) {
    if (key == "home") continue;
    first_missing = key;
    break;
  }
  CHECK(untranslated[0].message.find(" lack " + std::to_string(all.size() - 1) +
                                     " of the default language's (" + first_missing + ", ") !=
        std::string::npos);
  const agora::Words& french = theme->words_for("fr");
  CHECK(french.format("home") == "Accueil");
  CHECK(french.format("search") == "Search");
  CHECK(french.date("2022-05-01") == "1 May 2022");
}
