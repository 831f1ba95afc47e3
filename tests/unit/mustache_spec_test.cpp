// Runs every test of the official Mustache spec vectors in
// ../shared/conformance/mustache/, optional modules included.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/mustache.h"

namespace {

using nlohmann::json;

const char kSpecDir[] = AGORA_SHARED_DIR "/conformance/mustache";

std::vector<std::filesystem::path> spec_files() {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kSpecDir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

json load_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return json::parse(in, nullptr, /*allow_exceptions=*/false);
}

std::map<std::string, std::string> partials_of(const json& test) {
  std::map<std::string, std::string> partials;
  if (test.contains("partials")) {
    for (const auto& [name, text] : test["partials"].items()) {
      partials[name] = text.get<std::string>();
    }
  }
  return partials;
}

}  // namespace

TEST_CASE("mustache spec: every test of every spec file passes") {
  std::vector<std::filesystem::path> files = spec_files();
  REQUIRE_MESSAGE(!files.empty(), "no spec files in " << kSpecDir);
  int total = 0;
  int passed = 0;
  for (const auto& path : files) {
    json spec = load_json(path);
    REQUIRE_MESSAGE(spec.is_object(), "cannot parse " << path.string());
    REQUIRE_MESSAGE(spec.contains("tests"), path.string() << " has no tests");
    for (const json& test : spec["tests"]) {
      ++total;
      const std::string name = test["name"].get<std::string>();
      agora::Diagnostics diags;
      std::string got = agora::render_mustache(test["template"].get<std::string>(), test["data"],
                                               partials_of(test), &diags);
      const std::string expected = test["expected"].get<std::string>();
      CHECK_MESSAGE(got == expected, path.filename().string()
                                         << " / " << name
                                         << "\n  template: " << json(test["template"]).dump()
                                         << "\n  expected: " << json(expected).dump()
                                         << "\n  got:      " << json(got).dump());
      CHECK_MESSAGE(diags.empty(), path.filename().string()
                                       << " / " << name << ": unexpected diagnostics");
      if (got == expected && diags.empty()) ++passed;
    }
  }
  std::cout << "mustache spec: " << passed << " of " << total << " tests passed (" << files.size()
            << " files)\n";
  CHECK(total > 0);
  CHECK(passed == total);
}
