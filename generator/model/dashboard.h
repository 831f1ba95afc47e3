#pragma once
// The clearing-house's record in figures: requests by status and by the
// other dashboard fields (site.yaml `clearing_house.dashboard`), the median
// days from opened to matched, matches per quarter and successful matching
// cases. Illustrative requests (the example field) are always counted apart
// from real ones, so no example passes for a real case.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"

namespace agora {

struct FigureCount {
  std::string key;  // a status value, a term id, or a quarter "2022-Q3"
  size_t real = 0;
  size_t examples = 0;
  bool operator==(const FigureCount&) const = default;
};

// Requests counted by one field. An enum field lists every value, zeros
// included, in site.yaml order. A term field lists the terms in use, in
// vocabulary order; a request counts once per term, and also under the
// broader terms (one `broader:` step) of its other term fields whose
// taxonomy links to this one, so a request for Ghana counts under Western
// Africa even when its regions field is empty.
struct Breakdown {
  std::string field;
  std::string taxonomy;  // "" for an enum field
  std::vector<FigureCount> counts;
};

struct Dashboard {
  FigureCount requests{"", 0, 0};
  std::vector<Breakdown> breakdowns;  // in site.yaml order
  // Days from the first open-status timeline entry to the first matched one,
  // over the real requests that have both; the median, halves possible.
  std::optional<double> median_days_to_match;
  size_t timed_matches = 0;
  // Requests by the quarter of their first matched entry, from the first
  // quarter with a match to the last, empty quarters included.
  std::vector<FigureCount> matches_per_quarter;
  // Requests with a matched status whose match date is not known (the
  // timeline gives only the day a source reported it).
  FigureCount undated_matches{"", 0, 0};
  FigureCount successful{"", 0, 0};  // successful matching cases
};

// Empty (all zeros) when the clearing-house is not enabled.
Dashboard compute_dashboard(const Site& site);

// Whole days from `from` to `to` (both YYYY-MM-DD), negative when `to` is
// earlier.
long days_between(const std::string& from, const std::string& to);
// "2022-Q3" for a date in July to September 2022.
std::string quarter_of(const std::string& date);
// A figure as the page and the open data both show it (%g: 12, 12.5).
std::string number_text(double value);

// The figures as open data (data/requests.json beside the documents):
//   {"requests": {"real", "examples"},
//    "by": {FIELD: [{"key", "real", "examples"}, ...]},
//    "median_days_to_match": number or null, "timed_matches": n,
//    "matches_per_quarter": [{"key", "real", "examples"}, ...],
//    "undated_matches": {"real", "examples"},
//    "successful_matching_cases": {"real", "examples"}}
nlohmann::ordered_json dashboard_json(const Dashboard& dashboard);
// The same as CSV rows: a header ["figure", "key", "real", "examples"], then
// one row per count ("requests", each breakdown's field, "quarter",
// "undated_matches", "successful", and "median_days_to_match" with the
// median in "real").
std::vector<std::vector<std::string>> dashboard_rows(const Dashboard& dashboard);

}  // namespace agora
