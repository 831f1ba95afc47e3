// site.yaml's clearing-house roles, forms, licence, broader links and
// publication dates: parsed into structs, and every wrong name reported
// where it is written, with a suggestion.

#include <doctest/doctest.h>

#include <string>

#include "clearing_fixture.h"
#include "config/site_config.h"
#include "config/vocabulary.h"

namespace {

// The fixture's site.yaml with `from` replaced by `to` (once).
std::string config_with(const std::string& from, const std::string& to) {
  std::string text = agora::testing::kClearingConfig;
  size_t at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

std::vector<std::string> errors_of(const std::string& text) {
  agora::Diagnostics diags;
  auto config = agora::parse_site_config(text, "site.yaml", &diags);
  CHECK_FALSE(config);
  std::vector<std::string> out;
  for (const auto& d : diags.items()) {
    out.push_back(agora::format_diagnostic_line(d) + (d.hint.empty() ? "" : " | " + d.hint));
  }
  return out;
}

}  // namespace

TEST_CASE("clearing_house, forms, license, broader and publication_dates parse") {
  agora::Diagnostics diags;
  std::string text = config_with("title: Clearing fixture\n",
                                 "title: Clearing fixture\nlicense: {name: CC BY 4.0, url: "
                                 "https://creativecommons.org/licenses/by/4.0/}\n");
  auto config = agora::parse_site_config(text, "site.yaml", &diags);
  CHECK(diags.empty());
  REQUIRE(config);
  const agora::ClearingHouseConfig& house = config->clearing_house;
  CHECK(house.enabled);
  CHECK(house.requests_type == "requests");
  CHECK(house.timeline_field == "timeline");
  CHECK(house.timeline_reported == "reported");
  CHECK(house.matched_statuses == std::vector<std::string>{"matched", "closed"});
  REQUIRE(house.criteria.size() == 4);
  CHECK(house.criteria[1].name == "place");
  CHECK(house.criteria[1].request_fields == std::vector<std::string>{"countries", "regions"});
  CHECK(house.criteria[0].required);
  CHECK(house.criteria[3].weight == 1);
  CHECK(house.dashboard_fields == std::vector<std::string>{"status", "regions", "services"});
  REQUIRE(config->form("requests"));
  CHECK(config->form("requests")->set["timeline"][0]["date"] == "today");
  CHECK(config->license.name == "CC BY 4.0");
  CHECK(config->license.url == "https://creativecommons.org/licenses/by/4.0/");
  CHECK(config->taxonomy("countries")->broader_taxonomy == "regions");
  CHECK(config->taxonomy("countries")->broader_file == "data/country-regions.yaml");
  CHECK_FALSE(config->type("organizations")->publication_dates);
  CHECK(config->type("offers")->publication_dates);
}

TEST_CASE("clearing_house errors name the place and suggest the fix") {
  struct Case {
    const char* from;
    const char* to;
    std::vector<std::string> errors;
  } cases[] = {
      {"  matching:\n",
       "  matchng:\n",
       {"site.yaml:59:3: error[unknown-key]: unknown key 'matchng' in clearing_house | did you "
        "mean 'matching'?"}},
      {"type: requests\n    status: status",
       "type: request\n    status: status",
       {"site.yaml:51:11: error[unknown-type]: clearing_house names unknown type 'request' | did "
        "you mean 'requests'?"}},
      {"status_date: as_of",
       "status_date: as_off",
       {"site.yaml:53:18: error[unknown-field]: field 'as_off' is not a field of type 'requests' "
        "| did you mean 'as_of'?"}},
      {"matches: matched_offers",
       "matches: requester",
       {"site.yaml:55:14: error[wrong-field-type]: field 'requester' of type 'requests' must be "
        "list-of-references, not string"}},
      {"successful: [closed]",
       "successful: [closd]",
       {"site.yaml:58:69: error[unknown-status]: 'closd' is not a value of field 'status' | did "
        "you mean 'closed'?"}},
      {"request: [countries, regions]",
       "request: [countries, region]",
       {"site.yaml:63:44: error[unknown-field]: field 'region' is not a field of type 'requests' "
        "| did you mean 'regions'?"}},
      {"offers: {type: offers, provider: provider}",
       "offers: {type: offers, provider: services}",
       {"site.yaml:57:36: error[wrong-field-type]: field 'services' must name documents (a "
        "taxonomy with 'documents:'), but taxonomy 'services' does not"}},
      {"dashboard: [status, regions, services]",
       "dashboard: [status, requester]",
       {"site.yaml:66:23: error[wrong-field-type]: field 'requester' of type 'requests' must be "
        "enum or list-of-terms, not string"}},
  };
  for (const auto& c : cases) {
    CAPTURE(c.to);
    CHECK(agora::testing::lines(errors_of(config_with(c.from, c.to))) ==
          agora::testing::lines(c.errors));
  }
}

TEST_CASE("form errors: unknown and unaskable fields, required fields left unset") {
  CHECK(agora::testing::lines(
            errors_of(config_with("fields: [title, summary, requester,",
                                  "fields: [title, summary, requestor, timeline,"))) ==
        agora::testing::lines({
            "site.yaml:75:30: error[unknown-field]: field 'requestor' is not a field of type "
            "'requests' | did you mean 'requester'?",
            "site.yaml:75:41: error[wrong-field-type]: a form cannot ask for field 'timeline' (a "
            "list-of-objects); give it a value under 'set' instead",
            "site.yaml:68:3: error[unset-required-field]: form 'requests' neither asks nor sets "
            "required field 'requester' | add it to 'fields', or give it a value under 'set'",
        }));
  CHECK(agora::testing::lines(errors_of(
            config_with("      as_of: today\n", "      as_of: today\n      stauts: x\n"))) ==
        agora::testing::lines({"site.yaml:81:7: error[unknown-key]: unknown key 'stauts' in "
                               "form 'requests' set | did you mean 'status'?"}));
}

TEST_CASE("broader and license errors") {
  CHECK(agora::testing::lines(errors_of(
            config_with("broader: {taxonomy: regions,", "broader: {taxonomy: region,"))) ==
        agora::testing::lines(
            {"site.yaml:9:25: error[unknown-taxonomy]: taxonomy 'countries' has broader terms in "
             "unknown taxonomy 'region' | did you mean 'regions'?"}));
  CHECK(agora::testing::lines(
            errors_of(config_with("title: Clearing fixture\n",
                                  "title: Clearing fixture\nlicense: {url: https://x.org}\n"))) ==
        agora::testing::lines({"site.yaml:2:10: error[missing-key]: license needs 'name'"}));
}

TEST_CASE("a file of broader terms links terms, and names unknown ones on either side") {
  agora::Vocabulary regions, countries;
  std::string conflict;
  regions.add({"western-africa", "Western Africa", "", "", {"West Africa"}, {}, {}, {}}, &conflict);
  regions.add({"world", "World", "", "", {}, {}, {}, {}}, &conflict);
  countries.add({"gh", "Ghana", "", "", {"GH"}, {}, {}, {}}, &conflict);
  countries.add({"ml", "Mali", "", "", {"ML"}, {}, {}, {}}, &conflict);
  agora::Diagnostics diags;
  CHECK(agora::parse_broader_file("GH: West Africa\nMali: [western-africa, world]\n", "b.yaml",
                                  regions, &countries, &diags));
  CHECK(diags.empty());
  CHECK(countries.by_id("gh")->broader == std::vector<std::string>{"western-africa"});
  CHECK(countries.by_id("ml")->broader == std::vector<std::string>{"western-africa", "world"});

  agora::Diagnostics bad;
  CHECK_FALSE(
      agora::parse_broader_file("Ghanna: world\nML: Wrld\n", "b.yaml", regions, &countries, &bad));
  std::vector<std::string> got;
  for (const auto& d : bad.items())
    got.push_back(agora::format_diagnostic_line(d) + " | " + d.hint);
  CHECK(agora::testing::lines(got) ==
        agora::testing::lines(
            {"b.yaml:1:1: error[unknown-term]: 'Ghanna' is not a term of the narrower vocabulary "
             "| did you mean 'Ghana'?",
             "b.yaml:2:5: error[unknown-term]: 'Wrld' is not a term of the broader vocabulary | "
             "did you mean 'World'?"}));
}
