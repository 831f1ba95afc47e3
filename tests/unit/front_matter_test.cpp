#include <doctest/doctest.h>

#include "config/yaml_load.h"
#include "content/front_matter.h"

using agora::Diagnostics;
using agora::FrontMatter;
using agora::split_front_matter;

TEST_CASE("split_front_matter finds the fences and the body's first line") {
  auto split = split_front_matter("---\ntitle: A\ndate: 2020-01-01\n---\n\nBody\n");
  CHECK(split.found);
  CHECK(split.closed);
  CHECK(split.yaml == "title: A\ndate: 2020-01-01\n");
  CHECK(split.yaml_first_line == 2);
  CHECK(split.body == "\nBody\n");
  CHECK(split.body_first_line == 5);
}

TEST_CASE("split_front_matter accepts CRLF, a BOM, '...' and trailing spaces on fences") {
  auto crlf = split_front_matter("---\r\ntitle: A\r\n---\r\nBody");
  CHECK(crlf.closed);
  CHECK(crlf.yaml == "title: A\r\n");
  CHECK(crlf.body == "Body");
  auto bom = split_front_matter("\xEF\xBB\xBF---  \ntitle: A\n...\nBody");
  CHECK(bom.closed);
  CHECK(bom.yaml == "title: A\n");
  CHECK(bom.body_first_line == 4);
}

TEST_CASE("split_front_matter reports missing and unclosed front matter") {
  auto none = split_front_matter("# Just Markdown\n");
  CHECK_FALSE(none.found);
  CHECK(none.body == "# Just Markdown\n");
  auto open = split_front_matter("---\ntitle: A\n");
  CHECK(open.found);
  CHECK_FALSE(open.closed);
}

TEST_CASE("YAML errors are reported at the line and column in the Markdown file") {
  Diagnostics diags;
  FrontMatter fm;
  // Line 4 of the file holds the unclosed flow sequence; yaml-cpp stops at the
  // end (5:1), the report points at the '[' to close (4:9).
  CHECK_FALSE(agora::parse_front_matter("---\ntitle: A\ndate: 2020-01-01\nthemes: [a, b\n---\n",
                                        "content/x/a.md", &fm, &diags));
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.file == "content/x/a.md");
  CHECK(d.code == "yaml-syntax");
  CHECK(d.line == 4);
  CHECK(d.column == 9);
  CHECK(d.message ==
        "invalid YAML in front matter: a list opened with '[' is never closed with ']'");
}

TEST_CASE("node positions are shifted into the file's lines") {
  Diagnostics diags;
  FrontMatter fm;
  REQUIRE(agora::parse_front_matter("---\ntitle: A\nsummary: B\n---\nBody\n", "f.md", &fm, &diags));
  CHECK(fm.data["summary"].Mark().line + 1 + fm.line_offset == 3);
  CHECK(fm.data["summary"].Mark().column + 1 == 10);
  CHECK(fm.body == "Body\n");
  CHECK(fm.body_first_line == 5);
}

TEST_CASE("front matter that is not a mapping, or is missing, is an error at 1:1 or its line") {
  struct Case {
    const char* text;
    const char* code;
    int line;
  };
  const Case cases[] = {
      {"no front matter\n", "missing-front-matter", 1},
      {"---\ntitle: A\n", "unclosed-front-matter", 1},
      {"---\n- a\n- b\n---\n", "front-matter-not-mapping", 2},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    Diagnostics diags;
    FrontMatter fm;
    CHECK_FALSE(agora::parse_front_matter(c.text, "f.md", &fm, &diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == c.code);
    CHECK(diags.items()[0].line == c.line);
  }
}

TEST_CASE("a quoted value left open is an error at its opening quote") {
  // yaml-cpp accepts it and swallows the following fields into the title.
  Diagnostics diags;
  FrontMatter fm;
  CHECK_FALSE(
      agora::parse_front_matter("---\ntitle: \"A\ndate: 2020-01-01\n---\n", "a.md", &fm, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].line == 2);
  CHECK(diags.items()[0].column == 8);
  CHECK(diags.items()[0].message == "invalid YAML in front matter: a quoted value is never closed");
  // Apostrophes inside plain text and '' escapes are not quotes.
  Diagnostics clean;
  CHECK(agora::parse_front_matter(
      "---\ntitle: It's fine\nsummary: 'It''s fine: quoted'\nlist: ['a', \"b\\\"c\"]\n---\n",
      "b.md", &fm, &clean));
  CHECK(clean.empty());
}

TEST_CASE("YAML escapes \\_ and \\N come out as UTF-8, as the YAML spec means them") {
  Diagnostics diags;
  YAML::Node node;
  REQUIRE(agora::load_yaml("a: \"our\\_GitHub\"\nb: 'plain\xC2\xA0kept'\n", "f.md", 1,
                           "front matter", &node, &diags));
  CHECK(node["a"].Scalar() == "our\xC2\xA0GitHub");
  CHECK(node["b"].Scalar() == "plain\xC2\xA0kept");
  CHECK(diags.items().empty());
  // \N is U+0085, a control character: an error, not a broken byte.
  YAML::Node next;
  CHECK_FALSE(agora::load_yaml("a: \"x\\Ny\"\n", "f.md", 1, "front matter", &next, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "control-character");
  CHECK(diags.items()[0].message == "front matter: a value holds the control character U+0085");
}
