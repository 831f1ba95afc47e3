// The three report formats of `agora check`, byte for byte, and its exit
// codes with and without --strict.

#include <doctest/doctest.h>

#include "cli_runner.h"
#include "site_fixture.h"

#include <sstream>

#include "cli/cli.h"
#include "cli/diagnostic_printer.h"
#include "config/vocabulary.h"

using agora::DiagnosticFormat;
using agora::Diagnostics;
using agora::MemoryFileSystem;

namespace {

const char* kDoc =
    "---\n"
    "title: New case\n"
    "date: 2023-01-01\n"
    "summary: A summary.\n"
    "regions: [sub-saharan africa]\n"
    "---\n"
    "Body.\n";

Diagnostics sample() {
  Diagnostics diags;
  diags.error("content/case-studies/new-case.md", 5, 11, "unknown-term",
              "'sub-saharan africa' is not in the vocabulary of Regions (field 'regions')",
              "did you mean 'Sub-Saharan Africa'?");
  diags.warning("content/case-studies/new-case.md", 1, 1, "draft",
                "draft: true keeps this document out of the published site");
  diags.error("content/New_Case.md", 0, 0, "misplaced-file",
              "documents live in a folder per type: content/TYPE/NAME.md");
  diags.sort();
  return diags;
}

std::string print(DiagnosticFormat format, bool color = false) {
  MemoryFileSystem fs;
  std::string err;
  fs.write_file("site/content/case-studies/new-case.md", kDoc, &err);
  agora::PrintOptions options;
  options.format = format;
  options.color = color;
  options.root = "site";
  std::ostringstream out;
  agora::print_diagnostics(sample(), fs, options, out);
  return out.str();
}

}  // namespace

TEST_CASE("text format: location, severity and code, the source line with a caret, the hint") {
  CHECK(print(DiagnosticFormat::kText) ==
        "content/New_Case.md: error[misplaced-file]: documents live in a folder per type: "
        "content/TYPE/NAME.md\n"
        "content/case-studies/new-case.md:1:1: warning[draft]: draft: true keeps this document "
        "out of the published site\n"
        "  1 | ---\n"
        "    | ^\n"
        "content/case-studies/new-case.md:5:11: error[unknown-term]: 'sub-saharan africa' is not "
        "in the vocabulary of Regions (field 'regions')\n"
        "  5 | regions: [sub-saharan africa]\n"
        "    |           ^\n"
        "  hint: did you mean 'Sub-Saharan Africa'?\n"
        "2 errors, 1 warning\n");
}

TEST_CASE("text format in colour wraps location, severity, caret and hint") {
  std::string out = print(DiagnosticFormat::kText, /*color=*/true);
  CHECK(
      out.find("\033[1mcontent/case-studies/new-case.md:5:11:\033[0m \033[1;31merror[unknown-term]"
               "\033[0m: ") != std::string::npos);
  CHECK(out.find("    |           \033[1;31m^\033[0m\n") != std::string::npos);
  CHECK(out.find("  \033[36mhint\033[0m: did you mean 'Sub-Saharan Africa'?\n") !=
        std::string::npos);
}

TEST_CASE("the caret counts characters, not bytes, and keeps tabs") {
  MemoryFileSystem fs;
  std::string err;
  fs.write_file("a.md", "---\ntitle: Évaluation\nthemes: [Santé, Bad]\n\t[x](y.md)\n", &err);
  Diagnostics diags;
  diags.error("a.md", 3, 18, "unknown-term", "'Bad' is unknown");  // 'B' is byte 18
  diags.error("a.md", 4, 2, "broken-link", "no y.md");
  agora::PrintOptions options;
  std::ostringstream out;
  agora::print_diagnostics(diags, fs, options, out);
  CHECK(out.str() ==
        "a.md:3:18: error[unknown-term]: 'Bad' is unknown\n"
        "  3 | themes: [Santé, Bad]\n"
        "    |                 ^\n"
        "a.md:4:2: error[broken-link]: no y.md\n"
        "  4 | \t[x](y.md)\n"
        "    | \t^\n"
        "2 errors, 0 warnings\n");
}

