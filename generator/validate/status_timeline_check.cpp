#include "validate/status_timeline_check.h"

#include <algorithm>

#include "config/yaml_map_reader.h"

namespace agora {

namespace {

std::string string_field(const nlohmann::json& object, const std::string& name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

class TimelineChecker {
 public:
  TimelineChecker(const FrontMatter& fm, const ClearingHouseConfig& house, const Document& doc,
                  Diagnostics* diags)
      : fm_(fm), house_(house), doc_(doc), diags_(diags) {}

  void run() {
    std::string status = string_field(doc_.fields, house_.status_field);
    std::string last_status, last_date;
    if (!house_.timeline_field.empty()) find_last_entry(&last_status, &last_date);
    if (!status.empty() && !last_status.empty() && status != last_status) {
      report(fm_.data[house_.status_field], "status-mismatch",
             "'" + house_.status_field + "' is '" + status + "' but the last entry of '" +
                 house_.timeline_field + "' (" + last_date + ") says '" + last_status + "'",
             "add a dated entry to '" + house_.timeline_field +
                 "' for the new status, or correct '" + house_.status_field + "'");
    }
    std::string as_of = string_field(doc_.fields, house_.status_date);
    if (!as_of.empty() && !last_date.empty() && as_of < last_date) {
      report(fm_.data[house_.status_date], "status-date",
             "'" + house_.status_date + "' (" + as_of + ") is before the last status change (" +
                 last_date + ")",
             "the status date is the day the status was last known to be true");
    }
    check_matches(status);
  }

 private:
  // The last valid timeline entry; reports entries that go back in time.
  void find_last_entry(std::string* status, std::string* date) {
    auto it = doc_.fields.find(house_.timeline_field);
    YAML::Node items = fm_.data[house_.timeline_field];
    if (it == doc_.fields.end() || !it->is_array() || !items.IsSequence()) return;
    size_t index = 0;
    for (const auto& entry : *it) {
      YAML::Node item = index < items.size() ? items[index] : YAML::Node();
      ++index;
      std::string entry_date = string_field(entry, house_.timeline_date);
      std::string entry_status = string_field(entry, house_.timeline_status);
      if (entry_date.empty() || entry_status.empty()) continue;
      if (!date->empty() && entry_date < *date) {
        report(item[house_.timeline_date], "timeline-order",
               "'" + house_.timeline_field + "' must run oldest first, but " + entry_date +
                   " comes after " + *date,
               "move this entry up, or correct its date");
      }
      *date = std::max(*date, entry_date);
      *status = entry_status;
    }
  }

  void check_matches(const std::string& status) {
    if (house_.matches_field.empty() || !contains(house_.matched_statuses, status)) return;
    auto it = doc_.fields.find(house_.matches_field);
    if (it != doc_.fields.end() && it->is_array() && !it->empty()) return;
    YAML::Node at = fm_.data[house_.status_field];
    diags_->warning(doc_.source_path, yaml_line(at, fm_.line_offset), yaml_column(at), "no-matches",
                    "'" + house_.status_field + "' is '" + status +
                        "', a status that means a match was made, but '" + house_.matches_field +
                        "' names no offer",
                    "list the matched offers in '" + house_.matches_field + "'");
  }

  void report(const YAML::Node& at, const std::string& code, const std::string& message,
              const std::string& hint) {
    diags_->error(doc_.source_path, yaml_line(at, fm_.line_offset), yaml_column(at), code, message,
                  hint);
  }

  const FrontMatter& fm_;
  const ClearingHouseConfig& house_;
  const Document& doc_;
  Diagnostics* diags_;
};

}  // namespace

void check_status_timeline(const FrontMatter& front_matter, const ClearingHouseConfig& house,
                           const Document& doc, Diagnostics* diags) {
  if (!house.enabled || doc.type != house.requests_type) return;
  TimelineChecker(front_matter, house, doc, diags).run();
}

}  // namespace agora
