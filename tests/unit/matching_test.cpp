// The match ranking (model/matching.h) as a table: for each request, the
// candidate offers in order, with their scores, distances and reasons.

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "clearing_fixture.h"
#include "model/matching.h"
#include "model/term_coverage.h"

namespace {

using agora::testing::ClearingFs;

// Offers: who covers what.
void add_offers(ClearingFs* fs) {
  fs->add("offers", "a-world-assess",
          "provider: [itu]\nservices: [assess]\nregions: [World]\nlanguages: [en]\n");
  fs->add("offers", "b-ghana-assess",
          "provider: [undp]\nservices: [assess]\ncountries: [GH]\nlanguages: [fr]\n");
  fs->add("offers", "c-africa-train-assess",
          "provider: [itu]\nservices: [assess, train]\nregions: [Africa]\n");
  fs->add("offers", "d-asia-peer",
          "provider: [escwa]\nservices: [peer]\nregions: [Western Asia]\nlanguages: [ar]\n");
  fs->add("offers", "e-world-train",
          "provider: [itu]\nservices: [train]\nregions: [World]\nthemes: [skills]\n");
}

std::string request_fields(const std::string& status, const std::string& more) {
  return "requester: A ministry\nstatus: " + status +
         "\nas_of: 2024-01-01\ntimeline:\n  - {date: 2024-01-01, status: " + status + "}\n" + more;
}

// "services[assess>assess/0]=8000" and so on: each criterion, its hits
// (wanted>offered/steps) and points.
std::string describe(const agora::Site& site, const agora::OfferMatch& match) {
  std::string out = site.documents[match.offer].slug + " " + std::to_string(match.score) + " d" +
                    std::to_string(match.distance) + ":";
  for (const auto& criterion : match.criteria) {
    out += " " + criterion.criterion + "[";
    for (size_t i = 0; i < criterion.hits.size(); ++i) {
      const auto& hit = criterion.hits[i];
      out +=
          (i ? "," : "") + hit.wanted.id + ">" + hit.offered.id + "/" + std::to_string(hit.steps);
    }
    out += "]" + std::to_string(criterion.hits.size()) + "/" + std::to_string(criterion.wanted) +
           "=" + std::to_string(criterion.points);
  }
  return out;
}

struct Case {
  const char* request;
  const char* fields;
  std::vector<std::string> expected;  // every candidate, best first
};

const Case kCases[] = {
    // The offer naming Ghana itself wins; Africa (2 steps up) before World (3).
    {"r1-ghana",
     "services: [assess]\ncountries: [Ghana]\nregions: [Western Africa]\nlanguages: [fr]\n",
     {"b-ghana-assess 14000 d0: services[assess>assess/0]1/1=8000 place[gh>gh/0]1/1=4000 "
      "languages[fr>fr/0]1/1=2000",
      "c-africa-train-assess 12000 d2: services[assess>assess/0]1/1=8000 "
      "place[gh>africa/2]1/1=4000 languages[]0/1=0",
      "a-world-assess 12000 d3: services[assess>assess/0]1/1=8000 place[gh>world/3]1/1=4000 "
      "languages[]0/1=0"}},
    // Half the services gives half the points; a theme breaks no tie but adds one point.
    {"r2-east-africa",
     "services: [assess, train]\nregions: [Eastern Africa]\nthemes: [skills]\n",
     {"c-africa-train-assess 12000 d1: services[assess>assess/0,train>train/0]2/2=8000 "
      "place[eastern-africa>africa/1]1/1=4000 themes[]0/1=0",
      "e-world-train 9000 d2: services[train>train/0]1/2=4000 "
      "place[eastern-africa>world/2]1/1=4000 themes[skills>skills/0]1/1=1000",
      "a-world-assess 8000 d2: services[assess>assess/0]1/2=4000 "
      "place[eastern-africa>world/2]1/1=4000 themes[]0/1=0",
      "b-ghana-assess 4000 d0: services[assess>assess/0]1/2=4000 place[]0/1=0 themes[]0/1=0"}},
    // Only the offer with the service is a candidate, whatever else matches.
    {"r3-peer-arabic",
     "services: [peer]\nregions: [Western Asia]\nlanguages: [ar]\n",
     {"d-asia-peer 14000 d0: services[peer>peer/0]1/1=8000 "
      "place[western-asia>western-asia/0]1/1=4000 languages[ar>ar/0]1/1=2000"}},
    // A country reaches its region through the broader file: Iraq is in Asia, not Africa.
    {"r5-iraq-train",
     "services: [train]\ncountries: [Iraq]\n",
     {"e-world-train 12000 d3: services[train>train/0]1/1=8000 place[iq>world/3]1/1=4000",
      "c-africa-train-assess 8000 d0: services[train>train/0]1/1=8000 place[]0/1=0"}},
    // The service alone makes a candidate, even from another region.
    {"r6-far-away",
     "services: [peer]\ncountries: [Kenya]\n",
     {"d-asia-peer 8000 d0: services[peer>peer/0]1/1=8000 place[]0/1=0"}},
    // No place, language or theme named: services alone decide, then the slug.
    {"r7-services-only",
     "services: [assess]\n",
     {"a-world-assess 8000 d0: services[assess>assess/0]1/1=8000",
      "b-ghana-assess 8000 d0: services[assess>assess/0]1/1=8000",
      "c-africa-train-assess 8000 d0: services[assess>assess/0]1/1=8000"}},
};

agora::Site load(ClearingFs* fs) {
  agora::Diagnostics diags;
  auto site = agora::load_site(*fs, "site/site.yaml", {}, &diags);
  for (const auto& d : diags.items()) FAIL_CHECK(agora::format_diagnostic_line(d));
  REQUIRE(site);
  return std::move(*site);
}

}  // namespace

