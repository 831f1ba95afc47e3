#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/site_loader.h"
#include "render/facets.h"
#include "render/page_views.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "render/view_json.h"
#include "site_fixture.h"

using agora::Diagnostics;
using agora::LoadOptions;
using agora::MemoryFileSystem;
using agora::RealFileSystem;
using nlohmann::json;

namespace {

std::string replace_once(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// The fixture site plus a regions vocabulary with a hierarchy:
// world > africa > western-africa, world > oceania (unused), and ldcs on
// its own.
class RegionsFs : public agora::testing::MemorySiteFs {
 public:
  RegionsFs() {
    agora::testing::write_fixture_site(&memory_);
    std::string config = agora::testing::kFixtureConfig;
    config = replace_once(config, "taxonomies:\n",
                          "taxonomies:\n  regions:\n    title: Regions\n    singular: Region\n"
                          "    vocabulary: {file: data/regions.yaml}\n");
    config = replace_once(config, "  - {name: countries, type: list-of-terms",
                          "  - {name: regions, type: list-of-terms, taxonomy: regions}\n"
                          "  - {name: countries, type: list-of-terms");
    config += "browse:\n  facets: [themes, regions]\n";
    std::string err;
    memory_.write_file("site/site.yaml", config, &err);
    memory_.write_file("site/data/regions.yaml",
                       "- {id: world, name: World}\n"
                       "- {id: africa, name: Africa, parent: world}\n"
                       "- {id: western-africa, name: Western Africa, parent: africa}\n"
                       "- {id: ldcs, name: Least developed countries}\n"
                       "- {id: oceania, name: Oceania, parent: world}\n",
                       &err);
    // alpha: skills + inclusion, in two African regions (counts once in Africa).
    memory_.write_file(
        "site/content/notes/alpha.md",
        agora::testing::fixture_doc(
            "title: Alpha\ndate: 2021-03-01\nsummary: First.\nthemes: [skills, inclusion]\n"
            "regions: [western-africa, africa]\nleads: [itu]\n"),
        &err);
    memory_.write_file(
        "site/content/notes/beta.md",
        agora::testing::fixture_doc(
            "title: Beta\ndate: 2022-05-01\nsummary: Second.\nthemes: [skills]\n"
            "regions: [world, ldcs]\norganizations: [itu, undp]\nsee_also: [alpha]\n"),
        &err);
  }
};

// The bundled theme's English words.
const agora::Words& english() {
  static const agora::Words words = [] {
    RegionsFs fs;
    Diagnostics diags;
    auto config = agora::load_config(fs, "site/site.yaml", &diags);
    REQUIRE(config);
    auto theme = agora::load_theme(fs, *config, &diags);
    REQUIRE(theme);
    return theme->words;
  }();
  return words;
}

agora::Site load(const agora::FileSystem& fs) {
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", LoadOptions{}, &diags);
  REQUIRE(site);
  REQUIRE_FALSE(diags.has_errors());
  return std::move(*site);
}

std::vector<std::string> slugs(const agora::Site& site, const std::vector<size_t>& indexes) {
  std::vector<std::string> out;
  for (size_t i : indexes) out.push_back(site.documents[i].slug);
  return out;
}

}  // namespace

TEST_CASE("facets: one page per type and term in use, newest first, by term name") {
  RegionsFs fs;
  agora::Site site = load(fs);
  auto facets = agora::plan_facets(site, {"themes", "missing", "organizations"});
  std::vector<std::string> paths;
  for (const auto& facet : facets) paths.push_back(facet.path);
  // Digital inclusion, Digital skills, Infrastructure; no organizations
  // facets (a documents vocabulary) and nothing for the missing taxonomy.
  CHECK(paths == std::vector<std::string>{"notes/themes/inclusion/", "notes/themes/skills/",
                                          "notes/themes/infra/"});
  CHECK(slugs(site, facets[1].documents) == std::vector<std::string>{"beta", "alpha"});
  CHECK(facets[1].term->name == "Digital skills");
  CHECK(agora::facet_path("notes", *site.config.taxonomy("regions"), "Western-Africa") ==
        "notes/regions/western-africa/");
}

TEST_CASE("facet filters: relative chip links, the current one marked, its group open") {
  RegionsFs fs;
  agora::Site site = load(fs);
  agora::PageViews views(site, english(), agora::UrlStyle{}, {});
  const auto& facets = views.facets();

  json listing =
      agora::to_json(views.type_listing(*site.config.type("notes"), 1))["listing"]["filters"];
  CHECK(listing["filtered"] == false);
  REQUIRE(listing["groups"].size() == 2);
  CHECK(listing["groups"][0]["title"] == "Themes");
  CHECK(listing["groups"][0]["open"] == true);
  CHECK(listing["groups"][0]["chips"][1] == json{{"name", "Digital skills"},
                                                 {"url", "themes/skills/"},
                                                 {"count", 2},
                                                 {"current", false}});
  CHECK(listing["groups"][1]["title"] == "Regions");

  const agora::Facet* skills = &facets[1];
  json page = agora::to_json(views.facet_listing(*skills, 1))["listing"]["filters"];
  CHECK(page["filtered"] == true);
  CHECK(page["all_url"] == "../../");
  CHECK(page["groups"][0]["chips"][1]["current"] == true);
  CHECK(page["groups"][0]["chips"][1]["url"] == "./");
  CHECK(page["groups"][0]["open"] == true);
  CHECK(page["groups"][1]["open"] == false);
  CHECK(page["groups"][1]["chips"][0]["url"] == "../../regions/africa/");

  CHECK(agora::to_json(views.type_listing(*site.config.type("organizations"),
                                          1))["listing"]["filters"]["has_filters"] == false);
}

TEST_CASE("top-level terms have no parent or a parent that has none") {
  RegionsFs fs;
  agora::Site site = load(fs);
  std::vector<std::string> ids;
  for (const auto* term : agora::top_level_terms(site.vocabularies.at("regions")))
    ids.push_back(term->id);
  CHECK(ids == std::vector<std::string>{"world", "africa", "ldcs", "oceania"});
}

TEST_CASE("gap map: narrower regions roll up, each document counts once per cell") {
  RegionsFs fs;
  agora::Site site = load(fs);
  agora::GapMapSpec spec{"themes", "regions", {"initiatives", "case-studies"}};
  spec.types = {"notes"};
  auto map = agora::build_gap_map(site, spec);
  REQUIRE(map);
  REQUIRE(map->rows.size() == 3);     // skills, inclusion, infra
  REQUIRE(map->columns.size() == 4);  // world, africa, ldcs, oceania
  CHECK(map->type_titles == std::vector<std::string>{"Notes"});
  auto count = [&](size_t r, size_t c) { return map->cells[r][c].documents.size(); };
  // skills: beta in world and ldcs, alpha in africa (from two regions, once).
  CHECK(count(0, 0) == 1);
  CHECK(count(0, 1) == 1);
  CHECK(count(0, 2) == 1);
  CHECK(count(1, 1) == 1);  // inclusion: alpha
  CHECK(count(1, 0) == 0);
  CHECK(count(2, 0) == 0);  // infra: gamma has no region
  CHECK(map->max_count == 1);
  CHECK(map->cells[0][1].path == "gap-map/skills/africa/");

  site.config.browse.gap_rows = "themes";
  site.config.browse.gap_columns = "regions";
  site.config.browse.gap_types = {"notes"};
  agora::PageViews views(site, english(), agora::UrlStyle{}, {});
  json page = agora::to_json(views.gap_map_page())["gap_map"];
  CHECK(page["columns"][1] == json{{"name", "Africa"}, {"url", "../regions/africa/"}});
  // A term no document uses has no page to link to.
  CHECK(page["rows"][2]["url"] == "../themes/infra/");
  CHECK(page["columns"][2]["url"] == "../regions/ldcs/");
  CHECK(page["columns"][3]["url"] == false);
  CHECK(page["rows"][0]["total"] == 3);
  CHECK(page["rows"][0]["cells"][1]["url"] == "skills/africa/");
  CHECK(page["rows"][1]["cells"][0]["url"] == false);  // empty cells link nowhere
  CHECK(page["empty_cells"] == 8);
  CHECK(page["types"] == "Notes");

  spec.types = {"no-such-type"};
  CHECK_FALSE(agora::build_gap_map(site, spec));
  spec.types = {"notes"};
  spec.columns = "no-such-taxonomy";
  CHECK_FALSE(agora::build_gap_map(site, spec));
}

TEST_CASE("gap shade: 0 only when empty, 4 for the fullest") {
  struct Case {
    size_t count, max;
    int shade;
  };
  for (const auto& c : std::vector<Case>{{0, 10, 0},
                                         {1, 10, 1},
                                         {2, 10, 1},
                                         {3, 10, 2},
                                         {5, 10, 2},
                                         {6, 10, 3},
                                         {8, 10, 4},
                                         {10, 10, 4},
                                         {1, 1, 4},
                                         {0, 0, 0}}) {
    CAPTURE(c.count);
    CAPTURE(c.max);
    CHECK(agora::gap_shade(c.count, c.max) == c.shade);
  }
}

TEST_CASE("organization pages group who names them by role, each document once") {
  RegionsFs fs;
  std::string err;
  // gamma names itu twice: as a lead and as a mention; it shows under the lead.
  fs.memory_.write_file(
      "site/content/notes/gamma.md",
      agora::testing::fixture_doc("title: Gamma\ndate: 2020-07-01\nsummary: Third.\n"
                                  "organizations: [itu]\nleads: [itu]\n"),
      &err);
  std::string config;
  fs.memory_.read_file("site/site.yaml", &config, &err);
  config = replace_once(config, "name: leads,", "name: lead_organizations,");
  config = replace_once(config, "      - {name: mentioned,",
                        "      - {name: leads, label: Leads, fields: [lead_organizations]}\n"
                        "      - {name: mentioned,");
  fs.memory_.write_file("site/site.yaml", config, &err);
  for (const char* slug : {"alpha", "gamma"}) {
    std::string text;
    std::string path = std::string("site/content/notes/") + slug + ".md";
    fs.memory_.read_file(path, &text, &err);
    fs.memory_.write_file(path, replace_once(text, "leads:", "lead_organizations:"), &err);
  }
  agora::Site site = load(fs);
  agora::PageViews views(site, english(), agora::UrlStyle{}, {});
  size_t itu = site.by_key.at("organizations/itu");
  json page = agora::to_json(views.document(itu));
  const json& groups = page["document"]["mentions"];
  REQUIRE(groups.size() == 2);
  CHECK(groups[0]["label"] == "Leads");
  CHECK(groups[0]["count"] == 2);
  CHECK(groups[0]["items"][0]["title"] == "Alpha");
  CHECK(groups[0]["items"][1]["title"] == "Gamma");
  CHECK(groups[1]["label"] == "Mentioned in");
  CHECK(groups[1]["count"] == 1);
  CHECK(groups[1]["items"][0]["title"] == "Beta");
}

TEST_CASE("render_site writes facet pages linked from the listing as filter chips") {
  RegionsFs fs;
  // The real default theme, copied into the in-memory site.
  RealFileSystem real;
  std::string theme_dir = std::string(AGORA_SOURCE_DIR) + "/themes/default";
  std::string err;
  for (const auto& file : real.list_files(theme_dir)) {
    std::string text;
    REQUIRE(real.read_file(theme_dir + "/" + file, &text, &err));
    fs.memory_.write_file("site/themes/default/" + file, text, &err);
  }
  agora::Site site = load(fs);
  agora::SiteFiles files;
  Diagnostics diags;
  auto theme = agora::load_theme(fs, site.config, &diags);
  REQUIRE(theme);
  REQUIRE(agora::render_site(site, *theme, agora::RenderOptions{}, &files, &diags));

  const std::string& listing = files.at("notes/index.html");
  CHECK(
      listing.find(R"(<a href="themes/skills/">Digital skills <span class="count">2</span></a>)") !=
      std::string::npos);
  CHECK(listing.find(R"(<a href="regions/africa/">)") != std::string::npos);

  const std::string& facet = files.at("notes/themes/skills/index.html");
  CHECK(facet.find("<h1>Notes: Digital skills</h1>") != std::string::npos);
  CHECK(facet.find(R"(<a href="./" aria-current="page">Digital skills)") != std::string::npos);
  CHECK(facet.find(R"(<a href="../../">All notes</a>)") != std::string::npos);
  CHECK(facet.find("2 documents, newest first.") != std::string::npos);
  CHECK(files.count("notes/regions/western-africa/index.html") == 1);
  CHECK(files.count("organizations/themes/skills/index.html") ==
        0);  // no organization has the theme

  // The fixture has no initiatives or case studies: no gap map, no link to one.
  CHECK(files.count("gap-map/index.html") == 0);
  CHECK(listing.find("Gap map") == std::string::npos);
}
