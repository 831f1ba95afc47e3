// Issue forms (model/issue_forms.h) and intake (model/issue_intake.h): the
// form generated from site.yaml, the body GitHub makes of it, and back to a
// content file that `agora check` accepts, hostile answers included.

#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>

#include <map>
#include <random>
#include <string>

#include "clearing_fixture.h"
#include "cli_runner.h"
#include "content/front_matter.h"
#include "model/issue_forms.h"
#include "model/issue_intake.h"

namespace {

using agora::testing::ClearingFs;
using agora::testing::github_body;

agora::Site load(ClearingFs* fs) {
  agora::Diagnostics diags;
  auto site = agora::load_site(*fs, "site/site.yaml", {}, &diags);
  for (const auto& d : diags.items()) FAIL_CHECK(agora::format_diagnostic_line(d));
  REQUIRE(site);
  return std::move(*site);
}

}  // namespace

TEST_CASE("percent-encoding keeps only unreserved characters") {
  struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"abc-XYZ_0.9~", "abc-XYZ_0.9~"},
      {"a b", "a%20b"},
      {"a+b&c=d#e?f/g", "a%2Bb%26c%3Dd%23e%3Ff%2Fg"},
      {"50%", "50%25"},
      {"\"<script>\"", "%22%3Cscript%3E%22"},
      {"line\nbreak\r\t", "line%0Abreak%0D%09"},
      {"é", "%C3%A9"},
      {"وزارة", "%D9%88%D8%B2%D8%A7%D8%B1%D8%A9"},
      {"数字", "%E6%95%B0%E5%AD%97"},
      {"'()*!;:@,$[]", "%27%28%29%2A%21%3B%3A%40%2C%24%5B%5D"},
  };
  for (const auto& c : cases) CHECK(agora::percent_encode(c.in) == c.out);
}

TEST_CASE("the prefilled new-issue link encodes every name and value") {
  ClearingFs fs;
  agora::Site site = load(&fs);
  const agora::IssueFormConfig* form = site.config.form("requests");
  REQUIRE(form);
  CHECK(agora::new_issue_url(site.config, *form) ==
        "https://github.com/example/desk/issues/new?template=request.yml&title=Request%3A%20");
  CHECK(agora::new_issue_url(site.config, *form,
                             {{"regions", "Western Africa, Western Asia"},
                              {"requester", "Ministère & \"Co\" #1"},
                              {"body", "a=b\nc"}}) ==
        "https://github.com/example/desk/issues/new?template=request.yml&title=Request%3A%20"
        "&regions=Western%20Africa%2C%20Western%20Asia"
        "&requester=Minist%C3%A8re%20%26%20%22Co%22%20%231&body=a%3Db%0Ac");
  agora::SiteConfig no_repository = site.config;
  no_repository.repository_url.clear();
  CHECK(agora::new_issue_url(no_repository, *form).empty());
}

TEST_CASE("the issue form is generated from the schema, one element per field") {
  ClearingFs fs;
  agora::Site site = load(&fs);
  CHECK(agora::issue_form_yaml(site, *site.config.form("requests")) ==
        R"(# Generated from site.yaml by `agora forms`; edit site.yaml, not this file.
name: "Request support"
description: "Ask for help."
title: "Request: "
labels:
  - "request"
body:
  - type: markdown
    attributes:
      value: "Everything here is public."
  - type: input
    id: title
    attributes:
      label: "Title"
    validations:
      required: true
  - type: textarea
    id: summary
    attributes:
      label: "Summary"
    validations:
      required: true
  - type: input
    id: requester
    attributes:
      label: "Requester"
      description: "Who asks"
    validations:
      required: true
  - type: textarea
    id: organizations
    attributes:
      label: "Requesting organizations"
  - type: textarea
    id: countries
    attributes:
      label: "Countries"
  - type: dropdown
    id: regions
    attributes:
      label: "Regions"
      multiple: true
      options:
        - "World"
        - "Africa"
        - "Western Africa"
        - "Eastern Africa"
        - "Asia"
        - "Western Asia"
  - type: dropdown
    id: services
    attributes:
      label: "Services"
      multiple: true
      options:
        - "Needs assessment"
        - "Technical training"
        - "Peer learning"
    validations:
      required: true
  - type: dropdown
    id: languages
    attributes:
      label: "Languages"
      multiple: true
      options:
        - "English"
        - "French"
        - "Arabic"
  - type: textarea
    id: notes
    attributes:
      label: "Notes"
  - type: checkboxes
    id: urgent
    attributes:
      label: "Urgent"
      options:
        - label: "Urgent"
  - type: textarea
    id: body
    attributes:
      label: "Details"
      description: "Anything else."
)");
  // GitHub's own parser reads it as YAML with the same strings.
  YAML::Node parsed = YAML::Load(agora::issue_form_yaml(site, *site.config.form("requests")));
  CHECK(parsed["title"].Scalar() == "Request: ");
  CHECK(parsed["body"][7]["attributes"]["options"][2].Scalar() == "Peer learning");
}

