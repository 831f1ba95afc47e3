#include "model/dashboard.h"

#include <algorithm>
#include <cstdio>

#include "model/clearing_house.h"

namespace agora {

namespace {

void add(FigureCount* count, bool example) { ++(example ? count->examples : count->real); }

FigureCount* find_or_add(std::vector<FigureCount>* counts, const std::string& key) {
  for (auto& count : *counts) {
    if (count.key == key) return &count;
  }
  counts->push_back({key, 0, 0});
  return &counts->back();
}

// The terms a request counts under for a term field (see Breakdown).
std::vector<std::string> breakdown_terms(const Site& site, const Document& request,
                                         const FieldSchema& field) {
  std::vector<std::string> ids;
  auto add_id = [&](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const auto& terms : request.term_fields) {
    if (terms.field == field.name) {
      for (const auto& id : terms.ids) add_id(id);
      continue;
    }
    const Taxonomy* taxonomy = site.config.taxonomy(terms.taxonomy);
    if (!taxonomy || taxonomy->broader_taxonomy != field.taxonomy) continue;
    const Vocabulary& vocabulary = site.vocabularies.at(terms.taxonomy);
    for (const auto& id : terms.ids) {
      if (const Term* term = vocabulary.by_id(id)) {
        for (const auto& broader : term->broader) add_id(broader);
      }
    }
  }
  return ids;
}

Breakdown count_by(const Site& site, const std::vector<size_t>& requests,
                   const FieldSchema& field) {
  Breakdown breakdown;
  breakdown.field = field.name;
  if (field.type == FieldType::kEnum) {
    for (const auto& value : field.values) breakdown.counts.push_back({value, 0, 0});
    for (size_t index : requests) {
      const Document& request = site.documents[index];
      auto it = request.fields.find(field.name);
      if (it == request.fields.end() || !it->is_string()) continue;
      add(find_or_add(&breakdown.counts, it->get<std::string>()), is_example(site, request));
    }
    return breakdown;
  }
  breakdown.taxonomy = field.taxonomy;
  std::vector<FigureCount> found;
  for (size_t index : requests) {
    const Document& request = site.documents[index];
    for (const auto& id : breakdown_terms(site, request, field)) {
      add(find_or_add(&found, id), is_example(site, request));
    }
  }
  for (const auto& term : site.vocabularies.at(field.taxonomy).terms()) {
    for (const auto& count : found) {
      if (count.key == term.id) breakdown.counts.push_back(count);
    }
  }
  return breakdown;
}

// A matched status somewhere in the timeline, dated or not.
bool reached_match(const Site& site, const Document& request) {
  const auto& matched = site.config.clearing_house.matched_statuses;
  for (const auto& change : status_timeline(site, request)) {
    if (std::find(matched.begin(), matched.end(), change.status) != matched.end()) return true;
  }
  return false;
}

std::optional<double> median(std::vector<long> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t mid = values.size() / 2;
  if (values.size() % 2 == 1) return static_cast<double>(values[mid]);
  return (static_cast<double>(values[mid - 1]) + static_cast<double>(values[mid])) / 2.0;
}

// Every quarter from the first counted to the last, so a chart shows gaps.
std::vector<FigureCount> contiguous_quarters(std::vector<FigureCount> counts) {
  if (counts.empty()) return counts;
  std::sort(counts.begin(), counts.end(),
            [](const FigureCount& a, const FigureCount& b) { return a.key < b.key; });
  int year = std::stoi(counts.front().key.substr(0, 4));
  int quarter = counts.front().key[6] - '0';
  std::vector<FigureCount> out;
  for (;;) {
    std::string key = std::to_string(year) + "-Q" + std::to_string(quarter);
    FigureCount count{key, 0, 0};
    for (const auto& c : counts) {
      if (c.key == key) count = c;
    }
    out.push_back(count);
    if (key == counts.back().key) break;
    if (++quarter > 4) quarter = 1, ++year;
  }
  return out;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
// days_from_civil).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

long day_number(const std::string& date) {
  return days_from_civil(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)),
                         std::stoi(date.substr(8, 2)));
}

nlohmann::ordered_json count_json(const FigureCount& count, bool with_key) {
  nlohmann::ordered_json out;
  if (with_key) out["key"] = count.key;
  out["real"] = count.real;
  out["examples"] = count.examples;
  return out;
}

}  // namespace

