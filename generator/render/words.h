#pragma once
// The theme's words for one language: themes/NAME/i18n/LANG.yaml, with a
// site's own i18n/LANG.yaml overriding it key by key. Templates see them as
// `i18n`; the generator uses the few messages docs/THEMES.md lists (page
// titles, counts, dates), formatting "{name}" placeholders and choosing
// plural forms by the language's CLDR rules.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/diagnostic.h"

namespace agora {

// The messages the generator itself formats. A language file must define
// each one; `agora check` names the missing ones.
inline constexpr const char* kGeneratorWords[] = {"months",
                                                  "date_format",
                                                  "home",
                                                  "search",
                                                  "not_found",
                                                  "open_data",
                                                  "gap_map",
                                                  "facet_title",
                                                  "gap_cell_title",
                                                  "documents",
                                                  "filter_by",
                                                  "all_of",
                                                  "named_in",
                                                  "list_and",
                                                  "list_comma",
                                                  "gap_map_intro",
                                                  "gap_map_empty",
                                                  "gap_map_rollup",
                                                  "gap_map_table_title",
                                                  "gap_map_caption",
                                                  "home_gap_text"};

// The messages the generator formats for the clearing-house's pages; a
// language file must define each one when site.yaml has a clearing_house
// directory.
inline constexpr const char* kSupportWords[] = {"find_support",
                                                "request_support",
                                                "dashboard",
                                                "needs_map",
                                                "support_by_country",
                                                "serving_area",
                                                "providers",
                                                "needs_open",
                                                "needs_unmet",
                                                "needs_offers",
                                                "needs_gaps",
                                                "needs_examples",
                                                "needs_unplaced",
                                                "match_reasons",
                                                "dashboard_by",
                                                "dashboard_quarters",
                                                "quarter",
                                                "chart_bar"};

// A CLDR plural category of an integer: "zero", "one", "two", "few", "many"
// or "other", by the rules of `language` (its primary subtag); languages
// without rules here use English's.
std::string plural_category(const std::string& language, long long n);

class Words {
 public:
  Words() = default;
  Words(std::string language, nlohmann::json words)
      : language_(std::move(language)), words_(std::move(words)) {}

  const std::string& language() const { return language_; }
  // Every word, as templates see it.
  const nlohmann::json& json() const { return words_; }
  bool has(const std::string& key) const { return words_.contains(key); }
  // The mapping `key` (language_names, match_reasons), or an empty one when
  // the key is missing or not a mapping. Not copied: it is looked up for
  // every item of a list.
  const nlohmann::json& group(const std::string& key) const;

  // The message `key` with each "{name}" replaced by args[name]; unknown
  // placeholders are kept as written. "" when the key is missing.
  std::string format(const std::string& key,
                     const std::map<std::string, std::string>& args = {}) const;
  // A plural message: `key` maps plural categories to messages; the one for
  // n is formatted with {count} = n and `args`, falling back to "other".
  std::string plural(const std::string& key, long long n,
                     const std::map<std::string, std::string>& args = {}) const;
  // n with the language's digit grouping: number_group (", " in English,
  // U+202F in French) between groups of three, once n has at least
  // number_min_grouping (CLDR's minimumGroupingDigits, default 1) + 3 digits.
  std::string number(long long n) const;
  // "2019-12-10" as date_format says, with the month's name from months.
  std::string date(const std::string& iso_day) const;
  // "a", "a and b", "a, b and c" (list_comma, list_and).
  std::string list(const std::vector<std::string>& items) const;

 private:
  std::string language_;
  nlohmann::json words_ = nlohmann::json::object();
};

// Parses one language file (a YAML mapping; values are strings, lists of
// strings, or mappings of those). Errors name file:line:col.
std::optional<nlohmann::json> parse_words(const std::string& text, const std::string& file,
                                          Diagnostics* diags);

// Reports each generator word `words` lacks as an error at `file`; with
// `support`, the clearing-house's words too.
void check_generator_words(const nlohmann::json& words, const std::string& file, Diagnostics* diags,
                           bool support = false);

}  // namespace agora
