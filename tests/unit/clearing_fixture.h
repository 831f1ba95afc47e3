#pragma once
// A small clearing-house in memory for the matching, dashboard and issue
// form tests: regions with parents, ISO countries linked to them, services,
// languages, organizations, offers and requests. Add files with add().

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include <map>

#include "config/vocabulary.h"
#include "model/site_loader.h"
#include "site_fixture.h"
#include "util/file_system.h"

namespace agora::testing {

inline const char* kClearingConfig = R"(title: Clearing fixture
base_url: https://example.org/
repository: {url: https://github.com/example/desk}
taxonomies:
  regions: {title: Regions, vocabulary: {file: data/regions.yaml}}
  countries:
    title: Countries
    vocabulary: {iso3166: true}
    broader: {taxonomy: regions, file: data/country-regions.yaml}
  services: {title: Services, vocabulary: {file: data/services.yaml}}
  languages: {title: Languages, vocabulary: {file: data/languages.yaml}}
  themes: {title: Themes, vocabulary: {file: data/themes.yaml}}
  organizations: {title: Organizations, vocabulary: {documents: organizations}}
common_fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: summary, type: text, required: true}
  - {name: themes, type: list-of-terms, taxonomy: themes}
  - {name: regions, type: list-of-terms, taxonomy: regions}
  - {name: countries, type: list-of-terms, taxonomy: countries}
types:
  organizations:
    publication_dates: false
  offers:
    fields:
      - {name: provider, type: list-of-terms, taxonomy: organizations, required: true}
      - {name: services, type: list-of-terms, taxonomy: services, required: true}
      - {name: languages, type: list-of-terms, taxonomy: languages}
      - {name: cost, type: enum, values: [free, paid]}
  requests:
    fields:
      - {name: requester, type: string, required: true, description: "Who asks"}
      - {name: organizations, label: Requesting organizations, type: list-of-terms, taxonomy: organizations}
      - {name: services, type: list-of-terms, taxonomy: services, required: true}
      - {name: languages, type: list-of-terms, taxonomy: languages}
      - {name: status, type: enum, required: true, values: [open, matched, closed, withdrawn]}
      - {name: as_of, type: date, required: true}
      - name: timeline
        type: list-of-objects
        required: true
        fields:
          - {name: date, type: date, required: true}
          - {name: status, type: enum, required: true, values: [open, matched, closed, withdrawn]}
          - {name: reported, type: boolean}
      - {name: matched_offers, type: list-of-references, target: offers}
      - {name: notes, type: list}
      - {name: urgent, type: boolean}
      - {name: example, type: boolean}
clearing_house:
  requests:
    type: requests
    status: status
    status_date: as_of
    timeline: {field: timeline, date: date, status: status, reported: reported}
    matches: matched_offers
    example: example
  offers: {type: offers, provider: provider}
  statuses: {open: [open], matched: [matched, closed], successful: [closed]}
  matching:
    suggestions: 3
    criteria:
      - {name: services, request: [services], offer: [services], weight: 8, required: true}
      - {name: place, request: [countries, regions], offer: [countries, regions], weight: 4}
      - {name: languages, request: [languages], offer: [languages], weight: 2}
      - {name: themes, request: [themes], offer: [themes], weight: 1}
  dashboard: [status, regions, services]
forms:
  requests:
    file: request.yml
    name: Request support
    description: Ask for help.
    title: "Request: "
    labels: [request]
    intro: Everything here is public.
    fields: [title, summary, requester, organizations, countries, regions, services, languages, notes, urgent]
    body: {label: Details, description: Anything else.}
    set:
      date: today
      status: open
      as_of: today
      timeline: [{date: today, status: open}]
)";

inline void write_clearing_data(FileSystem* fs) {
  std::string err;
  fs->write_file("site/data/regions.yaml", R"(- {id: world, name: World}
- {id: africa, name: Africa, parent: world}
- {id: western-africa, name: Western Africa, aliases: [West Africa], parent: africa}
- {id: eastern-africa, name: Eastern Africa, parent: africa}
- {id: asia, name: Asia, parent: world}
- {id: western-asia, name: Western Asia, parent: asia}
)",
                 &err);
  fs->write_file("site/data/country-regions.yaml",
                 "GH: western-africa\nKE: eastern-africa\nIQ: western-asia\n", &err);
  fs->write_file("site/data/services.yaml", R"(- {id: assess, name: Needs assessment}
- {id: train, name: Technical training}
- {id: peer, name: Peer learning}
)",
                 &err);
  fs->write_file("site/data/languages.yaml",
                 "- {id: en, name: English}\n- {id: fr, name: French}\n- {id: ar, name: Arabic}\n",
                 &err);
  fs->write_file("site/data/themes.yaml",
                 "- {id: skills, name: Digital skills}\n- {id: egov, name: E-government}\n", &err);
  for (const char* org : {"itu", "undp", "escwa"}) {
    fs->write_file(
        std::string("site/content/organizations/") + org + ".md",
        std::string("---\ntitle: ") + org + "\ndate: 2020-01-01\nsummary: An org.\n---\n", &err);
  }
}

// The fixture in memory; the ISO 3166 list and the bundled themes from disk.
class ClearingFs : public MemorySiteFs {
 public:
  ClearingFs() {
    std::string err;
    memory_.write_file("site/site.yaml", kClearingConfig, &err);
    write_clearing_data(&memory_);
  }
  // content/TYPE/SLUG.md with these front matter lines.
  void add(const std::string& type, const std::string& slug, const std::string& fields) {
    std::string err;
    memory_.write_file(
        "site/content/" + type + "/" + slug + ".md",
        "---\ntitle: " + slug + "\ndate: 2024-01-01\nsummary: S.\n" + fields + "---\nBody.\n",
        &err);
  }
};

// What GitHub writes into the issue for a filled-in form: every element but
// markdown, in order, as "### LABEL", a blank line and the answer.
// `answers` maps element ids to what the person typed or chose: dropdown
// choices joined by ", ", a checkbox as "x".
inline std::string github_body(const std::string& form_yaml,
                               const std::map<std::string, std::string>& answers) {
  YAML::Node form = YAML::Load(form_yaml);
  std::string body;
  for (const auto& element : form["body"]) {
    std::string type = element["type"].Scalar();
    if (type == "markdown") continue;
    std::string id = element["id"].Scalar();
    std::string label = element["attributes"]["label"].Scalar();
    auto it = answers.find(id);
    std::string answer = it == answers.end() || it->second.empty() ? "_No response_" : it->second;
    if (type == "checkboxes") {
      answer.clear();
      for (const auto& option : element["attributes"]["options"]) {
        bool ticked = it != answers.end() && it->second == "x";
        answer += std::string(ticked ? "- [X] " : "- [ ] ") + option["label"].Scalar() + "\n";
      }
    }
    body += "### " + label + "\n\n" + answer + "\n\n";
  }
  return body;
}

// One line per item, so a failed CHECK prints both lists.
inline std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += item + "\n";
  return out;
}

}  // namespace agora::testing
