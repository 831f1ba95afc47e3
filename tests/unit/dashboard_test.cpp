// The dashboard figures (model/dashboard.h) on requests with known dates.

#include <doctest/doctest.h>

#include "clearing_fixture.h"
#include "model/clearing_house.h"
#include "model/dashboard.h"

namespace {

using agora::FigureCount;
using agora::testing::ClearingFs;

std::string timeline(const std::vector<std::pair<std::string, std::string>>& changes,
                     bool reported = false) {
  std::string out = "timeline:\n";
  for (const auto& [date, status] : changes) {
    out +=
        "  - {date: " + date + ", status: " + status + (reported ? ", reported: true" : "") + "}\n";
  }
  return out;
}

void add_request(ClearingFs* fs, const std::string& slug, const std::string& status,
                 const std::string& as_of, const std::string& timeline_text,
                 const std::string& more) {
  fs->add(
      "requests", slug,
      "requester: Someone\nstatus: " + status + "\nas_of: " + as_of + "\n" + timeline_text + more);
}

agora::Site fixture_site() {
  ClearingFs fs;
  fs.add("offers", "a", "provider: [itu]\nservices: [assess]\n");
  fs.add("offers", "b", "provider: [undp]\nservices: [train]\n");
  // 30 days to a match, then closed: a successful case.
  add_request(
      &fs, "q1", "closed", "2023-06-01",
      timeline({{"2023-01-10", "open"}, {"2023-02-09", "matched"}, {"2023-06-01", "closed"}}),
      "matched_offers: [a]\nregions: [Western Africa]\nservices: [assess]\n");
  // 10 days; Kenya counts under Eastern Africa through the broader file.
  add_request(&fs, "q2", "matched", "2023-03-11",
              timeline({{"2023-03-01", "open"}, {"2023-03-11", "matched"}}),
              "matched_offers: [a]\ncountries: [Kenya]\nservices: [assess, train]\n");
  // 244 days, across a year end; Kenya and Eastern Africa count once.
  add_request(
      &fs, "q3", "closed", "2024-01-15",
      timeline({{"2023-05-01", "open"}, {"2023-12-31", "matched"}, {"2024-01-15", "closed"}}),
      "matched_offers: [b]\nregions: [Eastern Africa]\ncountries: [Kenya]\nservices: [train]\n");
  // Known only from a report: successful, but no delay and no quarter.
  add_request(&fs, "q4", "closed", "2022-07-01", timeline({{"2022-07-01", "closed"}}, true),
              "matched_offers: [a]\ncountries: [Ghana]\nservices: [assess]\n");
  // Examples are counted apart, and never in the median.
  add_request(&fs, "q5", "open", "2024-02-01", timeline({{"2024-02-01", "open"}}),
              "example: true\nregions: [Western Asia]\nservices: [peer]\n");
  add_request(&fs, "q6", "matched", "2023-01-25",
              timeline({{"2023-01-05", "open"}, {"2023-01-25", "matched"}}),
              "example: true\nmatched_offers: [a]\nservices: [assess]\n");
  add_request(&fs, "q7", "withdrawn", "2023-05-01",
              timeline({{"2023-04-01", "open"}, {"2023-05-01", "withdrawn"}}),
              "services: [peer]\n");
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", {}, &diags);
  for (const auto& d : diags.items()) FAIL_CHECK(agora::format_diagnostic_line(d));
  REQUIRE(site);
  return std::move(*site);
}

}  // namespace

TEST_CASE("dashboard figures on a fixture with known dates") {
  agora::Site site = fixture_site();
  agora::Dashboard d = agora::compute_dashboard(site);
  CHECK(d.requests == FigureCount{"", 5, 2});
  REQUIRE(d.breakdowns.size() == 3);
  CHECK(d.breakdowns[0].field == "status");
  CHECK(d.breakdowns[0].counts ==
        std::vector<FigureCount>{
            {"open", 0, 1}, {"matched", 1, 1}, {"closed", 3, 0}, {"withdrawn", 1, 0}});
  CHECK(d.breakdowns[1].field == "regions");
  CHECK(d.breakdowns[1].taxonomy == "regions");
  CHECK(d.breakdowns[1].counts == std::vector<FigureCount>{{"western-africa", 2, 0},
                                                           {"eastern-africa", 2, 0},
                                                           {"western-asia", 0, 1}});
  CHECK(d.breakdowns[2].counts ==
        std::vector<FigureCount>{{"assess", 3, 1}, {"train", 2, 0}, {"peer", 1, 1}});
  REQUIRE(d.median_days_to_match);
  CHECK(*d.median_days_to_match == 30.0);  // of 10, 30 and 244
  CHECK(d.timed_matches == 3);
  CHECK(d.matches_per_quarter ==
        std::vector<FigureCount>{
            {"2023-Q1", 2, 1}, {"2023-Q2", 0, 0}, {"2023-Q3", 0, 0}, {"2023-Q4", 1, 0}});
  CHECK(d.undated_matches == FigureCount{"", 1, 0});
  CHECK(d.successful == FigureCount{"", 3, 0});
}