TEST_CASE("offers are ranked by coverage of services, place, languages and themes") {
  ClearingFs fs;
  add_offers(&fs);
  for (const auto& c : kCases) fs.add("requests", c.request, request_fields("open", c.fields));
  agora::Site site = load(&fs);
  for (const auto& c : kCases) {
    CAPTURE(c.request);
    const agora::Document* request = site.find("requests", c.request);
    REQUIRE(request);
    std::vector<std::string> actual;
    for (const auto& match : agora::rank_offers(site, *request)) {
      actual.push_back(describe(site, match));
    }
    CHECK(agora::testing::lines(actual) == agora::testing::lines(c.expected));
  }
}

TEST_CASE("suggested matches: open requests only, at most `suggestions` offers each") {
  ClearingFs fs;
  add_offers(&fs);
  fs.add("requests", "open-one", request_fields("open", "services: [assess, train]\n"));
  fs.add("requests", "closed-one",
         request_fields("closed", "services: [assess]\nmatched_offers: [a-world-assess]\n"));
  agora::Site site = load(&fs);
  auto suggestions = agora::suggested_matches(site);
  REQUIRE(suggestions.size() == 1);
  CHECK(site.documents[suggestions[0].request].slug == "open-one");
  std::vector<std::string> slugs;
  for (const auto& match : suggestions[0].offers) slugs.push_back(site.documents[match.offer].slug);
  // Four candidates; the fixture keeps three.
  CHECK(agora::testing::lines(slugs) ==
        agora::testing::lines({"c-africa-train-assess", "a-world-assess", "b-ghana-assess"}));
}

TEST_CASE("broader terms: parents first, then the linked taxonomy's terms and their parents") {
  ClearingFs fs;
  agora::Site site = load(&fs);
  std::vector<std::string> chain;
  for (const auto& term : agora::term_and_broader(site, {"countries", "gh"})) {
    chain.push_back(term.taxonomy + ":" + term.id);
  }
  CHECK(chain == std::vector<std::string>{"countries:gh", "regions:western-africa",
                                          "regions:africa", "regions:world"});
  auto specific = agora::most_specific(
      site, {{"regions", "africa"}, {"countries", "gh"}, {"regions", "western-asia"}});
  CHECK(specific == std::vector<agora::TermRef>{{"countries", "gh"}, {"regions", "western-asia"}});
}

TEST_CASE("documents_covering: the offers that serve a country, by region or by name") {
  ClearingFs fs;
  add_offers(&fs);
  agora::Site site = load(&fs);
  std::vector<std::string> slugs;
  for (size_t i :
       agora::documents_covering(site, "offers", {"countries", "regions"}, {"countries", "gh"})) {
    slugs.push_back(site.documents[i].slug);
  }
  std::sort(slugs.begin(), slugs.end());
  CHECK(slugs == std::vector<std::string>{"a-world-assess", "b-ghana-assess",
                                          "c-africa-train-assess", "e-world-train"});
}
