#include <doctest/doctest.h>

#include "model/site_loader.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "site_fixture.h"

using agora::Diagnostics;
using agora::testing::FixtureFs;

namespace {

// Templates that print just what a test looks at, one fact per line.
void write_templates(agora::MemoryFileSystem* fs) {
  std::string err;
  const std::pair<const char*, const char*> templates[] = {
      {"home", "home\n"},
      {"listing",
       "{{#listing.items}}item {{url}}\n{{/listing.items}}"
       "{{#listing.pagination}}page {{current}} of {{total}}{{#prev_url}} prev {{.}}{{/prev_url}}"
       "{{#next_url}} next {{.}}{{/next_url}}\n{{/listing.pagination}}"},
      {"term", "term {{term.name}}\n{{#listing.items}}item {{url}}\n{{/listing.items}}"},
      {"taxonomy", "{{#taxonomy.terms}}term {{name}} {{count}} {{url}}\n{{/taxonomy.terms}}"},
      {"document",
       "{{{document.content}}}\n{{#document.metadata}}meta {{label}}:{{#items}} "
       "{{name}}={{url}}{{/items}}\n"
       "{{/document.metadata}}{{#document.related}}related {{url}}\n{{/document.related}}"
       "{{#document.mentions}}mention {{label}}:{{#items}} "
       "{{url}}{{/items}}\n{{/document.mentions}}"},
      {"search", "search\n"},
      {"404", "404\n"},
      {"downloads", "downloads\n"},
  };
  for (const auto& [name, text] : templates) {
    fs->write_file(std::string("site/templates/") + name + ".mustache", text, &err);
  }
}

struct Rendered {
  agora::SiteFiles files;
  Diagnostics diags;
  bool ok = false;
};

Rendered render(FixtureFs& fs, bool offline = false) {
  write_templates(&fs.memory_);
  Rendered out;
  auto site = agora::load_site(fs, "site/site.yaml", agora::LoadOptions{}, &out.diags);
  REQUIRE(site);
  agora::RenderOptions options;
  options.style.offline = offline;
  auto theme = agora::load_theme(fs, site->config, &out.diags);
  REQUIRE(theme);
  out.ok =
      !out.diags.has_errors() && agora::render_site(*site, *theme, options, &out.files, &out.diags);
  return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("listings are paginated, newest first, with relative links between pages") {
  FixtureFs fs;
  Rendered r = render(fs);
  REQUIRE(r.ok);
  // page_size is 2 and there are three published notes.
  CHECK(r.files.at("notes/index.html") == "item beta/\nitem alpha/\npage 1 of 2 next page/2/\n");
  CHECK(r.files.at("notes/page/2/index.html") == "item ../../gamma/\npage 2 of 2 prev ../../\n");
  CHECK(r.files.count("notes/page/3/index.html") == 0);
  CHECK(r.files.at("organizations/index.html") == "item undp/\nitem itu/\npage 1 of 1\n");
}

TEST_CASE("a long list's pages link the first, the last and their near pages, marking gaps") {
  FixtureFs fs;
  std::string err;
  // Twelve more notes: fifteen in all, eight pages of two.
  for (int i = 10; i < 22; ++i) {
    fs.memory_.write_file(
        "site/content/notes/extra-" + std::to_string(i) + ".md",
        agora::testing::fixture_doc("title: Extra " + std::to_string(i) + "\ndate: 2019-01-" +
                                    std::to_string(i) + "\nsummary: More.\n"),
        &err);
  }
  const std::string pages =
      "{{#listing.pagination.pages}}{{#gap}}... {{/gap}}{{number}}{{#current}}*{{/current}} "
      "{{url}}\n{{/listing.pagination.pages}}";
  write_templates(&fs.memory_);
  fs.memory_.write_file("site/templates/listing.mustache", pages, &err);
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", agora::LoadOptions{}, &diags);
  REQUIRE(site);
  auto theme = agora::load_theme(fs, site->config, &diags);
  REQUIRE(theme);
  agora::SiteFiles files;
  REQUIRE(agora::render_site(*site, *theme, agora::RenderOptions{}, &files, &diags));
  CHECK(files.at("notes/index.html") == "1* ./\n2 page/2/\n3 page/3/\n... 8 page/8/\n");
  CHECK(files.at("notes/page/6/index.html") ==
        "1 ../../\n... 4 ../4/\n5 ../5/\n6* ./\n7 ../7/\n8 ../8/\n");
}

TEST_CASE("a taxonomy has an index with counts and a page per term in use") {
  FixtureFs fs;
  Rendered r = render(fs);
  REQUIRE(r.ok);
  CHECK(r.files.at("themes/index.html") ==
        "term Digital inclusion 1 inclusion/\nterm Digital skills 2 skills/\n"
        "term Infrastructure 1 infra/\n");
  CHECK(r.files.at("themes/skills/index.html") ==
        "term Digital skills\nitem ../../notes/beta/\nitem ../../notes/alpha/\n");
  CHECK(r.files.at("countries/gh/index.html") ==
        "term Ghana\nitem ../../notes/alpha/\nitem ../../notes/gamma/\n");
  // The organizations vocabulary is the organizations' own pages.
  CHECK(r.files.count("organizations/itu/index.html") == 1);
  CHECK(r.files.count("organizations/index.html") == 1);
}

TEST_CASE("document pages link their terms, related documents and mentions") {
  FixtureFs fs;
  Rendered r = render(fs);
  REQUIRE(r.ok);
  const std::string& alpha = r.files.at("notes/alpha/index.html");
  CHECK(contains(alpha,
                 "meta Themes: Digital skills=../../themes/skills/ "
                 "Digital inclusion=../../themes/inclusion/\n"));
  CHECK(contains(alpha, "meta Leads: ITU=../../organizations/itu/\n"));
  CHECK(contains(alpha, "related ../beta/\nrelated ../gamma/\n"));
  const std::string& itu = r.files.at("organizations/itu/index.html");
  CHECK(contains(itu, "mention Mentioned in: ../../notes/beta/\n"));
  CHECK(contains(itu, "mention Named in leads: ../../notes/alpha/\n"));
}

TEST_CASE("links to other Markdown files become the target page's relative URL") {
  FixtureFs fs;
  Rendered r = render(fs);
  REQUIRE(r.ok);
  const std::string& alpha = r.files.at("notes/alpha/index.html");
  CHECK(contains(alpha, "<a href=\"../../organizations/itu/#history\">ITU</a>"));
  CHECK(contains(alpha, "<a href=\"../beta/\">beta</a>"));
  FixtureFs offline_fs;
  Rendered offline = render(offline_fs, /*offline=*/true);
  CHECK(contains(offline.files.at("notes/alpha/index.html"),
                 "<a href=\"../beta/index.html\">beta</a>"));
}

TEST_CASE("a link to a missing document or anchor is an error at its line and column") {
  FixtureFs fs;
  std::string err;
  fs.memory_.write_file("site/content/notes/links.md",
                        agora::testing::fixture_doc(
                            "title: Links\ndate: 2020-01-01\nsummary: Broken links.\n",
                            "See [gone](gone.md) and\n[ITU](../organizations/itu.md#founding).\n"),
                        &err);
  Rendered r = render(fs);
  CHECK_FALSE(r.ok);
  r.diags.sort();
  std::string got;
  for (const auto& d : r.diags.items()) {
    if (d.file == "content/notes/links.md") {
      got += std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code + "\n";
    }
  }
  CHECK(got == "6:12 broken-link\n7:7 broken-anchor\n");
}

namespace {

// Records each batch it is handed, as a build's writer would take it.
class RecordingSink final : public agora::FileSink {
 public:
  bool add(agora::SiteFiles batch) override {
    batches.push_back(std::move(batch));
    return refuse_after == 0 || batches.size() < refuse_after;
  }
  std::vector<agora::SiteFiles> batches;
  size_t refuse_after = 0;  // 0: never
};

}  // namespace

TEST_CASE("pages go to the sink in batches, and the batches make up the whole site") {
  FixtureFs fs;
  const Rendered whole = render(fs);
  REQUIRE(whole.ok);
  Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", agora::LoadOptions{}, &diags);
  auto theme = agora::load_theme(fs, site->config, &diags);
  REQUIRE(theme);
  agora::RenderOptions options;
  options.batch_pages = 2;
  RecordingSink sink;
  REQUIRE(
      agora::render_site(std::vector<const agora::Site*>{&*site}, *theme, options, &sink, &diags));
  agora::SiteFiles joined;
  size_t pages = 0;
  for (const auto& batch : sink.batches) {
    size_t html = 0;
    for (const auto& [path, bytes] : batch) {
      html += path.ends_with("index.html");
      CHECK(joined.emplace(path, bytes).second);  // no path twice
    }
    CHECK(html <= 2);
    pages += html;
  }
  CHECK(pages > 4);
  CHECK(sink.batches.size() > pages / 2);
  CHECK(joined == whole.files);

  // A sink that refuses a batch fails the render, and gets nothing more.
  RecordingSink refusing;
  refusing.refuse_after = 2;
  CHECK_FALSE(agora::render_site(std::vector<const agora::Site*>{&*site}, *theme, options,
                                 &refusing, &diags));
  CHECK(refusing.batches.size() == 2);
}
