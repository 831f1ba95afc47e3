// A build renders the default language from the loaded site itself when it
// is that language's view (is_language_view), instead of copying every
// document into one: the pages and search files must be the view's, byte
// for byte.

#include <doctest/doctest.h>

#include <algorithm>

#include "model/languages.h"
#include "model/relations.h"
#include "model/site_loader.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "search/site_search.h"
#include "site_fixture.h"

namespace {

// Every page, feed and search file of one language, as `site` renders it.
agora::SiteFiles render_language(const agora::Site& site, const agora::Theme& theme) {
  agora::SiteFiles files;
  agora::CollectingSink sink(&files);
  agora::Diagnostics diags;
  const agora::RealFileSystem fs;
  agora::SiteIndex index = agora::build_site_index(site, agora::site_search_corpus(site));
  REQUIRE(agora::add_search_files(fs, site, std::move(index), {}, theme.assets, &sink, &diags));
  REQUIRE(agora::render_site(site, theme, {}, &files, &diags));
  REQUIRE_FALSE(diags.has_errors());
  return files;
}

// The first path where two renderings differ, "" when they are the same.
std::string first_difference(const agora::SiteFiles& a, const agora::SiteFiles& b) {
  auto ia = a.begin(), ib = b.begin();
  for (; ia != a.end() && ib != b.end(); ++ia, ++ib) {
    if (ia->first != ib->first) return std::min(ia->first, ib->first);
    if (ia->second != ib->second) return ia->first;
  }
  if (ia != a.end()) return ia->first;
  if (ib != b.end()) return ib->first;
  return "";
}

const char* kFoldersConfig = R"(title: Folders
language: en
languages:
  en: English
  fr: Français
translations: {layout: folders, key: key}
common_fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: summary, type: text, required: true}
  - {name: key, type: string}
types:
  notes: {title: Notes, singular: Note}
)";

}  // namespace

TEST_CASE("the repository's site, as loaded, renders its default language as its view does") {
  const agora::RealFileSystem fs;
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, std::string(AGORA_SOURCE_DIR) + "/site.yaml", {}, &diags);
  REQUIRE(site);
  auto theme = agora::load_theme(fs, site->config, &diags);
  REQUIRE(theme);
  REQUIRE_FALSE(diags.has_errors());
  // The repository has translations, a gap map and a clearing-house: what a
  // copy that leaves the translations out could show differently.
  REQUIRE(site->config.multilingual());
  REQUIRE(std::any_of(site->documents.begin(), site->documents.end(),
                      [](const agora::Document& doc) { return doc.is_translation(); }));
  REQUIRE(agora::is_language_view(*site, site->language));
  CHECK_FALSE(agora::is_language_view(*site, "fr"));

  agora::SiteFiles loaded = render_language(*site, *theme);
  agora::SiteFiles view = render_language(agora::language_view(*site, site->language), *theme);
  CHECK(loaded.size() > 100);
  CHECK(first_difference(loaded, view) == "");
}

TEST_CASE("an original in another language than the default needs a view of its own") {
  agora::testing::MemorySiteFs fs;
  std::string err;
  fs.memory_.write_file("site/site.yaml", kFoldersConfig, &err);
  fs.memory_.write_file(
      "site/content/en/notes/shared.md",
      agora::testing::fixture_doc("title: Shared\ndate: 2022-01-01\nsummary: Both.\nkey: shared\n"),
      &err);
  fs.memory_.write_file(
      "site/content/fr/notes/partage.md",
      agora::testing::fixture_doc("title: Partagé\ndate: 2022-01-01\nsummary: Les deux.\nkey: "
                                  "shared\n"),
      &err);
  fs.memory_.write_file(
      "site/content/fr/notes/seulement.md",
      agora::testing::fixture_doc("title: Seulement\ndate: 2022-02-01\nsummary: Français.\n"),
      &err);
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", {}, &diags);
  REQUIRE(site);
  REQUIRE_FALSE(diags.has_errors());

  // The French original is listed in English as a fallback; the loaded
  // site does not list it, so it cannot stand for the English view.
  CHECK_FALSE(agora::is_language_view(*site, "en"));
  agora::Site english = agora::language_view(*site, "en");
  CHECK(english.by_type.at("notes").size() == 2);
  CHECK(site->by_type.at("notes").size() == 1);

  // Without it, the default language's view is the loaded site.
  fs.memory_.remove_all("site/content/fr/notes/seulement.md", &err);
  site = agora::load_site(fs, "site/site.yaml", {}, &diags);
  REQUIRE(site);
  CHECK(agora::is_language_view(*site, "en"));
  CHECK_FALSE(agora::is_language_view(*site, "fr"));
}

TEST_CASE("a language's view finds related documents for its own pages only") {
  const agora::RealFileSystem fs;
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, std::string(AGORA_SOURCE_DIR) + "/site.yaml", {}, &diags);
  REQUIRE(site);
  const agora::Site fr = agora::language_view(*site, "fr");
  const auto& docs = fr.documents;
  // Shared terms with every other document the view shows, most first, then
  // newest, then by key: what a page lists, worked out the long way.
  auto expected = [&](size_t i) {
    std::vector<std::pair<int, size_t>> shared;
    for (size_t j = 0; j < docs.size(); ++j) {
      if (j == i || !fr.shows(docs[j])) continue;
      int n = 0;
      for (const auto& [taxonomy, ids] : docs[i].terms) {
        auto other = docs[j].terms.find(taxonomy);
        if (other == docs[j].terms.end()) continue;
        for (const auto& id : ids) {
          n += std::count(other->second.begin(), other->second.end(), id) > 0 ? 1 : 0;
        }
      }
      if (n > 0) shared.emplace_back(n, j);
    }
    std::sort(shared.begin(), shared.end(), [&](const auto& a, const auto& b) {
      const agora::Document &x = docs[a.second], &y = docs[b.second];
      if (a.first != b.first) return a.first > b.first;
      return std::tie(y.date, x.type, x.slug) < std::tie(x.date, y.type, y.slug);
    });
    std::vector<size_t> out;
    for (size_t k = 0; k < shared.size() && k < 5; ++k) out.push_back(shared[k].second);
    return out;
  };
  size_t pages = 0, fallbacks = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    if (!fr.shows(docs[i])) continue;
    if (fr.fallback(docs[i])) {
      ++fallbacks;
      CHECK(agora::related_documents(fr, i).empty());
    } else {
      ++pages;
      CHECK(agora::related_documents(fr, i) == expected(i));
    }
  }
  CHECK(pages > 0);
  CHECK(fallbacks > 0);
}

TEST_CASE("a language's view shares the loaded site's documents and tells its fallbacks") {
  const agora::RealFileSystem fs;
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, std::string(AGORA_SOURCE_DIR) + "/site.yaml", {}, &diags);
  REQUIRE(site);
  const agora::Site fr = agora::language_view(*site, "fr");
  REQUIRE(fr.documents.is_view());
  const agora::Document* first = site->documents.data();
  const agora::Document* last = first + site->documents.size();
  size_t fallbacks = 0;
  for (const agora::Document& doc : fr.documents) {
    CHECK((&doc >= first && &doc < last));  // the site's own, not a copy
    CHECK(fr.shows(doc));
    CHECK(fr.fallback(doc) == (doc.language != "fr"));
    fallbacks += fr.fallback(doc);
  }
  CHECK(fallbacks > 0);
  // The loaded site has no fallbacks, and shows only its own language.
  for (const agora::Document& doc : site->documents) {
    CHECK_FALSE(site->fallback(doc));
    CHECK(site->shows(doc) == (doc.language == site->language));
  }
}
