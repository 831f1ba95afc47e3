// What each command runs: check loads and validates but renders nothing;
// build reports each problem once, however many times it renders.

#include <doctest/doctest.h>

#include <string>

#include "cli_runner.h"
#include "content/cmark_document.h"
#include "render/site_renderer.h"
#include "site_fixture.h"

namespace {

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// A note whose one link goes nowhere: a build of the fixture with it fails.
void add_broken_link(agora::testing::FixtureFs& fs) {
  std::string err;
  fs.memory_.write_file(
      "site/content/notes/links.md",
      agora::testing::fixture_doc("title: Links\ndate: 2020-01-01\nsummary: A broken link.\n",
                                  "See [gone](gone.md).\n"),
      &err);
}

}  // namespace

TEST_CASE("agora check renders no page and no Markdown body") {
  agora::testing::FixtureFs fs;
  const uint64_t pages = agora::pages_rendered();
  const uint64_t bodies = agora::CmarkDocument::html_renders();
  auto check = agora::testing::run_agora(&fs, {"check", "--config", "site/site.yaml"});
  CHECK(check.code == 0);
  CHECK(check.out.ends_with("0 errors, 1 warning\n"));  // the fixture's draft
  CHECK(agora::pages_rendered() == pages);
  CHECK(agora::CmarkDocument::html_renders() == bodies);

  // The same spies see a build render.
  auto build = agora::testing::run_agora(
      &fs, {"build", "--config", "site/site.yaml", "--out", "out", "--quiet"});
  CHECK(build.code == 0);
  CHECK(agora::pages_rendered() > pages);
  CHECK(agora::CmarkDocument::html_renders() > bodies);
}

TEST_CASE("the output folder is named with one slash, however --out ends") {
  for (const char* out : {"out", "out/", "out//"}) {
    CAPTURE(out);
    agora::testing::FixtureFs fs;
    auto build =
        agora::testing::run_agora(&fs, {"build", "--config", "site/site.yaml", "--out", out});
    CHECK(build.code == 0);
    CHECK(build.out.find(") in out/ in ") != std::string::npos);
    CHECK(build.out.find("out//") == std::string::npos);
    // A failed build names it so too.
    add_broken_link(fs);
    auto failed =
        agora::testing::run_agora(&fs, {"build", "--config", "site/site.yaml", "--out", out});
    CHECK(failed.code == 1);
    CHECK(failed.err.find("; out/ was left as it was\n") != std::string::npos);
  }
}

TEST_CASE("a link error is reported once, with or without --bundle") {
  for (bool bundle : {false, true}) {
    CAPTURE(bundle);
    agora::testing::FixtureFs fs;
    add_broken_link(fs);
    std::vector<const char*> args = {"build", "--config", "site/site.yaml", "--out", "out"};
    if (bundle) args.push_back("--bundle");
    auto build = agora::testing::run_agora(&fs, args);
    CHECK(build.code == 1);
    CHECK(count(build.err, "broken-link") == 1);
    CHECK(count(build.err, "content/notes/links.md:6:12: error[broken-link]") == 1);
    CHECK_FALSE(fs.memory_.files().count("out/index.html"));
  }
}
