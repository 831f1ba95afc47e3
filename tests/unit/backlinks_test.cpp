// Back-links for every reference: a document named by another's reference
// field lists it on its page, grouped as site.yaml's backlinks says, with a
// group naming one type's field as "TYPE.FIELD".

#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "model/site_loader.h"
#include "render/page_views.h"
#include "render/theme.h"
#include "site_fixture.h"

namespace {

class BacklinksFs : public agora::testing::FixtureFs {
 public:
  explicit BacklinksFs(const std::string& backlinks = "") {
    std::string config = agora::testing::kFixtureConfig;
    const std::string field = "      - {name: see_also, type: list-of-references, target: notes}\n";
    config.replace(config.find(field), field.size(), field + backlinks);
    std::string err;
    memory_.write_file("site/site.yaml", config, &err);
  }
};

// A document's page view, with the site and the views it shows: a view
// reads the site's text in place (SiteText in render/views.h).
struct PageOf {
  PageOf(const agora::FileSystem& fs, const std::string& slug) {
    agora::Diagnostics diags;
    site = agora::load_site(fs, "site/site.yaml", {}, &diags);
    REQUIRE_FALSE(diags.has_errors());
    REQUIRE(site);
    theme = agora::load_theme(fs, site->config, &diags);
    REQUIRE(theme);
    views.emplace(*site, theme->words, agora::UrlStyle{}, agora::PageExtras{});
    const agora::Document* doc = site->find("notes", slug);
    REQUIRE(doc);
    page = views->document(static_cast<size_t>(doc - site->documents.data()));
  }
  std::optional<agora::Site> site;
  std::optional<agora::Theme> theme;
  std::optional<agora::PageViews> views;
  agora::DocumentPage page;
};

}  // namespace

TEST_CASE("a reference field gives its target a back-link, in a group of its own by default") {
  BacklinksFs fs;
  const PageOf of(fs, "alpha");
  const agora::DocumentPage& alpha = of.page;
  REQUIRE(alpha.document.mentions.size() == 1);
  CHECK(alpha.document.mentions[0].group == "field:see_also");
  CHECK(alpha.document.mentions[0].label == "Named in see also");
  REQUIRE(alpha.document.mentions[0].items.size() == 1);
  CHECK(alpha.document.mentions[0].items[0].title == "Beta");
  CHECK(alpha.document.mentions[0].items[0].url == "../beta/");
}

TEST_CASE("a backlinks group may name one type's field as TYPE.FIELD") {
  BacklinksFs fs(
      "    backlinks:\n"
      "      - {name: cited, label: Cited by, fields: [notes.see_also]}\n");
  const PageOf of(fs, "alpha");
  const agora::DocumentPage& alpha = of.page;
  REQUIRE(alpha.document.mentions.size() == 1);
  CHECK(alpha.document.mentions[0].group == "cited");
  CHECK(alpha.document.mentions[0].label == "Cited by");
  CHECK(alpha.document.mentions[0].count == 1);
}

TEST_CASE("a backlinks group naming an unknown TYPE.FIELD is an error with a suggestion") {
  BacklinksFs fs(
      "    backlinks:\n"
      "      - {name: cited, label: Cited by, fields: [notes.see_als]}\n");
  agora::Diagnostics diags;
  auto config = agora::load_config(fs, "site/site.yaml", &diags);
  REQUIRE(diags.items().size() == 1);
  const agora::Diagnostic& d = diags.items()[0];
  CHECK(d.code == "unknown-field");
  CHECK(d.message == "backlinks group 'cited' of type 'notes' names unknown field 'notes.see_als'");
  CHECK(d.hint == "did you mean 'notes.see_also'?");
}