TEST_CASE("github format: one workflow command per diagnostic") {
  CHECK(print(DiagnosticFormat::kGithub) ==
        "::error file=content/New_Case.md,title=misplaced-file::documents live in a folder per "
        "type: content/TYPE/NAME.md\n"
        "::warning file=content/case-studies/new-case.md,line=1,col=1,title=draft::draft: true "
        "keeps this "
        "document out of the published site\n"
        "::error file=content/case-studies/new-case.md,line=5,col=11,title=unknown-term::"
        "'sub-saharan africa' is not in the vocabulary of Regions (field 'regions') "
        "(did you mean 'Sub-Saharan Africa'?)\n");
}

TEST_CASE("github format escapes what workflow commands reserve") {
  CHECK(agora::github_escape("50% done\r\nnext", false) == "50%25 done%0D%0Anext");
  CHECK(agora::github_escape("a:b,c", true) == "a%3Ab%2Cc");
  CHECK(agora::github_escape("a:b,c", false) == "a:b,c");
}

TEST_CASE("json format: an array of {file, line, column, severity, code, message, hint}") {
  CHECK(print(DiagnosticFormat::kJson) == R"json([
  {
    "file": "content/New_Case.md",
    "line": 0,
    "column": 0,
    "severity": "error",
    "code": "misplaced-file",
    "message": "documents live in a folder per type: content/TYPE/NAME.md",
    "hint": ""
  },
  {
    "file": "content/case-studies/new-case.md",
    "line": 1,
    "column": 1,
    "severity": "warning",
    "code": "draft",
    "message": "draft: true keeps this document out of the published site",
    "hint": ""
  },
  {
    "file": "content/case-studies/new-case.md",
    "line": 5,
    "column": 11,
    "severity": "error",
    "code": "unknown-term",
    "message": "'sub-saharan africa' is not in the vocabulary of Regions (field 'regions')",
    "hint": "did you mean 'Sub-Saharan Africa'?"
  }
]
)json");
}

namespace {

class SiteFs : public agora::testing::MemorySiteFs {
 public:
  SiteFs() {
    agora::RealFileSystem real;
    std::string dir = std::string(AGORA_TESTS_DIR) + "/fixtures/bad/site";
    for (const auto& relative : real.list_files(dir)) {
      std::string text, err;
      real.read_file(dir + "/" + relative, &text, &err);
      memory_.write_file("site/" + relative, text, &err);
    }
  }
};

using Run = agora::testing::CliRun;

// check reports on stdout: stderr being a terminal must not matter.
Run check(agora::FileSystem* fs, std::vector<const char*> extra, bool color_out = false) {
  std::vector<const char*> args = {"check", "--config", "site/site.yaml"};
  args.insert(args.end(), extra.begin(), extra.end());
  return agora::testing::run_agora(fs, args, "2024-01-01", color_out, /*color_err=*/true);
}

}  // namespace

TEST_CASE("check exits 0 on a clean site and says so") {
  SiteFs fs;
  Run run = check(&fs, {});
  CHECK(run.code == 0);
  CHECK(run.out == "agora check: 4 documents, no problems found\n");
}

TEST_CASE("warnings pass unless --strict; errors always fail") {
  SiteFs fs;
  std::string err;
  fs.memory_.write_file(
      "site/content/case-studies/new-case.md",
      "---\ntitle: New case\ndate: 2023-01-01\nsummary: A summary.\ndraft: true\n---\n", &err);
  Run plain = check(&fs, {});
  CHECK(plain.code == 0);
  CHECK(plain.out ==
        "content/case-studies/new-case.md:5:1: warning[draft]: draft: true keeps this document "
        "out of the published site\n"
        "  5 | draft: true\n"
        "    | ^\n"
        "  hint: remove 'draft: true' when it is ready to publish\n"
        "0 errors, 1 warning\n");
  CHECK(check(&fs, {"--strict"}).code == 1);
  CHECK(check(&fs, {"--format", "github"}).code == 0);
  CHECK(check(&fs, {"--format", "json", "--strict"}).code == 1);

  fs.memory_.write_file("site/content/case-studies/other.md", "no front matter\n", &err);
  CHECK(check(&fs, {}).code == 1);
}

TEST_CASE("check colours its text report only when stdout is a terminal") {
  SiteFs fs;
  std::string err;
  fs.memory_.write_file("site/content/case-studies/other.md", "no front matter\n", &err);
  CHECK(check(&fs, {}).out.find('\033') == std::string::npos);
  CHECK(check(&fs, {}, /*color_out=*/true).out.find("\033[1;31m") != std::string::npos);
  CHECK(check(&fs, {"--format", "github"}, true).out.find('\033') == std::string::npos);
}
