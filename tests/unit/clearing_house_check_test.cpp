// `agora check` on requests, with the repository's own site.yaml: unknown
// offers, services and organizations, and the status timeline rules.

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "clearing_fixture.h"
#include "cli_runner.h"
#include "config/vocabulary.h"
#include "model/issue_forms.h"
#include "model/site_loader.h"

namespace {

// The repository's site.yaml, data/ and the documents requests may name,
// in memory; the ISO list from iso-codes.
class RepositoryFs : public agora::testing::MemorySiteFs {
 public:
  RepositoryFs() {
    const std::string root = AGORA_SOURCE_DIR;
    copy(root + "/site.yaml", "site/site.yaml");
    for (const auto& relative : real_.list_files(root + "/data")) {
      copy(root + "/data/" + relative, "site/data/" + relative);
    }
    for (const char* dir : {"organizations", "offers"}) {
      for (const auto& relative : real_.list_files(root + "/content/" + dir)) {
        copy(root + "/content/" + dir + "/" + relative,
             "site/content/" + std::string(dir) + "/" + relative);
      }
    }
  }
  void copy(const std::string& from, const std::string& to) {
    std::string text, err;
    REQUIRE_MESSAGE(real_.read_file(from, &text, &err), err);
    memory_.write_file(to, text, &err);
  }
  void add_request(const std::string& slug, const std::string& text) {
    std::string err;
    memory_.write_file("site/content/requests/" + slug + ".md", text, &err);
  }
};

// The diagnostics check prints for one file, as "line:col severity[code] message | hint".
std::vector<std::string> check_file(RepositoryFs* fs, const std::string& file) {
  auto run =
      agora::testing::run_agora(fs, {"check", "--config", "site/site.yaml", "--format", "json"});
  std::vector<std::string> out;
  for (const auto& d : nlohmann::json::parse(run.out)) {
    if (d["file"] != file) continue;
    out.push_back(std::to_string(d["line"].get<int>()) + ":" +
                  std::to_string(d["column"].get<int>()) + " " + d["severity"].get<std::string>() +
                  "[" + d["code"].get<std::string>() + "] " + d["message"].get<std::string>() +
                  " | " + d["hint"].get<std::string>());
  }
  return out;
}

const char* kValid = R"(---
title: A valid request
date: 2024-05-02
summary: Help wanted.
requester: A ministry
services: [needs-assessment]
status: matched
as_of: 2024-05-20
timeline:
  - {date: 2024-05-02, status: open}
  - {date: 2024-05-20, status: matched}
matched_offers: [joint-facility-capacity-support]
---
Body.
)";

}  // namespace

TEST_CASE("a valid request passes check") {
  RepositoryFs fs;
  fs.add_request("valid", kValid);
  CHECK(check_file(&fs, "content/requests/valid.md").empty());
}

TEST_CASE("requests naming unknown offers, services or organizations") {
  RepositoryFs fs;
  fs.add_request("unknown-names", R"(---
title: Unknown names
date: 2024-05-02
summary: Help wanted.
requester: A ministry
requester_organizations: [itu, unicfe]
services: [needs-assesment, funding]
status: matched
as_of: 2024-05-20
timeline:
  - {date: 2024-05-02, status: open}
  - {date: 2024-05-20, status: matched}
matched_offers: [partner2conect-pledges, giga-school-connectivity-mapping]
---
Body.
)");
  CHECK(agora::testing::lines(check_file(&fs, "content/requests/unknown-names.md")) ==
        agora::testing::lines({
            "6:32 error[unknown-term] 'unicfe' names no document in content/organizations/ "
            "(field 'requester_organizations') | did you mean 'United Nations Children's Fund'?",
            "7:12 error[unknown-term] 'needs-assesment' is not in the vocabulary of Services "
            "(field 'services') | did you mean 'Needs assessment'?",
            "13:18 error[unknown-reference] 'partner2conect-pledges' is not a document in "
            "content/offers/ | did you mean 'partner2connect-pledges'?",
        }));
}

