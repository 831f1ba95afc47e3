#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "render/contract.h"
#include "render/words.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const std::string kThemesDoc = std::string(AGORA_SOURCE_DIR) + "/docs/THEMES.md";

}  // namespace

TEST_CASE("theme contract: docs/THEMES.md holds exactly the contract of render/views.h") {
  const std::string doc = read(kThemesDoc);
  const std::string begin = "<!-- contract:begin -->\n", end = "<!-- contract:end -->";
  size_t from = doc.find(begin), to = doc.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  from += begin.size();
  const std::string expected = agora::contract_markdown(agora::theme_contract());
  const std::string documented = doc.substr(from, to - from);
  if (documented != expected) {
    // The file to copy in: THEMES.md with the section as the header says.
    std::string fixed = doc.substr(0, from) + expected + doc.substr(to);
    std::ofstream(std::string(AGORA_BINARY_DIR) + "/THEMES.md") << fixed;
    FAIL("docs/THEMES.md disagrees with render/views.h; the corrected file is " << AGORA_BINARY_DIR
                                                                                << "/THEMES.md");
  }
}

TEST_CASE("theme contract: every page view has site, page and i18n; every key is described") {
  const agora::Contract& contract = agora::theme_contract();
  for (const auto& [tmpl, view_name] : contract.templates) {
    CAPTURE(tmpl);
    const agora::ContractView* view = contract.view(view_name);
    REQUIRE(view);
    CHECK(view->key("site"));
    CHECK(view->key("page"));
    CHECK(view->key("i18n"));
  }
  for (const auto& [name, view] : contract.views) {
    for (const auto& key : view.keys) {
      CAPTURE(name + "." + key.name);
      CHECK_FALSE(key.description.empty());
      if (key.shape == agora::ContractKey::kObject) CHECK(contract.view(key.view));
    }
  }
  CHECK(contract.page_view("document-initiatives") == contract.page_view("document"));
  CHECK(contract.page_view("item") == nullptr);
}

TEST_CASE("theme contract: the words the generator formats are the ones THEMES.md lists") {
  const std::string doc = read(kThemesDoc);
  for (const char* key : agora::kGeneratorWords) {
    CAPTURE(key);
    CHECK(doc.find(std::string("| `") + key + "` |") != std::string::npos);
  }
  for (const char* key : agora::kSupportWords) {
    CAPTURE(key);
    CHECK(doc.find(std::string("| `") + key + "` |") != std::string::npos);
  }
}
