// Finding 2: inputs are not read through symbolic links.
#include <doctest/doctest.h>

#include "cli/diagnostic_printer.h"
#include "security_site.h"

using namespace agora;
using namespace agora::testing;

namespace {

// Stands for /proc/self/environ or /etc/passwd: a file outside the site.
const char* kSecret = "root:x:0:0:secret-outside-the-site\n";

}  // namespace

TEST_CASE("finding 2: a template linked to a file outside the site is not published") {
  SecuritySite site;
  site.write("outside/environ", kSecret);
  site.link(site.path("outside/environ"), "site/templates/404.mustache");
  CliRun run = site.run({"build", "--config", "@site/site.yaml", "--out", "@out"});
  // The link is skipped, with a warning; the theme's own 404 page is used.
  CHECK(run.code == 0);
  CHECK(line_with(run.err, "404.mustache") ==
        "templates/404.mustache: warning[symlink]: a symbolic link: agora does not follow links "
        "inside the site, so it was skipped");
  CHECK(run.err.find("secret") == std::string::npos);
  CHECK(site.read("out/404.html").find("secret") == std::string::npos);
  CHECK(site.read("out/404.html").find("<html") != std::string::npos);
}

TEST_CASE("finding 2: a vocabulary linked outside is refused and its text never printed") {
  SecuritySite site;
  site.write("outside/passwd", kSecret);
  std::filesystem::remove(site.path("site/data/themes.yaml"));
  site.link(site.path("outside/passwd"), "site/data/themes.yaml");
  CliRun run = site.check();
  CHECK(run.code == 1);
  CHECK(run.out.find("secret") == std::string::npos);
  CHECK(line_with(run.out, "data/themes.yaml: error") ==
        "data/themes.yaml: error[symlink]: a symbolic link: agora does not follow links inside "
        "the site, so it was not read");
  CHECK(line_with(run.out, "missing-vocabulary") ==
        "site.yaml: error[missing-vocabulary]: taxonomy 'themes': cannot read data/themes.yaml");
}

TEST_CASE("finding 2: a linked theme folder is not used") {
  SecuritySite site;
  site.write("outside/templates/404.mustache", kSecret);
  site.link(site.path("outside"), "site/themes/default");
  CliRun run = site.build();
  CHECK(run.code == 0);
  CHECK(site.read("out/404.html").find("secret") == std::string::npos);
}

TEST_CASE("finding 2: a symbolic link under content/ gets a warning naming it") {
  SecuritySite site;
  site.write("outside/note.md", fixture_doc("title: Linked\ndate: 2020-01-01\nsummary: S.\n"));
  site.link(site.path("outside/note.md"), "site/content/notes/linked.md");
  CliRun run = site.check();
  CHECK(line_with(run.out, "linked.md") ==
        "content/notes/linked.md: warning[symlink]: a symbolic link: agora does not follow "
        "links inside the site, so it was skipped");
  CHECK(line_with(run.out, "hint: replace the link") ==
        "  hint: replace the link with the file or folder itself");
}

TEST_CASE("finding 2: site.yaml paths may not leave the site") {
  SecuritySite site;
  std::string config = site.read("site/site.yaml");
  size_t at = config.find("data/themes.yaml");
  config.replace(at, std::string("data/themes.yaml").size(), "../outside/passwd");
  site.write("site/site.yaml", config);
  site.write("outside/passwd", kSecret);
  CliRun run = site.check();
  CHECK(run.code == 1);
  CHECK(line_with(run.out, "path-outside-site") ==
        "site.yaml:8:24: error[path-outside-site]: taxonomy 'themes' vocabulary file "
        "'../outside/passwd' is outside the site folder");
  CHECK(run.out.find("secret") == std::string::npos);
}

TEST_CASE("finding 2: the diagnostic printer shows no line of a file outside the site") {
  SecuritySite site;
  site.write("outside/passwd", kSecret);
  Diagnostics diags;
  diags.error("../outside/passwd", 1, 1, "x", "message");
  diags.error(site.path("outside/passwd"), 1, 1, "y", "message");
  std::ostringstream out;
  PrintOptions options;
  options.root = site.path("site");
  print_diagnostics(diags, site.fs(), options, out);
  CHECK(out.str().find("secret") == std::string::npos);
}

