// Findings 8 to 11 and the hardening list: what reaches files, feeds,
// scripts and terminals.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cli/diagnostic_printer.h"
#include "output/site_writer.h"
#include "output/staging.h"
#include "render/mustache.h"
#include "render/open_data.h"
#include "search/site_search.h"
#include "security_site.h"
#include "util/text.h"
#include "validate/front_matter_validator.h"

using namespace agora;
using namespace agora::testing;

TEST_CASE("finding 8: CSV cells that a spreadsheet would run as formulas are made text") {
  CHECK(csv_field("=HYPERLINK(\"http://evil\",\"x\")") ==
        "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
  CHECK(csv_field("+1") == "\"'+1\"");
  CHECK(csv_field("-2+3") == "\"'-2+3\"");
  CHECK(csv_field("@SUM(A1)") == "\"'@SUM(A1)\"");
  CHECK(csv_field("\t=1") == "\"'\t=1\"");
  CHECK(csv_field("plain") == "plain");
  SecuritySite site;
  site.write("site/content/notes/formula.md",
             fixture_doc("title: \"=cmd|' /C calc'!A0\"\ndate: 2020-01-01\nsummary: S.\n"));
  REQUIRE(site.build().code == 0);
  CHECK(line_with(site.read("out/data/notes.csv"), "formula") ==
        "formula,notes/formula/,\"'=cmd|' /C calc'!A0\",2020-01-01,S.,,,,,,,\r");
}

TEST_CASE("finding 9: control characters reach neither pages, the feed nor terminals") {
  // A YAML escape and a raw control character are refused where they are.
  SecuritySite site;
  site.write("site/content/notes/bell.md",
             fixture_doc("title: Bell\ndate: 2020-01-01\nsummary: \"S\\e]0;x\\x07\"\n"));
  site.write("site/content/notes/raw.md",
             fixture_doc("title: Raw\ndate: 2020-01-01\nsummary: S.\n", "a\x1b[2Jb\n"));
  CliRun run = site.check();
  CHECK(run.code == 1);
  CHECK(line_with(run.out, "bell.md:4") ==
        "content/notes/bell.md:4:10: error[control-character]: invalid YAML in front matter: a "
        "value holds the control character U+001B");
  CHECK(line_with(run.out, "raw.md:6") ==
        "content/notes/raw.md:6:2: error[control-character]: the control character U+001B "
        "cannot appear in a document");
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK(run.out.find('\x07') == std::string::npos);
  CHECK(line_with(run.out, "6 | ") == "  6 | a\\x1B[2Jb");
  // Escapers replace what would still slip through.
  CHECK(escape_html("a\x07"
                    "b") ==
        "a\xEF\xBF\xBD"
        "b");
  std::string html;
  append_escaped_html(&html,
                      "a\x1b"
                      "b");
  CHECK(html ==
        "a\xEF\xBF\xBD"
        "b");
  // Terminal output shows them as escapes.
  Diagnostics diags;
  diags.error("x\x1b.md", 0, 0, "c", "m\x1b[31m\xC2\x9B", "h\x07");
  std::ostringstream out;
  MemoryFileSystem memory;
  print_diagnostics(diags, memory, PrintOptions{}, out);
  CHECK(out.str() ==
        "x\\x1B.md: error[c]: m\\x1B[31m\\u009B\n  hint: h\\x07\n1 error, 0 warnings\n");
}

TEST_CASE("finding 10: check --format json survives a file name that is not UTF-8") {
  SecuritySite site;
  site.write("site/content/notes/caf\xE9.md", "x");
  CliRun run = site.check("json");
  CHECK(run.code == 1);
  nlohmann::json report = nlohmann::json::parse(run.out);
  // The name warning, the missing front matter, and the fixture's draft warning.
  REQUIRE(report.size() == 3);
  CHECK(report[0]["file"] == "content/notes/caf\xEF\xBF\xBD.md");
  CHECK(report[0]["code"] == "file-name");
  CHECK(report[1]["code"] == "missing-front-matter");
}

TEST_CASE("finding 11: a folder holding someone's manifest.json is not replaced") {
  SecuritySite site;
  site.write("out/manifest.json", "{\"name\": \"my-npm-package\"}\n");
  site.write("out/index.js", "precious");
  CliRun run = site.build();
  CHECK(run.code == 1);
  CHECK(run.err == "agora build: " + site.path("out") +
                       " exists and is not a site written by agora (its manifest.json is not "
                       "one agora wrote: manifest: missing \"files\" array); refusing to "
                       "replace it; " +
                       site.path("out") + "/ was left as it was\n");
  CHECK(site.read("out/index.js") == "precious");
  // Our manifest, but a file it does not list: not ours either.
  SecuritySite second;
  REQUIRE(second.build().code == 0);
  second.write("out/notes.txt", "mine");
  run = second.build();
  CHECK(run.code == 1);
  CHECK(line_with(run.err, "does not list") ==
        "agora build: " + second.path("out") +
            " exists and is not a site written by agora (its manifest.json does not list "
            "notes.txt); refusing to replace it; " +
            second.path("out") + "/ was left as it was");
}

TEST_CASE("finding 11: an OUT.old that is not ours is neither deleted nor renamed") {
  SecuritySite site;
  site.write("out.old/thesis.tex", "years of work");
  CliRun run = site.build();
  CHECK(run.code == 1);
  CHECK(line_with(run.err, "out.old") ==
        "agora build: " + site.path("out.old") +
            " exists and is not a previous output of agora (no manifest.json); move it away: "
            "the update needs that name; " +
            site.path("out") + "/ was left as it was");
  CHECK(site.read("out.old/thesis.tex") == "years of work");
  CHECK_FALSE(site.exists("out"));

  // OUT missing, OUT.old a site, no staging beside it: not our interrupted
  // swap, so it is not renamed to OUT (nor deleted).
  SecuritySite second;
  REQUIRE(second.build().code == 0);
  std::filesystem::rename(second.path("out"), second.path("out.old"));
  std::map<std::string, std::string> kept = second.tree("out.old");
  REQUIRE(second.build().code == 0);
  CHECK(second.tree("out.old") == kept);
  // With a staging folder beside it, it is: the swap was ours.
  MemoryFileSystem memory;
  std::string err;
  memory.write_file("site.old/manifest.json", "{\"version\":1,\"files\":[\n]}\n", &err);
  memory.write_file("site.staging/a.html", "new", &err);
  CHECK(recover_interrupted_swap(memory, staging_paths("site"), &err));
  CHECK(memory.exists("site/manifest.json"));
}

TEST_CASE("also: search/index.js escapes '<', U+2028 and U+2029") {
  CHECK(script_safe_json("{\"t\":\"</script><!--\xE2\x80\xA8\xE2\x80\xA9\"}") ==
        "{\"t\":\"\\u003c/script>\\u003c!--\\u2028\\u2029\"}");
  SecuritySite site;
  site.write("site/content/notes/tag.md",
             fixture_doc("title: \"</script><script>alert(1)</script>\"\ndate: 2020-01-01\n"
                         "summary: \"line\xE2\x80\xA8sep\"\n"));
  REQUIRE(site.build().code == 0);
  std::string script = site.read("out/search/index.js");
  CHECK(script.find('<') == std::string::npos);
  CHECK(script.find("\xE2\x80\xA8") == std::string::npos);
  CHECK(script.find("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>") != std::string::npos);
}

TEST_CASE("also: the template escaper escapes the apostrophe") {
  CHECK(render_mustache("<a title='{{t}}'>", {{"t", "x' onmouseover='alert(1)"}}, {}, nullptr) ==
        "<a title='x&#39; onmouseover=&#39;alert(1)'>");
}

TEST_CASE("also: mailto: values get the same character checks as other URLs") {
  CHECK(is_valid_url("mailto:desk@example.org"));
  CHECK_FALSE(is_valid_url("mailto:a@b.org\"><script>"));
  CHECK_FALSE(is_valid_url("mailto:a@b.org?subject=a b"));
  CHECK_FALSE(is_valid_url("mailto:a@b.org\x07"));
  CHECK_FALSE(is_valid_url("https://example.org/\x1b"));
}

TEST_CASE("also: an unclosed quote or bracket is reported where it opens") {
  SecuritySite site;
  site.write("site/content/notes/open.md",
             fixture_doc("title: Open\ndate: 2020-01-01\nthemes: [skills,\nsummary: S.\n"
                         "countries: [GH]\n",
                         "Body.\n"));
  CliRun run = site.check();
  CHECK(line_with(run.out, "open.md") ==
        "content/notes/open.md:4:9: error[yaml-syntax]: invalid YAML in front matter: a list "
        "opened with '[' is never closed with ']'");
}

TEST_CASE("also: links to a document whose front matter failed are not 'missing'") {
  SecuritySite site;
  site.write("site/content/notes/beta.md", "---\ntitle: \"Beta\n---\nBody.\n");
  CliRun run = site.check();
  CHECK(run.code == 1);
  CHECK(run.out.find("missing document") == std::string::npos);
  CHECK(line_with(run.out, "beta.md") ==
        "content/notes/beta.md:2:8: error[yaml-syntax]: invalid YAML in front matter: a quoted "
        "value is never closed");
}

TEST_CASE("also: templates that include each other too often stop at once") {
  // Twice per level: 2^100 inclusions before the depth bound alone stopped it.
  Diagnostics diags;
  render_mustache("{{>p}}", nlohmann::json::object(), {{"p", "x{{>p}}{{>p}}"}}, &diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].message ==
        "templates include each other more than 100 levels deep at 'p'");
  // Wide instead of deep: 1001 x 1001 inclusions.
  std::string wide_p, wide_q;
  for (int i = 0; i < 1001; ++i) wide_p += "{{>q}}", wide_q += "{{>r}}";
  Diagnostics wide;
  render_mustache("{{>p}}", nlohmann::json::object(), {{"p", wide_p}, {"q", wide_q}, {"r", "x"}},
                  &wide);
  REQUIRE(wide.items().size() == 1);
  CHECK(wide.items()[0].message ==
        "templates were included more than 1000000 times in one page, at 'r'");
}
