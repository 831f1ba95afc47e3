// The bad-input corpus: tests/fixtures/bad/site/ is a small valid site and
// each folder under tests/fixtures/bad/cases/ adds the files that break it
// one way (or, for several-errors, many ways in one file). `agora check
// --format json` must print exactly the case's expected.json and exit 1 when
// it holds an error.
//
// AGORA_UPDATE_EXPECTED=1 rewrites every expected.json from the actual
// output; review the diff before committing it.

#include <doctest/doctest.h>

#include "cli_runner.h"
#include "site_fixture.h"

#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "config/vocabulary.h"

using agora::MemoryFileSystem;
using agora::RealFileSystem;
using json = nlohmann::ordered_json;

namespace {

const std::string kBadDir = std::string(AGORA_TESTS_DIR) + "/fixtures/bad";

// The site in memory, except the system's ISO 3166 list.
class OverlayFs : public agora::testing::MemorySiteFs {
 public:
  // Copies every file under `dir` on disk to `to` in memory, except `skip`.
  void copy_from_disk(const std::string& dir, const std::string& to, const std::string& skip = "") {
    for (const auto& relative : real_.list_files(dir)) {
      if (relative == skip) continue;
      std::string text, err;
      REQUIRE_MESSAGE(real_.read_file(dir + "/" + relative, &text, &err), err);
      memory_.write_file(to + "/" + relative, text, &err);
    }
  }
};

agora::testing::CliRun run_check_on(OverlayFs* fs) {
  return agora::testing::run_agora(fs, {"check", "--config", "site/site.yaml", "--format", "json"});
}

std::set<std::string> case_names() {
  std::set<std::string> names;
  for (const auto& relative : RealFileSystem().list_files(kBadDir + "/cases")) {
    names.insert(relative.substr(0, relative.find('/')));
  }
  return names;
}

bool has_error(const json& diagnostics) {
  for (const auto& d : diagnostics) {
    if (d["severity"] == "error") return true;
  }
  return false;
}

}  // namespace

TEST_CASE("the bad-input fixture site is clean on its own") {
  OverlayFs fs;
  fs.copy_from_disk(kBadDir + "/site", "site");
  agora::testing::CliRun result = run_check_on(&fs);
  CHECK(result.out == "[]\n");
  CHECK(result.err == "");
  CHECK(result.code == 0);
}

TEST_CASE("every bad input gets its exact diagnostics") {
  std::set<std::string> names = case_names();
  CHECK(names.size() >= 30);
  bool update = std::getenv("AGORA_UPDATE_EXPECTED") != nullptr;
  for (const auto& name : names) {
    CAPTURE(name);
    std::string case_dir = kBadDir + "/cases/" + name;
    OverlayFs fs;
    fs.copy_from_disk(kBadDir + "/site", "site");
    fs.copy_from_disk(case_dir, "site", "expected.json");
    agora::testing::CliRun result = run_check_on(&fs);
    json actual = json::parse(result.out, nullptr, /*allow_exceptions=*/false);
    REQUIRE_MESSAGE(actual.is_array(), result.out);
    if (update) {
      std::string err;
      fs.real_.write_file(case_dir + "/expected.json", actual.dump(2) + "\n", &err);
      continue;
    }
    std::string expected_text, err;
    REQUIRE_MESSAGE(fs.real_.read_file(case_dir + "/expected.json", &expected_text, &err), err);
    json expected = json::parse(expected_text);
    CHECK(actual.dump(2) == expected.dump(2));
    // One problem per case, except the case that is about reporting many and
    // a title clash, which is reported on both files.
    if (name != "several-errors" && name != "duplicate-title") CHECK(expected.size() == 1);
    CHECK(result.code == (has_error(expected) ? 1 : 0));
  }
}