TEST_CASE("finding 2: agora new writes nothing through a link") {
  SecuritySite site;
  std::filesystem::create_directories(site.path("outside"));
  std::filesystem::rename(site.path("site/content/notes"), site.path("outside/notes"));
  site.link(site.path("outside/notes"), "site/content/notes");
  CliRun run = site.run({"new", "--config", "@site/site.yaml", "notes", "Planted"});
  CHECK(run.code == 1);
  CHECK(run.err == "agora new: cannot use " + site.path("site/content/notes/planted.md") + ": " +
                       site.path("site/content/notes") + " is a symbolic link\n");
  CHECK_FALSE(site.exists("outside/notes/planted.md"));
  // A link where the new file would go (dangling: it would create its
  // target) is not written through either.
  std::filesystem::remove(site.path("site/content/notes"));
  site.link(site.path("outside/created.md"), "site/content/notes/planted.md");
  run = site.run({"new", "--config", "@site/site.yaml", "notes", "Planted"});
  CHECK(run.code == 1);
  CHECK(run.err == "agora new: cannot use " + site.path("site/content/notes/planted.md") + ": " +
                       site.path("site/content/notes/planted.md") + " is a symbolic link\n");
  CHECK_FALSE(site.exists("outside/created.md"));
  // Without links, the document is created.
  std::filesystem::remove(site.path("site/content/notes/planted.md"));
  run = site.run({"new", "--config", "@site/site.yaml", "notes", "Planted"});
  CHECK(run.code == 0);
  CHECK(site.read("site/content/notes/planted.md").starts_with("---\n"));
}

TEST_CASE("finding 2: agora new reads no linked site.yaml, and its issue file not through a link") {
  SecuritySite site;
  site.write("outside/site.yaml", site.read("site/site.yaml"));
  std::filesystem::create_directories(site.path("linked"));
  site.link(site.path("outside/site.yaml"), "linked/site.yaml");
  // site.yaml is the root's own file: a link there is refused as any other.
  CliRun run = site.run({"new", "--config", "@linked/site.yaml", "notes", "X"});
  CHECK(run.code == 1);
  CHECK(run.err.find("linked/site.yaml is a symbolic link") != std::string::npos);
  CHECK_FALSE(site.exists("linked/content"));
}

TEST_CASE("finding 2: a type or taxonomy name in site.yaml cannot lead out of content/") {
  SecuritySite site;
  std::string config = site.read("site/site.yaml");
  size_t at = config.find("types:\n");
  REQUIRE(at != std::string::npos);
  config.insert(at + 7, "  ../../outside:\n    title: Escape\n");
  site.write("site/site.yaml", config);
  CliRun run = site.run({"new", "--config", "@site/site.yaml", "../../outside", "X"});
  CHECK(run.code == 1);
  CHECK(line_with(run.err, "outside") ==
        "site.yaml:24:3: error[invalid-value]: type '../../outside': a name is a folder name, so "
        "it cannot be empty, begin with '.' or hold '/', '\\' or a control character");
  CHECK_FALSE(site.exists("outside"));
  CHECK(site.check().code == 1);
  // The same for a taxonomy, whose name is a folder of the output.
  Diagnostics diags;
  CHECK_FALSE(parse_site_config(
      "title: T\ntaxonomies: {.hidden: {title: H, vocabulary: {iso3166: true}}}\ntypes: {a: {}}\n",
      "site.yaml", &diags));
  std::string lines;
  for (const auto& d : diags.items()) lines += format_diagnostic_line(d) + "\n";
  CHECK(lines ==
        "site.yaml:2:14: error[invalid-value]: taxonomy '.hidden': a name is a folder name, so it "
        "cannot be empty, begin with '.' or hold '/', '\\' or a control character\n");
}

TEST_CASE("finding 2: agora forms writes no form through a link") {
  SecuritySite site;
  site.write("site/site.yaml",
             site.read("site/site.yaml") +
                 "forms:\n  notes:\n    file: note.yml\n    name: Note\n"
                 "    description: A note.\n    fields: [title, date, summary]\n");
  CliRun made = site.run({"forms", "--config", "@site/site.yaml", "--out", "@forms/fine"});
  REQUIRE(made.code == 0);
  CHECK(site.exists("forms/fine/note.yml"));
  std::filesystem::create_directories(site.path("outside"));
  site.link(site.path("outside"), "forms/ISSUE_TEMPLATE");
  CliRun run = site.run({"forms", "--config", "@site/site.yaml", "--out", "@forms/ISSUE_TEMPLATE"});
  CHECK(run.code == 1);
  CHECK(run.err == "agora forms: cannot use " + site.path("forms/ISSUE_TEMPLATE/note.yml") + ": " +
                       site.path("forms/ISSUE_TEMPLATE") + " is a symbolic link\n");
  CHECK(site.tree("outside").empty());
}