TEST_CASE("dashboard figures as open data") {
  agora::Dashboard d = agora::compute_dashboard(fixture_site());
  CHECK(
      agora::dashboard_json(d).dump() ==
      R"({"requests":{"real":5,"examples":2},"by":{"status":[{"key":"open","real":0,"examples":1},)"
      R"({"key":"matched","real":1,"examples":1},{"key":"closed","real":3,"examples":0},)"
      R"({"key":"withdrawn","real":1,"examples":0}],"regions":[{"key":"western-africa","real":2,"examples":0},)"
      R"({"key":"eastern-africa","real":2,"examples":0},{"key":"western-asia","real":0,"examples":1}],)"
      R"("services":[{"key":"assess","real":3,"examples":1},{"key":"train","real":2,"examples":0},)"
      R"({"key":"peer","real":1,"examples":1}]},"median_days_to_match":30.0,"timed_matches":3,)"
      R"("matches_per_quarter":[{"key":"2023-Q1","real":2,"examples":1},{"key":"2023-Q2","real":0,"examples":0},)"
      R"({"key":"2023-Q3","real":0,"examples":0},{"key":"2023-Q4","real":1,"examples":0}],)"
      R"("undated_matches":{"real":1,"examples":0},"successful_matching_cases":{"real":3,"examples":0}})");
  auto rows = agora::dashboard_rows(d);
  REQUIRE(rows.size() == 19);
  CHECK(rows[0] == std::vector<std::string>{"figure", "key", "real", "examples"});
  CHECK(rows[1] == std::vector<std::string>{"requests", "", "5", "2"});
  CHECK(rows[6] == std::vector<std::string>{"regions", "western-africa", "2", "0"});
  CHECK(rows[12] == std::vector<std::string>{"median_days_to_match", "", "30", ""});
  CHECK(rows[13] == std::vector<std::string>{"quarter", "2023-Q1", "2", "1"});
  CHECK(rows[17] == std::vector<std::string>{"undated_matches", "", "1", "0"});
  CHECK(rows[18] == std::vector<std::string>{"successful", "", "3", "0"});
}

TEST_CASE("requests taken up and offers made, by provider") {
  agora::Site site = fixture_site();
  auto slugs = [&](const std::vector<size_t>& indexes) {
    std::vector<std::string> out;
    for (size_t i : indexes) out.push_back(site.documents[i].slug);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(slugs(agora::offers_by_provider(site, "itu")) == std::vector<std::string>{"a"});
  CHECK(slugs(agora::requests_taken_up(site, "itu")) ==
        std::vector<std::string>{"q1", "q2", "q4", "q6"});
  CHECK(slugs(agora::requests_taken_up(site, "undp")) == std::vector<std::string>{"q3"});
  const agora::Document* q1 = site.find("requests", "q1");
  CHECK(agora::opened_date(site, *q1) == "2023-01-10");
  CHECK(agora::matched_date(site, *q1) == "2023-02-09");
  CHECK_FALSE(agora::matched_date(site, *site.find("requests", "q4")));
}

TEST_CASE("days between dates and quarters") {
  CHECK(agora::days_between("2024-02-28", "2024-03-01") == 2);  // a leap year
  CHECK(agora::days_between("2023-02-28", "2023-03-01") == 1);
  CHECK(agora::days_between("2023-05-01", "2023-12-31") == 244);
  CHECK(agora::days_between("2024-01-01", "2023-12-31") == -1);
  CHECK(agora::quarter_of("2023-03-31") == "2023-Q1");
  CHECK(agora::quarter_of("2023-04-01") == "2023-Q2");
  CHECK(agora::quarter_of("2023-12-31") == "2023-Q4");
}
