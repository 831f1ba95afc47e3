// The clearing-house's pages (render/support_pages.h, model/support_map.h):
// who serves a service in a region and a country, the needs gap map, the
// suggested offers and their reasons, the prefilled request links, the
// dashboard's view and charts, back-links by reference, the example label
// and the licence in the open data.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clearing_fixture.h"
#include "model/clearing_house.h"
#include "model/dashboard.h"
#include "model/issue_forms.h"
#include "model/support_map.h"
#include "render/open_data.h"
#include "render/page_views.h"
#include "render/site_renderer.h"
#include "render/support_pages.h"
#include "render/theme.h"
#include "render/view_json.h"

namespace {

using agora::testing::ClearingFs;

// The fixture's clearing-house with a directory of offers and an email
// route.
class SupportFs : public ClearingFs {
 public:
  SupportFs() {
    std::string config = agora::testing::kClearingConfig;
    const std::string anchor = "  dashboard: [status, regions, services]\n";
    config.replace(config.find(anchor), anchor.size(),
                   anchor +
                       "  directory:\n"
                       "    types: [offers]\n"
                       "    services: services\n"
                       "    places: [countries, regions]\n"
                       "    countries: countries\n"
                       "    regions: regions\n"
                       "  email: desk@example.org\n");
    config.replace(config.find("title: Clearing fixture\n"), 24,
                   "title: Clearing fixture\nlicense: {name: CC BY 4.0, url: "
                   "https://creativecommons.org/licenses/by/4.0/}\n");
    std::string err;
    memory_.write_file("site/site.yaml", config, &err);
    add("offers", "global-train",
        "provider: [itu]\nservices: [train]\nregions: [World]\nlanguages: [en, fr]\n");
    add("offers", "africa-assess",
        "provider: [undp]\nservices: [assess]\nregions: [Africa]\nlanguages: [fr]\n");
    add("offers", "gulf-peer",
        "provider: [escwa]\nservices: [peer]\nregions: [Western Asia]\nlanguages: [ar]\n");
    request("ghana", "open", "services: [assess, train]\ncountries: [Ghana]\nlanguages: [fr]\n");
    request("kenya-peer", "open", "services: [peer]\ncountries: [Kenya]\nexample: true\n");
    request("nowhere", "open", "services: [peer]\n");
    memory_.write_file(
        "site/content/requests/iraq.md",
        "---\ntitle: iraq\ndate: 2023-01-01\nsummary: S.\nrequester: A ministry\n"
        "status: closed\nas_of: 2023-06-01\ntimeline:\n  - {date: 2023-01-01, status: open}\n"
        "  - {date: 2023-02-01, status: matched}\n  - {date: 2023-06-01, status: closed}\n"
        "matched_offers: [gulf-peer]\ncountries: [Iraq]\nservices: [peer]\n---\nBody.\n",
        &err);
  }
  void request(const std::string& slug, const std::string& status, const std::string& fields) {
    add("requests", slug,
        "requester: Someone\nstatus: " + status + "\nas_of: 2024-01-01\ntimeline:\n" +
            "  - {date: 2024-01-01, status: " + status + "}\n" + fields);
  }
};

agora::Site load(const agora::FileSystem& fs) {
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", {}, &diags);
  for (const auto& d : diags.items()) FAIL_CHECK(agora::format_diagnostic_line(d));
  REQUIRE(site);
  return std::move(*site);
}

agora::Theme theme_of(const agora::FileSystem& fs, const agora::Site& site) {
  agora::Diagnostics diags;
  auto theme = agora::load_theme(fs, site.config, &diags);
  for (const auto& d : diags.items()) FAIL_CHECK(agora::format_diagnostic_line(d));
  REQUIRE(theme);
  return std::move(*theme);
}

std::vector<std::string> slugs(const agora::Site& site, const std::vector<size_t>& indexes) {
  std::vector<std::string> out;
  for (size_t i : indexes) out.push_back(site.documents[i].slug);
  return out;
}

size_t row_of(const agora::SupportMap& map, const std::string& id) {
  for (size_t r = 0; r < map.rows.size(); ++r) {
    if (map.rows[r]->id == id) return r;
  }
  FAIL("no row " << id);
  return 0;
}

size_t column_of(const agora::SupportMap& map, const std::string& id) {
  for (size_t c = 0; c < map.columns.size(); ++c) {
    if (map.columns[c]->id == id) return c;
  }
  FAIL("no column " << id);
  return 0;
}

// %XX back to bytes, for the round trip of prefilled values.
std::string percent_decode(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The query of a URL as (name, value) pairs, decoded.
std::vector<std::pair<std::string, std::string>> query_of(const std::string& url) {
  std::vector<std::pair<std::string, std::string>> out;
  std::string query = url.substr(url.find('?') + 1);
  size_t from = 0;
  while (from <= query.size()) {
    size_t to = query.find('&', from);
    if (to == std::string::npos) to = query.size();
    std::string pair = query.substr(from, to - from);
    size_t eq = pair.find('=');
    out.emplace_back(percent_decode(pair.substr(0, eq)), percent_decode(pair.substr(eq + 1)));
    from = to + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("support map: who serves each service in each region, and the needs") {
  SupportFs fs;
  agora::Site site = load(fs);
  auto map = agora::build_support_map(site);
  REQUIRE(map);
  std::vector<std::string> columns;
  for (const auto* term : map->columns) columns.push_back(term->id);
  CHECK(columns == std::vector<std::string>{"world", "africa", "asia"});
  auto cell = [&](const char* service, const char* region) {
    return slugs(site, map->cells[row_of(*map, service)][column_of(*map, region)].providers);
  };
  // An offer for the World serves every region; one for Africa serves
  // Africa only, and not the World as a whole.
  CHECK(cell("train", "world") == std::vector<std::string>{"global-train"});
  CHECK(cell("train", "africa") == std::vector<std::string>{"global-train"});
  CHECK(cell("train", "asia") == std::vector<std::string>{"global-train"});
  CHECK(cell("assess", "africa") == std::vector<std::string>{"africa-assess"});
  CHECK(cell("assess", "world").empty());
  CHECK(cell("peer", "asia") == std::vector<std::string>{"gulf-peer"});
  CHECK(cell("peer", "africa").empty());

  auto need = [&](const char* service, const char* region) {
    return map->needs[row_of(*map, service)][column_of(*map, region)];
  };
  // Kenya's request for peer learning rolls up to Africa, where no offer
  // gives it: unmet. Ghana's two services are each covered.
  CHECK(slugs(site, need("peer", "africa").open) == std::vector<std::string>{"kenya-peer"});
  CHECK(slugs(site, need("peer", "africa").unmet) == std::vector<std::string>{"kenya-peer"});
  CHECK(need("peer", "africa").offers.empty());
  CHECK(slugs(site, need("assess", "africa").open) == std::vector<std::string>{"ghana"});
  CHECK(need("assess", "africa").unmet.empty());
  CHECK(slugs(site, need("train", "africa").offers) == std::vector<std::string>{"global-train"});
  // A closed request is no demand; one with no place is in no column.
  CHECK(need("peer", "asia").open.empty());
  CHECK(slugs(site, map->unplaced) == std::vector<std::string>{"nowhere"});
}

TEST_CASE("a country's providers are grouped by the nearest area that covers it") {
  SupportFs fs;
  agora::Site site = load(fs);
  auto groups = agora::providers_for(site, {"countries", "gh"});
  REQUIRE(groups.size() == 2);
  CHECK(groups[0].area == agora::TermRef{"regions", "africa"});
  CHECK(groups[0].steps == 2);  // Ghana, Western Africa, Africa
  CHECK(slugs(site, groups[0].documents) == std::vector<std::string>{"africa-assess"});
  CHECK(groups[1].area == agora::TermRef{"regions", "world"});
  CHECK(slugs(site, groups[1].documents) == std::vector<std::string>{"global-train"});
  CHECK(slugs(site, agora::requests_from(site, {"countries", "gh"})) ==
        std::vector<std::string>{"ghana"});
  // Iraq is in Western Asia: the Gulf offer is nearest.
  auto iraq = agora::providers_for(site, {"countries", "iq"});
  REQUIRE(iraq.size() == 2);
  CHECK(iraq[0].area == agora::TermRef{"regions", "western-asia"});
}

TEST_CASE("suggested offers carry their reasons in the theme's words") {
  SupportFs fs;
  agora::Site site = load(fs);
  agora::Theme theme = theme_of(fs, site);
  agora::PageViews views(site, theme.words, agora::UrlStyle{}, {});
  const agora::Document* ghana = site.find("requests", "ghana");
  REQUIRE(ghana);
  size_t index = static_cast<size_t>(ghana - site.documents.data());
  agora::DocumentPage page = views.document(index);
  CHECK(page.document.awaiting_match);
  REQUIRE(page.document.suggestions.size() == 2);
  const agora::SuggestedMatch& best = page.document.suggestions[0];
  CHECK(best.rank == 1);
  CHECK(best.offer.title == "africa-assess");
  CHECK(best.offer.url == "../../offers/africa-assess/");
  REQUIRE(best.providers.size() == 1);
  CHECK(best.providers[0].id == "undp");
  REQUIRE(best.reasons.size() == 3);  // services, place, languages; no themes asked
  CHECK(best.reasons[0].outcome == "partial");
  CHECK(best.reasons[1].outcome == "hit");
  CHECK(best.summary ==
        "offers Needs assessment, not Technical training, serves Africa, works in French");
  CHECK(page.document.suggestions[1].summary ==
        "offers Technical training, not Needs assessment, serves World, works in French");
  // Closed requests get no suggestions; the label marks examples only.
  const agora::Document* iraq = site.find("requests", "iraq");
  agora::DocumentPage closed = views.document(static_cast<size_t>(iraq - site.documents.data()));
  CHECK_FALSE(closed.document.awaiting_match);
  CHECK(closed.document.suggestions.empty());
  CHECK_FALSE(closed.document.item.example);
  const agora::Document* kenya = site.find("requests", "kenya-peer");
  agora::DocumentPage example = views.document(static_cast<size_t>(kenya - site.documents.data()));
  CHECK(example.document.item.example);
  // The only offer of peer learning does not work in Kenya: suggested, with
  // the gap said.
  REQUIRE(example.document.suggestions.size() == 1);
  CHECK(example.document.suggestions[0].summary ==
        "same service: Peer learning, does not serve Kenya");
  CHECK(example.document.suggestions[0].reasons[1].outcome == "miss");
}

TEST_CASE("a provider's page lists the requests it took up; offers list who matched them") {
  SupportFs fs;
  agora::Site site = load(fs);
  agora::Theme theme = theme_of(fs, site);
  agora::PageViews views(site, theme.words, agora::UrlStyle{}, {});
  auto page_of = [&](const char* type, const char* slug) {
    const agora::Document* doc = site.find(type, slug);
    REQUIRE(doc);
    return views.document(static_cast<size_t>(doc - site.documents.data()));
  };
  agora::DocumentPage escwa = page_of("organizations", "escwa");
  REQUIRE(escwa.document.taken_up.size() == 1);
  CHECK(escwa.document.taken_up[0].title == "iraq");
  CHECK(page_of("organizations", "itu").document.taken_up.empty());
  // The offer is named by the request's matched_offers, a reference field.
  agora::DocumentPage offer = page_of("offers", "gulf-peer");
  REQUIRE(offer.document.mentions.size() == 1);
  CHECK(offer.document.mentions[0].group == "field:matched_offers");
  CHECK(offer.document.mentions[0].items[0].title == "iraq");
}

TEST_CASE("prefilled request links encode every value, hostile and non-Latin ones too") {
  SupportFs fs;
  std::string err;
  // A service whose name holds markup, quotes, an ampersand, a hash, Arabic
  // and Chinese; an offer that gives it everywhere.
  fs.memory_.write_file("site/data/services.yaml",
                        "- {id: assess, name: Needs assessment}\n"
                        "- {id: train, name: Technical training}\n"
                        "- {id: peer, name: Peer learning}\n"
                        "- {id: odd, name: \"<b>\\\"Échange\\\"</b> & تبادل #1 数字?\"}\n",
                        &err);
  fs.add("offers", "odd-offer", "provider: [itu]\nservices: [odd]\nregions: [World]\n");
  agora::Site site = load(fs);
  agora::Theme theme = theme_of(fs, site);
  agora::PageViews views(site, theme.words, agora::UrlStyle{}, {});
  const agora::SupportMap& map = *views.support_map();

  agora::ProvidersPage cell = views.support_cell(row_of(map, "odd"), column_of(map, "world"));
  REQUIRE(cell.providers.request_url);
  const std::string& url = *cell.providers.request_url;
  CHECK(url ==
        "https://github.com/example/desk/issues/new?template=request.yml&title=Request%3A%20"
        "&services=%3Cb%3E%22%C3%89change%22%3C%2Fb%3E%20%26%20%D8%AA%D8%A8%D8%A7%D8%AF%D9%84"
        "%20%231%20%E6%95%B0%E5%AD%97%3F&regions=World");
  // Only unreserved characters are left as they are.
  for (char c : url.substr(url.find('?') + 1)) {
    bool unreserved = std::isalnum(static_cast<unsigned char>(c)) ||
                      std::string("-._~%&=").find(c) != std::string::npos;
    CHECK_MESSAGE(unreserved, "'" << c << "' in " << url);
  }
  auto query = query_of(url);
  REQUIRE(query.size() == 4);
  CHECK(query[2] ==
        std::pair<std::string, std::string>{"services", "<b>\"Échange\"</b> & تبادل #1 数字?"});
  CHECK(query[3] == std::pair<std::string, std::string>{"regions", "World"});

  // A country page asks for the country itself, by its ISO name.
  const agora::Vocabulary& countries = site.vocabularies.at("countries");
  agora::ProvidersPage ivory = views.country(*countries.by_id("ci"));
  CHECK(ivory.providers.title == "Côte d'Ivoire");
  REQUIRE(ivory.providers.request_url);
  CHECK(ivory.providers.request_url->ends_with("&countries=C%C3%B4te%20d%27Ivoire"));
  agora::ProvidersPage aland = views.country(*countries.by_id("ax"));
  CHECK(query_of(*aland.providers.request_url).back().second == "Åland Islands");
  // The fixture has no offer form: no link to one.
  CHECK_FALSE(ivory.providers.offer_url);

  // The rendered page escapes the link for its attribute.
  nlohmann::json json = agora::to_json(cell);
  std::string html;
  agora::Diagnostics diags;
  nlohmann::json globals = {{"i18n", theme.words.json()}};
  theme.templates->render("providers", json, &html, &diags, &globals);
  CHECK(html.find("title=Request%3A%20&amp;services=%3Cb%3E") != std::string::npos);
  CHECK(html.find("<b>\"") == std::string::npos);
}

TEST_CASE("the Request support page: the form's link, its fields and the email route") {
  SupportFs fs;
  agora::Site site = load(fs);
  agora::Theme theme = theme_of(fs, site);
  agora::PageViews views(site, theme.words, agora::UrlStyle{}, {});
  agora::RequestSupportPage page = views.request_support();
  CHECK(page.page.path == "support/request/");
  CHECK(page.request.form_name == "Request support");
  CHECK(page.request.issue_url ==
        "https://github.com/example/desk/issues/new?template=request.yml&title=Request%3A%20");
  CHECK(page.request.fields == std::vector<std::string>{"Title", "Summary", "Requester",
                                                        "Requesting organizations", "Countries",
                                                        "Regions", "Services", "Languages", "Notes",
                                                        "Urgent", "Details"});
  CHECK(page.request.email == "desk@example.org");
  REQUIRE(page.request.mailto_url);
  const std::string& mailto = *page.request.mailto_url;
  CHECK(
      mailto.starts_with("mailto:desk@example.org?subject=Request%3A%20&body=Title%3A%0A%0A%0A"
                         "Summary%3A%0A%0A%0ARequester%3A"));
  CHECK(query_of(mailto)[1].second.ends_with("Urgent:\n\n\nDetails:\n\n\n"));
}

TEST_CASE("the dashboard's view holds the model's figures, with charts that describe them") {
  SupportFs fs;
  agora::Site site = load(fs);
  agora::Theme theme = theme_of(fs, site);
  agora::PageViews views(site, theme.words, agora::UrlStyle{}, {});
  agora::DashboardPage page = views.dashboard();
  const agora::DashboardView& d = page.dashboard;
  CHECK(d.requests == 3);  // ghana, nowhere, iraq
  CHECK(d.examples == 1);  // kenya-peer
  CHECK(d.successful == 1);
  CHECK(d.median_days == "31");
  CHECK(d.timed_matches == 1);
  REQUIRE(d.breakdowns.size() == 3);
  const agora::FigureTable& status = d.breakdowns[0];
  CHECK(status.title == "Requests by status");
  CHECK(status.id == "by-status");
  REQUIRE(status.rows.size() == 4);
  CHECK(status.rows[0].name == "open");
  CHECK(status.rows[0].real == 2);
  CHECK(status.rows[0].examples == 1);
  CHECK(status.rows[0].total == 3);
  CHECK(status.chart.description ==
        "open: 2 real, 1 illustrative; matched: 0 real, 0 illustrative; closed: 1 real, 0 "
        "illustrative; withdrawn: 0 real, 0 illustrative");
  CHECK(status.chart.title == status.title);
  // Regions by name, with Ghana counted under Western Africa.
  const agora::FigureTable& regions = d.breakdowns[1];
  REQUIRE_FALSE(regions.rows.empty());
  CHECK(regions.rows[0].name == "Western Africa");
  CHECK(d.quarters.title == "Matches per quarter");
  REQUIRE(d.quarters.rows.size() == 1);
  CHECK(d.quarters.rows[0].name == "2023-Q1");
}

TEST_CASE("bar charts: the longest bar spans the chart, examples after the real part") {
  std::vector<agora::FigureRow> rows{
      {"a", std::nullopt, 3, 1, 4}, {"b", std::nullopt, 0, 0, 0}, {"c", std::nullopt, 1, 1, 2}};
  agora::BarChart chart = agora::bar_chart("x", "Title", "Words", rows);
  CHECK(chart.width == 480);
  CHECK(chart.height == 108);
  REQUIRE(chart.bars.size() == 3);
  CHECK(chart.bars[0].label_y == 13);
  CHECK(chart.bars[0].bar_y == 18);
  CHECK(chart.bars[0].real_width == 300);
  CHECK(chart.bars[0].examples_x == 300);
  CHECK(chart.bars[0].examples_width == 100);
  CHECK(chart.bars[0].value_x == 406);
  CHECK(chart.bars[1].real_width == 0);
  CHECK(chart.bars[1].examples_width == 0);
  CHECK(chart.bars[2].bar_y == 90);
  CHECK(chart.bars[2].real_width == 100);
  CHECK(chart.bars[2].examples_width == 100);
  agora::BarChart empty = agora::bar_chart("y", "T", "", {{"z", std::nullopt, 0, 0, 0}});
  CHECK(empty.bars[0].real_width == 0);
}

TEST_CASE("the needs gap map's view: demand, unmet demand and supply per cell") {
  SupportFs fs;
  agora::Site site = load(fs);
  agora::Theme theme = theme_of(fs, site);
  agora::PageViews views(site, theme.words, agora::UrlStyle{}, {});
  agora::NeedsMapPage page = views.needs_map();
  const agora::NeedsMapView& needs = page.needs;
  CHECK(needs.open == 3);
  CHECK(needs.examples == 1);
  CHECK(needs.gaps == 1);
  CHECK(needs.gaps_line == "1 of 9 cells has open requests that no offer can serve.");
  CHECK(needs.examples_line == "1 of the 3 open requests is an illustrative example.");
  CHECK(needs.unplaced_line == "1 open request names no country or region, so it is in no column.");
  const agora::SupportMap& map = *views.support_map();
  const agora::NeedsCellView& gap = needs.rows[row_of(map, "peer")].cells[column_of(map, "africa")];
  CHECK(gap.open == 1);
  CHECK(gap.unmet == 1);
  CHECK(gap.offers == 0);
  CHECK(gap.url == "peer/africa/");
  CHECK_FALSE(gap.offers_url);
  CHECK(gap.open_label == "1 open request");
  CHECK(gap.unmet_label == "1 unmet");
  CHECK(gap.offers_label == "0 offers");
  const agora::NeedsCellView& met =
      needs.rows[row_of(map, "train")].cells[column_of(map, "africa")];
  CHECK(met.unmet == 0);
  CHECK(met.offers_url == "../services/train/africa/");
}

TEST_CASE("render_site writes the clearing-house's pages and its open data with the licence") {
  SupportFs fs;
  agora::Site site = load(fs);
  agora::Theme theme = theme_of(fs, site);
  agora::SiteFiles files;
  agora::Diagnostics diags;
  REQUIRE(agora::render_site(site, theme, agora::RenderOptions{}, &files, &diags));
  for (const auto& d : diags.items()) FAIL_CHECK(agora::format_diagnostic_line(d));
  for (const char* path : {"support/index.html", "support/services/train/africa/index.html",
                           "support/needs/index.html", "support/needs/peer/africa/index.html",
                           "support/countries/index.html", "support/countries/gh/index.html",
                           "support/countries/zw/index.html", "support/request/index.html",
                           "support/dashboard/index.html", "data/requests-figures.json",
                           "data/requests-figures.csv"}) {
    CHECK_MESSAGE(files.count(path), path);
  }
  // No page for a cell nobody serves.
  CHECK_FALSE(files.count("support/services/peer/africa/index.html"));
  auto data = nlohmann::json::parse(files.at("data/requests.json"));
  CHECK(data["license"]["name"] == "CC BY 4.0");
  CHECK(data["documents"].size() == 4);
  CHECK(data["figures"]["successful_matching_cases"]["real"] == 1);
  auto figures = nlohmann::json::parse(files.at("data/requests-figures.json"));
  CHECK(figures["license"]["url"] == "https://creativecommons.org/licenses/by/4.0/");
  CHECK(figures["figures"] == data["figures"]);
  const std::string& csv = files.at("data/requests-figures.csv");
  CHECK(
      csv.starts_with("figure,key,real,examples,license\r\n"
                      "requests,,3,1,CC BY 4.0 https://creativecommons.org/licenses/by/4.0/\r\n"));
  CHECK(files.at("data/offers.csv").find(",license\r\n") != std::string::npos);
  // The licence in every page's footer, and the example label on listings.
  const std::string& home = files.at("index.html");
  CHECK(home.find("rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY "
                  "4.0</a>") != std::string::npos);
  const std::string& listing = files.at("requests/index.html");
  CHECK(listing.find("class=\"example-label\">Illustrative example</span>") != std::string::npos);
  // Charts have their text alternative.
  const std::string& dashboard = files.at("support/dashboard/index.html");
  CHECK(dashboard.find("<svg role=\"img\" aria-labelledby=\"by-status-chart-title "
                       "by-status-chart-desc\"") != std::string::npos);
  CHECK(dashboard.find("<desc id=\"by-status-chart-desc\">open: 2 real, 1 illustrative;") !=
        std::string::npos);
}

TEST_CASE("clearing_house.directory and email are checked where they are written") {
  auto errors = [](const std::string& from, const std::string& to) {
    std::string text = agora::testing::kClearingConfig;
    const std::string anchor = "  dashboard: [status, regions, services]\n";
    text.replace(text.find(anchor), anchor.size(),
                 anchor +
                     "  directory:\n"
                     "    types: [offers]\n"
                     "    services: services\n"
                     "    places: [countries, regions]\n"
                     "    countries: countries\n"
                     "    regions: regions\n"
                     "  email: desk@example.org\n");
    REQUIRE(text.find(from) != std::string::npos);
    text.replace(text.find(from), from.size(), to);
    agora::Diagnostics diags;
    agora::parse_site_config(text, "site.yaml", &diags);
    std::vector<std::string> out;
    for (const auto& d : diags.items()) out.push_back(agora::format_diagnostic_line(d));
    return out;
  };
  CHECK(errors("x", "x").empty());
  auto bad_type = errors("types: [offers]", "types: [ofers]");
  REQUIRE(bad_type.size() == 1);
  CHECK(bad_type[0].find("unknown-type") != std::string::npos);
  auto bad_field = errors("places: [countries, regions]", "places: [countries, requester]");
  REQUIRE(bad_field.size() == 2);  // a string in requests, no field of offers
  CHECK(bad_field[0].find("wrong-field-type") != std::string::npos);
  CHECK(bad_field[1].find("unknown-field") != std::string::npos);
  auto bad_taxonomy = errors("    countries: countries\n", "    countries: countrys\n");
  REQUIRE(bad_taxonomy.size() == 1);
  CHECK(bad_taxonomy[0].find("unknown taxonomy 'countrys'") != std::string::npos);
  auto bad_email = errors("email: desk@example.org", "email: \"desk at example.org\"");
  REQUIRE(bad_email.size() == 1);
  CHECK(bad_email[0].find("is not an email address") != std::string::npos);
}