TEST_CASE("round trip: site.yaml -> form -> issue body -> --from-issue -> a file check accepts") {
  ClearingFs fs;
  agora::Site site = load(&fs);
  std::string form = agora::issue_form_yaml(site, *site.config.form("requests"));
  const std::string title = "<script>alert(\"x\")</script> 'quoted' \"twice\": Ελληνικά --- #1";
  const std::string summary =
      "First line.\n---\nstatus: closed\nexample: true\n### Regions\n\nAll of them & <b>bold</b>";
  const std::string requester =
      "وزارة الاتصالات / 数字部 / Ministère de l'économie: *alias &anchor !!str";
  std::map<std::string, std::string> answers{
      {"title", title},
      {"summary", summary},
      {"requester", requester},
      {"organizations", "itu\nUNDP"},  // a slug, and a title in other case
      {"countries", "Ghana\nKorea, Republic of\nfr"},
      {"regions", "Western Africa, Western Asia"},
      {"services", "Needs assessment, Peer learning"},
      {"languages", "French"},
      {"notes", "- first: with a colon\n- ]]} [[{ brackets\n- #not a comment"},
      {"urgent", "x"},
      {"body",
       "<img src=x onerror=alert(1)>\n\n### Title\n\nNot the title.\n\n---\nnot: front matter"},
  };
  std::string err;
  fs.memory_.write_file("issue.md", github_body(form, answers), &err);
  auto made = agora::testing::run_agora(
      &fs, {"new", "requests", "--from-issue", "issue.md", "--config", "site/site.yaml"},
      "2025-03-04");
  CHECK(made.err == "");
  REQUIRE(made.code == 0);
  CHECK(made.out ==
        "created content/requests/script-alert-x-script-quoted-twice-1.md\n"
        "next: review it, then run `agora check`\n");
  // Nothing to report on the whole site, the new file included.
  auto check =
      agora::testing::run_agora(&fs, {"check", "--config", "site/site.yaml", "--format", "json"});
  CHECK(check.out == "[]\n");
  CHECK(check.code == 0);
  // And the file holds exactly what was typed.
  agora::Site after = load(&fs);
  const agora::Document* doc = after.find("requests", "script-alert-x-script-quoted-twice-1");
  REQUIRE(doc);
  CHECK(doc->title == title);
  CHECK(doc->summary == summary);
  CHECK(doc->fields["requester"] == requester);
  CHECK(doc->fields["organizations"] == nlohmann::json({"itu", "undp"}));
  CHECK(doc->fields["countries"] == nlohmann::json({"gh", "kr", "fr"}));
  CHECK(doc->fields["regions"] == nlohmann::json({"western-africa", "western-asia"}));
  CHECK(doc->fields["services"] == nlohmann::json({"assess", "peer"}));
  CHECK(doc->fields["languages"] == nlohmann::json({"fr"}));
  CHECK(doc->fields["notes"] ==
        nlohmann::json({"first: with a colon", "]]} [[{ brackets", "#not a comment"}));
  CHECK(doc->fields["urgent"] == true);
  CHECK(doc->fields["status"] == "open");
  CHECK(doc->fields["timeline"] ==
        nlohmann::json::parse(R"([{"date":"2025-03-04","status":"open"}])"));
  CHECK(doc->date == "2025-03-04");
  CHECK_FALSE(doc->fields.contains("example"));
  std::string text;
  fs.memory_.read_file("site/content/requests/script-alert-x-script-quoted-twice-1.md", &text,
                       &err);
  CHECK(text.ends_with(
      "\n---\n\n<img src=x onerror=alert(1)>\n\n### Title\n\nNot the title.\n\n---\nnot: front "
      "matter\n"));
}

