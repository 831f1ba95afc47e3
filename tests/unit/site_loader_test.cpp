#include <doctest/doctest.h>

#include "model/relations.h"
#include "model/site_loader.h"
#include "site_fixture.h"

using agora::Diagnostics;
using agora::LoadOptions;
using agora::MemoryFileSystem;
using agora::testing::FixtureFs;

namespace {

std::vector<std::string> slugs(const agora::Site& site, const std::vector<size_t>& indexes) {
  std::vector<std::string> out;
  for (size_t i : indexes) out.push_back(site.documents[i].slug);
  return out;
}

}  // namespace

TEST_CASE("load_site orders listings newest first and leaves drafts out") {
  FixtureFs fs;
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", LoadOptions{}, &diags);
  REQUIRE(site);
  CHECK_FALSE(diags.has_errors());
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "draft");
  CHECK(diags.items()[0].file == "content/notes/delta.md");
  CHECK(slugs(*site, site->by_type.at("notes")) ==
        std::vector<std::string>{"beta", "alpha", "gamma"});
  CHECK(slugs(*site, site->by_type.at("organizations")) == std::vector<std::string>{"undp", "itu"});
  CHECK(site->find("notes", "alpha")->path == "notes/alpha/");
}

TEST_CASE("load_site with drafts includes them") {
  FixtureFs fs;
  Diagnostics diags;
  LoadOptions options;
  options.include_drafts = true;
  auto site = agora::load_site(fs, "site/site.yaml", options, &diags);
  REQUIRE(site);
  CHECK(slugs(*site, site->by_type.at("notes")) ==
        std::vector<std::string>{"delta", "beta", "alpha", "gamma"});
}

TEST_CASE("terms written by id, name, alias or ISO code resolve to one id") {
  FixtureFs fs;
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", LoadOptions{}, &diags);
  REQUIRE(site);
  const auto* gamma = site->find("notes", "gamma");
  CHECK(gamma->terms.at("themes") == std::vector<std::string>{"infra"});
  CHECK(gamma->terms.at("countries") == std::vector<std::string>{"gh", "mn"});
  const auto& themes = site->taxonomies.at("themes").documents;
  CHECK(slugs(*site, themes.at("skills")) == std::vector<std::string>{"beta", "alpha"});
  CHECK(themes.count("inclusion") == 1);
  CHECK(slugs(*site, site->taxonomies.at("countries").documents.at("gh")) ==
        std::vector<std::string>{"alpha", "gamma"});
}

TEST_CASE("related documents share the most terms; organizations list who names them") {
  FixtureFs fs;
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", LoadOptions{}, &diags);
  REQUIRE(site);
  size_t alpha = site->by_key.at("notes/alpha");
  // alpha shares skills + itu with beta (2) and Ghana with gamma (1).
  CHECK(slugs(*site, agora::related_documents(*site, alpha)) ==
        std::vector<std::string>{"beta", "gamma"});
  size_t itu = site->by_key.at("organizations/itu");
  REQUIRE(site->mentions[itu].size() == 2);
  CHECK(site->documents[site->mentions[itu][0].document].slug == "beta");
  CHECK(site->mentions[itu][0].field == "organizations");
  CHECK(site->documents[site->mentions[itu][1].document].slug == "alpha");
  CHECK(site->mentions[itu][1].field == "leads");
}

TEST_CASE("front matter problems are all reported with file, line and column") {
  FixtureFs fs;
  std::string err;
  fs.memory_.write_file("site/content/notes/bad.md",
                        agora::testing::fixture_doc("title: Bad\n"
                                                    "date: 2021-02-30\n"
                                                    "summary:\n"
                                                    "themes: [skils, Inclusion]\n"
                                                    "status: opne\n"
                                                    "colour: red\n"
                                                    "see_also: [alpah]\n"),
                        &err);
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", LoadOptions{}, &diags);
  REQUIRE(site);
  diags.sort();
  std::vector<std::string> got;
  for (const auto& d : diags.items()) {
    if (d.file != "content/notes/bad.md") continue;
    got.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code + " " +
                  d.message + (d.hint.empty() ? "" : " | " + d.hint));
  }
  CHECK(got == std::vector<std::string>{
                   "3:7 invalid-date field 'date' must be an ISO 8601 date, got '2021-02-30' | "
                   "write the date as YYYY-MM-DD, e.g. 2019-12-10",
                   "4:1 empty-field required field 'summary' is empty",
                   "5:10 unknown-term 'skils' is not in the vocabulary of Themes (field 'themes') "
                   "| did you mean 'Digital skills'?",
                   "6:9 invalid-enum field 'status' must be one of open, closed; got 'opne' | did "
                   "you mean 'open'?",
                   "7:1 unknown-field unknown field 'colour' for type 'notes'",
                   "8:12 unknown-reference 'alpah' is not a document in content/notes/ | did you "
                   "mean 'alpha'?",
               });
}

