// Finding 5 and the YAML limits: alias bombs, nesting, control characters.
#include <doctest/doctest.h>

#include "config/site_config.h"
#include "config/vocabulary.h"
#include "content/front_matter.h"
#include "security_site.h"

using namespace agora;
using namespace agora::testing;

namespace {

// 8 levels of ten aliases each: 10^8 values from about 450 bytes.
std::string alias_bomb() {
  std::string yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int level = 1; level <= 8; ++level) {
    std::string prev = "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [";
    for (int i = 0; i < 10; ++i) yaml += (i ? ", " : "") + prev;
    yaml += "]\n";
  }
  return yaml;
}

std::vector<Diagnostic> front_matter_errors(const std::string& yaml,
                                            const YamlLimits& limits = {}) {
  Diagnostics diags;
  FrontMatter fm;
  std::string text = "---\n" + yaml + "---\nBody.\n";
  parse_front_matter(text, "content/notes/x.md", &fm, &diags, limits);
  return diags.items();
}

}  // namespace

TEST_CASE("finding 5: an alias bomb in front matter is refused at once") {
  std::string yaml = "title: Bomb\n" + alias_bomb() + "summary: \"never closed\n";
  CHECK(yaml.size() < 600);
  auto errors = front_matter_errors(yaml);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == Diagnostic{"content/notes/x.md", 2, 1, Severity::kError, "yaml-too-large",
                                "invalid YAML in front matter: more than 100000 values once "
                                "aliases (*name) are expanded",
                                "write the values out instead of repeating aliases, or raise "
                                "limits.yaml_nodes in site.yaml"});
}

TEST_CASE("finding 5: the unclosed-quote check visits an aliased node once") {
  // Under the node limit, so the walk itself is what is measured: 9 levels
  // of two aliases (512 uses of one node).
  std::string yaml = "a0: &a0 ['x', 'y']\n";
  for (int level = 1; level <= 9; ++level) {
    std::string prev = "*a" + std::to_string(level - 1);
    yaml += "a" + std::to_string(level) + ": &a" + std::to_string(level) + " [" + prev + ", " +
            prev + "]\n";
  }
  yaml += "summary: 'open\n";
  auto errors = front_matter_errors(yaml);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "yaml-syntax");
  CHECK(errors[0].line == 12);
  CHECK(errors[0].column == 10);
}

TEST_CASE("limit: YAML nesting depth") {
  std::string deep = "title: " + std::string(70, '[') + std::string(70, ']') + "\n";
  auto errors = front_matter_errors(deep);
  REQUIRE(errors.size() == 1);
  // At the '[' that goes one level too deep.
  CHECK(errors[0] == Diagnostic{"content/notes/x.md", 2, 72, Severity::kError, "yaml-too-deep",
                                "invalid YAML in front matter: values nested more than 64 "
                                "levels deep",
                                "flatten the structure, or raise limits.yaml_depth in site.yaml"});
  // Far deeper than any stack could take: refused, not a crash.
  std::string abyss = "title: " + std::string(200000, '[') + "\n";
  CHECK_FALSE(front_matter_errors(abyss).empty());
}

TEST_CASE("limit: YAML values after alias expansion, set in site.yaml") {
  SecuritySite site;
  std::string config = site.read("site/site.yaml");
  site.write("site/site.yaml", config + "limits:\n  yaml_nodes: 50\n");
  std::string list;
  for (int i = 0; i < 30; ++i) list += (i ? ", " : "") + std::string("*t");
  site.write(
      "site/content/notes/many.md",
      fixture_doc("title: Many\ndate: 2020-01-01\nsummary: S.\nx: &t [a, b]\ny: [" + list + "]\n"));
  CliRun run = site.check();
  CHECK(run.code == 1);
  CHECK(line_with(run.out, "yaml-too-large") ==
        "content/notes/many.md:2:1: error[yaml-too-large]: invalid YAML in front matter: more "
        "than 50 values once aliases (*name) are expanded");
}

TEST_CASE("finding 9: a control character written as a YAML escape is refused") {
  auto errors = front_matter_errors("title: \"Bell\\x07 and \\e[31mred\"\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == Diagnostic{"content/notes/x.md", 2, 8, Severity::kError, "control-character",
                                "invalid YAML in front matter: a value holds the control "
                                "character U+0007",
                                "remove it; in double quotes, escapes such as \\x07 or \\e write "
                                "control characters"});
  Diagnostics diags;
  CHECK_FALSE(
      parse_site_config("title: \"Site\\e]0;owned\\x07\"\ntypes: {a: {}}\n", "site.yaml", &diags));
  CHECK(diags.items().at(0).code == "control-character");
}

TEST_CASE("fuzz: a vocabulary list with a plain item is an error, not an abort") {
  // Found by site_yaml_fuzzer: item["parent"] on a scalar threw out of
  // parse_vocabulary_file.
  Vocabulary vocabulary;
  Diagnostics diags;
  CHECK_FALSE(parse_vocabulary_file("- {name: A}\n- plain\n", "data/t.yaml", &vocabulary, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[0].code == "expected-mapping");
}