TEST_CASE("intake: empty answers, unknown terms and a missing title") {
  ClearingFs fs;
  agora::Site site = load(&fs);
  const agora::IssueFormConfig& form = *site.config.form("requests");
  std::string body =
      github_body(agora::issue_form_yaml(site, form), {{"title", "Help"},
                                                       {"summary", "Short."},
                                                       {"requester", "A ministry"},
                                                       {"services", "Needs assesment"},
                                                       {"countries", "Atlantis"}});
  agora::Diagnostics diags;
  agora::IssueDocument doc;
  REQUIRE(agora::document_from_issue(site, form, body, "2025-01-02", "issue.md", &doc, &diags));
  CHECK(
      doc.text ==
      "---\ntitle: \"Help\"\ndate: \"2025-01-02\"\nsummary: \"Short.\"\ncountries: [\"Atlantis\"]\n"
      "requester: \"A ministry\"\nservices: [\"Needs assesment\"]\nstatus: \"open\"\n"
      "as_of: \"2025-01-02\"\ntimeline:\n  - date: \"2025-01-02\"\n    status: \"open\"\n---\n");
  REQUIRE(diags.items().size() == 2);
  CHECK(agora::format_diagnostic_line(diags.items()[0]) ==
        "issue.md:17:1: warning[unknown-answer]: 'Atlantis' is not a known value of 'countries'; "
        "it is kept as written");
  CHECK(diags.items()[1].message ==
        "'Needs assesment' is not a known value of 'services'; it is kept as written");
  CHECK(diags.items()[1].hint == "did you mean 'Needs assessment'?");

  agora::Diagnostics missing;
  CHECK_FALSE(agora::document_from_issue(site, form, "### Title\n\n_No response_\n", "2025-01-02",
                                         "issue.md", &doc, &missing));
  REQUIRE(missing.items().size() == 1);
  CHECK(missing.items()[0].code == "missing-title");
}

TEST_CASE("intake survives random hostile answers: the front matter always parses back") {
  ClearingFs fs;
  agora::Site site = load(&fs);
  const agora::IssueFormConfig& form = *site.config.form("requests");
  std::string form_yaml = agora::issue_form_yaml(site, form);
  const std::vector<std::string> pieces = {"a",
                                           "Z",
                                           " ",
                                           "\n",
                                           "\t",
                                           "#",
                                           "-",
                                           ":",
                                           "\"",
                                           "'",
                                           "\\",
                                           "[",
                                           "]",
                                           "{",
                                           "}",
                                           "<",
                                           ">",
                                           "&",
                                           "*",
                                           "!",
                                           "%",
                                           "|",
                                           "é",
                                           "ك",
                                           "中",
                                           "---",
                                           "### Title ",
                                           "\n---\n",
                                           "### Requester",
                                           "`",
                                           "${{ x }}",
                                           "\r\n",
                                           "\\u0041",
                                           "null",
                                           "~",
                                           "? ",
                                           ",",
                                           "@",
                                           "..."};
  auto trim = [](std::string s) {
    size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  std::mt19937 random(20261130);
  auto random_text = [&](size_t max_pieces) {
    std::string text = "x";  // never empty, so the title is always there
    for (size_t n = random() % max_pieces; n > 0; --n) text += pieces[random() % pieces.size()];
    return text;
  };
  for (int round = 0; round < 300; ++round) {
    // Inputs have one line; text areas any number.
    auto one_line = [](std::string text) {
      for (char& c : text) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      return text;
    };
    std::string title = one_line(random_text(12)), requester = one_line(random_text(12));
    std::string summary = random_text(30);
    std::string body = github_body(form_yaml, {{"title", title},
                                               {"summary", summary},
                                               {"requester", requester},
                                               {"services", "Peer learning"},
                                               {"body", random_text(30)}});
    agora::Diagnostics diags;
    agora::IssueDocument doc;
    REQUIRE(agora::document_from_issue(site, form, body, "2025-01-02", "issue.md", &doc, &diags));
    CAPTURE(doc.text);
    agora::FrontMatter front;
    agora::Diagnostics parse;
    REQUIRE(agora::parse_front_matter(doc.text, "new.md", &front, &parse));
    CHECK(parse.empty());
    CHECK(front.data["title"].Scalar() == trim(title));
    // GitHub sends CRLF line ends; the file gets LF.
    std::string lf;
    for (size_t i = 0; i < summary.size(); ++i) {
      if (!(summary[i] == '\r' && i + 1 < summary.size() && summary[i + 1] == '\n'))
        lf += summary[i];
    }
    CHECK(front.data["summary"].Scalar() == trim(lf));
    CHECK(front.data["services"][0].Scalar() == "peer");
    CHECK(front.data["requester"].Scalar() == trim(requester));
    CHECK(front.data["status"].Scalar() == "open");
    CHECK(front.data.size() == 8);  // no answer added a field
  }
}