TEST_CASE("files in the wrong place or with bad names are reported") {
  FixtureFs fs;
  std::string err;
  fs.memory_.write_file("site/content/notes/Bad Name.md",
                        agora::testing::fixture_doc("title: Bad\ndate: 2020-01-01\nsummary: S.\n"),
                        &err);
  fs.memory_.write_file("site/content/note/x.md", "", &err);
  fs.memory_.write_file("site/content/_drafts/ignored.md", "", &err);
  Diagnostics diags;
  agora::load_site(fs, "site/site.yaml", LoadOptions{}, &diags);
  diags.sort();
  std::vector<std::string> got;
  for (const auto& d : diags.items()) {
    if (d.code != "draft") got.push_back(d.file + " " + d.code + " " + d.hint);
  }
  CHECK(got == std::vector<std::string>{
                   "content/note/x.md unknown-type did you mean 'notes'?",
                   "content/notes/Bad Name.md file-name rename it to 'bad-name.md' so the file "
                   "and its address agree",
               });
}

namespace {

// History for two files; records what it was asked, to show one call per load.
class FakeHistory : public agora::HistorySource {
 public:
  std::map<std::string, agora::FileHistory> read(
      const std::string& site_root, const std::vector<std::string>& paths) const override {
    ++calls_;
    root_ = site_root;
    asked_ = paths;
    return {{"content/notes/alpha.md", {"2024-02-03", {{"Ana", 3}, {"Bo", 1}}}},
            {"content/notes/not-loaded.md", {"2024-01-01", {{"Cy", 1}}}}};
  }
  mutable int calls_ = 0;
  mutable std::string root_;
  mutable std::vector<std::string> asked_;
};

}  // namespace

TEST_CASE("load_site asks the history source once and fills last_updated and contributors") {
  FixtureFs fs;
  FakeHistory history;
  LoadOptions options;
  options.history = &history;
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", options, &diags);
  REQUIRE(site);
  CHECK(history.calls_ == 1);
  CHECK(history.root_ == "site");
  CHECK(history.asked_.size() == 6);  // every parsed document, drafts included
  const auto* alpha = site->find("notes", "alpha");
  CHECK(alpha->last_updated == "2024-02-03");
  REQUIRE(alpha->contributors.size() == 2);
  CHECK(alpha->contributors[0].name == "Ana");
  CHECK(alpha->contributors[0].commits == 3);
  const auto* beta = site->find("notes", "beta");
  CHECK(beta->last_updated.empty());
  CHECK(beta->contributors.empty());
}

TEST_CASE("unshared_copy copies a loaded document whole, its HTML and plain text included") {
  // A build's load_site packs its documents by copying each
  // (compact_documents): a copy must equal its original and own every part
  // of it.
  FixtureFs fs;
  Diagnostics diags;
  LoadOptions options;
  options.pack = true;
  auto site = agora::load_site(fs, "site/site.yaml", options, &diags);
  REQUIRE(site);
  for (const auto& doc : site->documents) {
    REQUIRE(doc.html);
    REQUIRE(doc.plain_text);
    CHECK(doc.html.use_count() == 1);  // the loader's copies share nothing
    agora::Document copy = agora::unshared_copy(doc);
    CHECK(copy.html != doc.html);
    CHECK(copy.plain_text != doc.plain_text);
    CHECK(copy.html->pieces == doc.html->pieces);
    CHECK(copy.html->holes == doc.html->holes);
    CHECK(*copy.plain_text == *doc.plain_text);
    CHECK(copy.fields == doc.fields);
    CHECK(copy.key() == doc.key());
    CHECK(copy.title == doc.title);
    CHECK(copy.targets == doc.targets);
    CHECK(copy.links.size() == doc.links.size());
    CHECK(copy.headings.size() == doc.headings.size());
    agora::Document shared = doc;
    CHECK(shared.html == doc.html);
  }
}
