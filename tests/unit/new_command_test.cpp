// agora new against a copy of the real site: for every content type the new
// file is where it should be, carries today's date and a comment per field,
// and `agora check` then names exactly the required fields left to fill.

#include <doctest/doctest.h>

#include "cli_runner.h"

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "config/vocabulary.h"
#include "model/site_loader.h"
#include "util/text.h"

using agora::MemoryFileSystem;
using agora::RealFileSystem;
using nlohmann::json;

namespace {

const std::string kRepo = std::string(AGORA_TESTS_DIR) + "/..";

// The real site.yaml, data/ and content/ in memory; the ISO list from disk.
class RealSiteCopy : public agora::FileSystemWrapper {
 public:
  RealSiteCopy() : FileSystemWrapper(&memory_) {
    copy("site.yaml");
    for (const char* dir : {"data", "content"}) {
      for (const auto& relative : real_.list_files(kRepo + "/" + dir)) {
        copy(std::string(dir) + "/" + relative);
      }
    }
  }
  bool read_file(const std::string& path, std::string* contents, std::string* err) const override {
    if (path == agora::kIso3166Path) return real_.read_file(path, contents, err);
    return FileSystemWrapper::read_file(path, contents, err);
  }
  std::string text(const std::string& path) const {
    std::string contents, err;
    memory_.read_file(path, &contents, &err);
    return contents;
  }
  MemoryFileSystem memory_;
  RealFileSystem real_;

 private:
  void copy(const std::string& relative) {
    std::string contents, err;
    REQUIRE_MESSAGE(real_.read_file(kRepo + "/" + relative, &contents, &err), err);
    memory_.write_file("site/" + relative, contents, &err);
  }
};

using Run = agora::testing::CliRun;

Run run(agora::FileSystem* fs, std::vector<const char*> args) {
  return agora::testing::run_agora(fs, args, "2024-05-06");
}

const char* kTitle = "Évaluation des capacités numériques";
const char* kSlug = "evaluation-des-capacites-numeriques";

}  // namespace

TEST_CASE("slugs transliterate accented letters") {
  CHECK(agora::slugify(kTitle) == kSlug);
  CHECK(agora::slugify("Ça marche: Łódź & Þingvellir, 2024!") == "ca-marche-lodz-thingvellir-2024");
}

TEST_CASE("agora new writes every type's skeleton; check names exactly the fields to fill") {
  // The required fields, beyond title and date (which new fills), per type.
  const std::map<std::string, std::vector<std::string>> kToFill = {
      {"case-studies", {"summary"}},
      {"best-practices", {"summary", "lesson"}},
      {"policy-templates", {"summary", "template_kind"}},
      {"roundtables", {"summary", "series"}},
      {"initiatives", {"summary", "status", "as_of"}},
      {"organizations", {"summary", "kind"}},
      {"help-desks", {"summary", "host_organizations", "services", "contact", "status", "as_of"}},
      {"offers", {"summary", "provider", "services", "status", "as_of"}},
      {"requests",
       {"summary", "requester", "services", "status", "as_of", "timeline.date", "timeline.status"}},
  };
  RealSiteCopy probe;
  agora::Diagnostics config_diags;
  auto config = agora::load_config(probe, "site/site.yaml", &config_diags);
  REQUIRE(config);
  std::set<std::string> covered;
  for (const auto& type : config->types) {
    CAPTURE(type.name);
    REQUIRE(kToFill.count(type.name) == 1);
    covered.insert(type.name);
    RealSiteCopy fs;
    Run made = run(&fs, {"new", "--config", "site/site.yaml", type.name.c_str(), kTitle});
    std::string relative = "content/" + type.name + "/" + kSlug + ".md";
    CHECK(made.code == 0);
    CHECK(made.err == "");
    CHECK(made.out ==
          "created " + relative + "\nnext: fill in the fields, then run `agora check`\n");
    std::string text = fs.text("site/" + relative);
    CHECK(text.rfind("---\n# The document's title, in sentence case (required)\n"
                     "title: \"Évaluation des capacités numériques\"\n",
                     0) == 0);
    CHECK(text.find("\ndate: 2024-05-06\n") != std::string::npos);
    // Every field line follows its comment.
    std::istringstream lines(text);
    std::string line, previous;
    std::getline(lines, line);
    while (std::getline(lines, line) && line != "---") {
      bool field = !line.empty() && line[0] != '#' && line[0] != ' ';
      if (field) CHECK_MESSAGE(previous.rfind("# ", 0) == 0, line);
      previous = line;
    }

    Run checked = run(&fs, {"check", "--config", "site/site.yaml", "--format", "json"});
    json all = json::parse(checked.out);
    std::vector<std::string> got;
    for (const auto& d : all) {
      if (d["file"] != relative) continue;
      got.push_back(d["severity"].get<std::string>() + " " + d["code"].get<std::string>() + " " +
                    d["message"].get<std::string>());
    }
    std::vector<std::string> want;
    for (const auto& field : kToFill.at(type.name)) {
      want.push_back("error empty-field required field '" + field + "' is empty");
    }
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    CHECK(got == want);
    CHECK(checked.code == 1);
  }
  CHECK(covered.size() == kToFill.size());
}

TEST_CASE("agora new refuses to overwrite a file") {
  RealSiteCopy fs;
  REQUIRE(run(&fs, {"new", "--config", "site/site.yaml", "case-studies", "A new case"}).code == 0);
  std::string path = "site/content/case-studies/a-new-case.md";
  std::string err;
  fs.memory_.write_file(path, "edited by hand\n", &err);
  Run again = run(&fs, {"new", "--config", "site/site.yaml", "case-studies", "A New Case!"});
  CHECK(again.code == 1);
  CHECK(again.out == "");
  CHECK(again.err ==
        "agora new: content/case-studies/a-new-case.md already exists; not overwriting it\n");
  CHECK(fs.text(path) == "edited by hand\n");
}

TEST_CASE("agora new names the nearest type when the type is unknown") {
  RealSiteCopy fs;
  Run made = run(&fs, {"new", "--config", "site/site.yaml", "case-study", "X"});
  CHECK(made.code == 1);
  CHECK(made.err == "agora new: unknown type 'case-study'; did you mean 'case-studies'?\n");
  Run empty = run(&fs, {"new", "--config", "site/site.yaml", "case-studies", "!!!"});
  CHECK(empty.code == 1);
  CHECK(empty.err == "agora new: the title must contain letters or digits\n");
}

TEST_CASE("agora new names a file by type and date when the title has no Latin letters") {
  RealSiteCopy fs;
  Run first = run(&fs, {"new", "--config", "site/site.yaml", "case-studies",
                        "\xD9\x85\xD9\x83\xD8\xAA\xD8\xA8 \xD8\xB1\xD9\x82\xD9\x85\xD9\x8A"});
  CHECK(first.code == 0);
  CHECK(first.out.find("created content/case-studies/case-study-2024-05-06.md") == 0);
  CHECK(fs.text("site/content/case-studies/case-study-2024-05-06.md")
            .find("title: \"\xD9\x85\xD9\x83\xD8\xAA\xD8\xA8 \xD8\xB1\xD9\x82\xD9\x85\xD9\x8A\"") !=
        std::string::npos);
  Run second =
      run(&fs, {"new", "--config", "site/site.yaml", "case-studies", "\xE6\x95\xB0\xE5\xAD\x97"});
  CHECK(second.code == 0);
  CHECK(second.out.find("created content/case-studies/case-study-2024-05-06-2.md") == 0);
}
