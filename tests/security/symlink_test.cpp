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
