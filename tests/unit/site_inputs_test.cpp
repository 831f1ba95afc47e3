// What a rebuild may keep: the inputs of a site as output/site_inputs.h
// writes them down, and what two builds' inputs allow.

#include "output/site_inputs.h"

#include <doctest/doctest.h>

#include <string>

#include "model/site_loader.h"
#include "render/theme.h"
#include "site_fixture.h"

using namespace agora;

namespace {

// The fixture site's inputs, as a build writes them down.
std::string inputs_of(const FileSystem& fs, const std::string& build_id = "build-1",
                      const std::string& settings = "offline 0",
                      const std::string& config = "site/site.yaml") {
  InputLog log(const_cast<FileSystem*>(&fs));
  Diagnostics diags;
  auto site = load_site(log, config, LoadOptions{}, &diags);
  REQUIRE(site);
  auto theme = load_theme(log, site->config, &diags);
  REQUIRE(theme);
  return site_inputs(log, *site, build_id, settings);
}

void write(testing::FixtureFs* fs, const std::string& path, const std::string& text) {
  std::string err;
  REQUIRE(fs->memory_.write_file(path, text, &err));
}

void append(testing::FixtureFs* fs, const std::string& path, const std::string& text) {
  std::string bytes, err;
  REQUIRE(fs->memory_.read_file(path, &bytes, &err));
  write(fs, path, bytes + text);
}

}  // namespace

TEST_CASE("the inputs name the site, then each document by its source path") {
  testing::FixtureFs fs;
  const std::string inputs = inputs_of(fs);
  CHECK(inputs.starts_with("site "));
  // One line per published document (the draft is not one): four notes
  // and organizations, by path.
  CHECK(inputs.find(" content/notes/alpha.md\n") != std::string::npos);
  CHECK(inputs.find(" content/organizations/undp.md\n") != std::string::npos);
  CHECK(inputs.find("delta.md") == std::string::npos);
  CHECK(inputs == inputs_of(fs));  // nothing in it depends on the run
  // The same inputs keep every page.
  const auto reuse = page_reuse(inputs, inputs);
  REQUIRE(reuse);
  CHECK(reuse->changed.empty());
}

TEST_CASE("the inputs are the site's however site.yaml is named") {
  // A build run with `--config site.yaml`, and one given the same file by
  // another path (a script, another working folder): the same inputs, so
  // the second keeps every page the first wrote.
  testing::FixtureFs fs;
  const std::string inputs = inputs_of(fs);
  CHECK(inputs == inputs_of(fs, "build-1", "offline 0", "./site/site.yaml"));
}

TEST_CASE("an edit to a document's body renders that document's pages only") {
  testing::FixtureFs fs;
  const std::string before = inputs_of(fs);
  append(&fs, "site/content/notes/alpha.md", "A sentence more.\n");
  const auto reuse = page_reuse(before, inputs_of(fs));
  REQUIRE(reuse);
  CHECK(reuse->changed == std::set<std::string>{"content/notes/alpha.md"});
}

TEST_CASE("an edit to anything else a page shows renders every page") {
  testing::FixtureFs fs;
  const std::string before = inputs_of(fs);
  SUBCASE("front matter") {
    write(
        &fs, "site/content/notes/beta.md",
        testing::fixture_doc("title: Beta\ndate: 2022-05-01\nsummary: Changed.\n"
                             "themes: [skills]\norganizations: [itu, undp]\nsee_also: [alpha]\n"));
  }
  SUBCASE("a vocabulary") { append(&fs, "site/data/themes.yaml", "- {id: more, name: More}\n"); }
  SUBCASE("site.yaml") { append(&fs, "site/site.yaml", "\n# a comment\n"); }
  SUBCASE("a draft's body: it is not told apart from the rest of the site") {
    append(&fs, "site/content/notes/delta.md", "More.\n");
  }
  SUBCASE("a new file among the content") {
    write(&fs, "site/content/notes/map.png", "not really a picture");
  }
  SUBCASE("a new document") {
    write(&fs, "site/content/notes/epsilon.md",
          testing::fixture_doc("title: Epsilon\ndate: 2020-01-05\nsummary: New.\n"));
  }
  SUBCASE("a document gone") {
    std::string err;
    REQUIRE(fs.memory_.remove_all("site/content/notes/gamma.md", &err));
  }
  CHECK_FALSE(page_reuse(before, inputs_of(fs)));
}

TEST_CASE("another program or other options keep nothing") {
  testing::FixtureFs fs;
  const std::string before = inputs_of(fs);
  CHECK_FALSE(page_reuse(before, inputs_of(fs, "build-2")));
  CHECK_FALSE(page_reuse(before, inputs_of(fs, "build-1", "offline 1")));
  // A program without a build ID cannot say it is the last one.
  CHECK(inputs_of(fs, "").empty());
  CHECK_FALSE(page_reuse(before, ""));
  CHECK_FALSE(page_reuse("", before));
  CHECK_FALSE(page_reuse("", ""));
}

TEST_CASE("the log notes what was read once per path, through any thread") {
  testing::FixtureFs fs;
  InputLog log(&fs);
  std::string text, err;
  CHECK(log.read_file("site/content/notes/alpha.md", &text, &err));
  CHECK_FALSE(log.read_file("site/content/notes/none.md", &text, &err));
  REQUIRE(log.reads().size() == 2);
  const InputLog::Read& alpha = log.reads().at("site/content/notes/alpha.md");
  CHECK(alpha.found);
  CHECK(alpha.sha256.size() == 64);
  CHECK(alpha.front_matter.size() == 64);
  CHECK(alpha.front_matter != alpha.sha256);
  CHECK_FALSE(log.reads().at("site/content/notes/none.md").found);
  CHECK(log.read_file("site/site.yaml", &text, &err));
  CHECK(log.reads().at("site/site.yaml").front_matter.empty());  // no fences
  log.list_files("site/content");
  CHECK(log.listings().size() == 1);
}