TEST_CASE("a request's status must agree with its timeline") {
  RepositoryFs fs;
  fs.add_request("timeline", R"(---
title: Timeline problems
date: 2024-05-02
summary: Help wanted.
requester: A ministry
services: [needs-assessment]
status: closed
as_of: 2024-05-01
timeline:
  - {date: 2024-05-02, status: open}
  - {date: 2024-04-20, status: matched}
---
Body.
)");
  CHECK(agora::testing::lines(check_file(&fs, "content/requests/timeline.md")) ==
        agora::testing::lines({
            "7:9 warning[no-matches] 'status' is 'closed', a status that means a match was made, "
            "but 'matched_offers' names no offer | list the matched offers in 'matched_offers'",
            "7:9 error[status-mismatch] 'status' is 'closed' but the last entry of 'timeline' "
            "(2024-05-02) says 'matched' | add a dated entry to 'timeline' for the new status, or "
            "correct 'status'",
            "8:8 error[status-date] 'as_of' (2024-05-01) is before the last status change "
            "(2024-05-02) | the status date is the day the status was last known to be true",
            "11:12 error[timeline-order] 'timeline' must run oldest first, but 2024-04-20 comes "
            "after 2024-05-02 | move this entry up, or correct its date",
        }));
}

TEST_CASE("a request without its timeline or status date") {
  RepositoryFs fs;
  fs.add_request("missing", R"(---
title: Missing fields
date: 2024-05-02
summary: Help wanted.
requester: A ministry
services: [needs-assessment]
status: open
---
Body.
)");
  CHECK(agora::testing::lines(check_file(&fs, "content/requests/missing.md")) ==
        agora::testing::lines({
            "8:1 error[missing-field] missing required field 'as_of' | add 'as_of:' above this "
            "line: The day the status was last known to be true, YYYY-MM-DD",
            "8:1 error[missing-field] missing required field 'timeline' | add 'timeline:' above "
            "this line: Every status change, oldest first; the first is the day the request was "
            "opened, if known",
        }));
}

TEST_CASE("the repository's own forms round-trip hostile answers into files check accepts") {
  for (const char* type_name : {"requests", "offers"}) {
    CAPTURE(type_name);
    RepositoryFs fs;
    agora::Diagnostics diags;
    auto site = agora::load_site(fs, "site/site.yaml", {}, &diags);
    REQUIRE(site);
    const agora::IssueFormConfig* form = site->config.form(type_name);
    REQUIRE(form);
    const agora::ContentType& type = *site->config.type(type_name);
    std::string hostile = "<b onclick=\"x\">“Quotes” 'and' \\ back</b> — ملف 文件 ---";
    std::map<std::string, std::string> answers;
    for (const auto& name : form->fields) {
      const agora::FieldSchema& field = *type.field(name);
      auto options = agora::form_options(*site, field);
      switch (agora::form_widget(*site, field)) {
        case agora::FormWidget::kMultiDropdown:
          answers[name] = options.at(0) + ", " + options.at(1);
          break;
        case agora::FormWidget::kDropdown:
          answers[name] = options.back();
          break;
        case agora::FormWidget::kCheckbox:
          answers[name] = "x";
          break;
        default:
          if (field.type == agora::FieldType::kUrl) {
            answers[name] = "https://example.org/a?q=%3Cb%3E&x=1#top";
          } else if (field.type == agora::FieldType::kListOfTerms) {
            const auto& terms = site->vocabularies.at(field.taxonomy).terms();
            answers[name] = terms.at(0).name + "\n" + terms.at(1).id;
          } else {
            answers[name] =
                name + ": " + hostile +
                (field.type == agora::FieldType::kText ? "\n---\nstatus: closed\n### Title\n" : "");
          }
      }
    }
    answers["body"] = "<script>alert(1)</script>\n\n### Title\n\n---\nexample: true\n";
    std::string err;
    fs.memory_.write_file(
        "issue.md", agora::testing::github_body(agora::issue_form_yaml(*site, *form), answers),
        &err);
    auto made = agora::testing::run_agora(
        &fs, {"new", type_name, "--from-issue", "issue.md", "--config", "site/site.yaml"},
        "2025-06-07");
    CHECK(made.err == "");
    REQUIRE(made.code == 0);
    std::string created = made.out.substr(8, made.out.find('\n') - 8);  // after "created "
    CHECK(created ==
          "content/" + std::string(type_name) + "/title-b-onclick-x-quotes-and-back-b.md");
    CHECK(agora::testing::lines(check_file(&fs, created)) == "");
  }
}