std::string number_text(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", value);
  return text;
}

long days_between(const std::string& from, const std::string& to) {
  return day_number(to) - day_number(from);
}

std::string quarter_of(const std::string& date) {
  int month = std::stoi(date.substr(5, 2));
  return date.substr(0, 4) + "-Q" + std::to_string((month - 1) / 3 + 1);
}

Dashboard compute_dashboard(const Site& site) {
  Dashboard dashboard;
  const ClearingHouseConfig& house = site.config.clearing_house;
  if (!house.enabled) return dashboard;
  const ContentType* type = site.config.type(house.requests_type);
  auto it = site.by_type.find(house.requests_type);
  if (!type || it == site.by_type.end()) return dashboard;
  const std::vector<size_t>& requests = it->second;
  std::vector<long> days;
  std::vector<FigureCount> quarters;
  for (size_t index : requests) {
    const Document& request = site.documents[index];
    bool example = is_example(site, request);
    add(&dashboard.requests, example);
    if (is_successful(site, request)) add(&dashboard.successful, example);
    auto matched = matched_date(site, request);
    if (!matched) {
      if (reached_match(site, request)) add(&dashboard.undated_matches, example);
      continue;
    }
    add(find_or_add(&quarters, quarter_of(*matched)), example);
    auto opened = opened_date(site, request);
    if (opened && !example) days.push_back(days_between(*opened, *matched));
  }
  for (const auto& name : house.dashboard_fields) {
    if (const FieldSchema* field = type->field(name)) {
      dashboard.breakdowns.push_back(count_by(site, requests, *field));
    }
  }
  dashboard.timed_matches = days.size();
  dashboard.median_days_to_match = median(std::move(days));
  dashboard.matches_per_quarter = contiguous_quarters(std::move(quarters));
  return dashboard;
}

nlohmann::ordered_json dashboard_json(const Dashboard& dashboard) {
  nlohmann::ordered_json out;
  out["requests"] = count_json(dashboard.requests, false);
  nlohmann::ordered_json by = nlohmann::ordered_json::object();
  for (const auto& breakdown : dashboard.breakdowns) {
    nlohmann::ordered_json counts = nlohmann::ordered_json::array();
    for (const auto& count : breakdown.counts) counts.push_back(count_json(count, true));
    by[breakdown.field] = counts;
  }
  out["by"] = by;
  out["median_days_to_match"] = dashboard.median_days_to_match
                                    ? nlohmann::ordered_json(*dashboard.median_days_to_match)
                                    : nlohmann::ordered_json();
  out["timed_matches"] = dashboard.timed_matches;
  nlohmann::ordered_json quarters = nlohmann::ordered_json::array();
  for (const auto& count : dashboard.matches_per_quarter)
    quarters.push_back(count_json(count, true));
  out["matches_per_quarter"] = quarters;
  out["undated_matches"] = count_json(dashboard.undated_matches, false);
  out["successful_matching_cases"] = count_json(dashboard.successful, false);
  return out;
}

std::vector<std::vector<std::string>> dashboard_rows(const Dashboard& dashboard) {
  std::vector<std::vector<std::string>> rows{{"figure", "key", "real", "examples"}};
  auto row = [&](const std::string& figure, const FigureCount& count) {
    rows.push_back({figure, count.key, std::to_string(count.real), std::to_string(count.examples)});
  };
  row("requests", dashboard.requests);
  for (const auto& breakdown : dashboard.breakdowns) {
    for (const auto& count : breakdown.counts) row(breakdown.field, count);
  }
  rows.push_back(
      {"median_days_to_match", "",
       dashboard.median_days_to_match ? number_text(*dashboard.median_days_to_match) : "", ""});
  for (const auto& count : dashboard.matches_per_quarter) row("quarter", count);
  row("undated_matches", dashboard.undated_matches);
  row("successful", dashboard.successful);
  return rows;
}

}  // namespace agora
