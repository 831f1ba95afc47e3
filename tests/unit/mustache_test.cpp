// The Mustache engine beyond the spec: error diagnostics, the TemplateSet
// cache, template lookup order, concurrent rendering and layouts.
#include <doctest/doctest.h>

#include <atomic>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "render/mustache.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace {

using agora::Diagnostic;
using agora::Diagnostics;
using agora::MemoryFileSystem;
using agora::Severity;
using agora::TemplateSet;
using nlohmann::json;

Diagnostic syntax_error(std::string file, int line, int column, std::string message,
                        std::string hint) {
  return {std::move(file),    line,           column, Severity::kError, "template-syntax",
          std::move(message), std::move(hint)};
}

// Parses `tmpl` as file "page.mustache" and returns the one diagnostic.
Diagnostic only_error(const std::string& tmpl) {
  TemplateSet set([](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  Diagnostics diags;
  std::string out;
  CHECK_FALSE(set.render_string(tmpl, "page.mustache", json::object(), &out, &diags));
  CHECK(out.empty());
  REQUIRE(diags.items().size() == 1);
  return diags.items().front();
}

// A source over a map that counts how often each name is asked for.
struct CountingSource {
  std::map<std::string, std::string> files;
  std::map<std::string, int>* calls;
  std::optional<std::string> operator()(const std::string& name) const {
    ++(*calls)[name];
    auto it = files.find(name);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
};

MemoryFileSystem write_files(const std::map<std::string, std::string>& files) {
  MemoryFileSystem fs;
  std::string err;
  for (const auto& [path, text] : files) REQUIRE(fs.write_file(path, text, &err));
  return fs;
}

}  // namespace

TEST_CASE("mustache: syntax errors name the file, line, column and what is wrong") {
  SUBCASE("unclosed section") {
    CHECK(only_error("<ul>\n  <li>\n    {{#items}}{{name}}\n</ul>\n") ==
          syntax_error("page.mustache", 3, 5, "unclosed section 'items' opened at 3:5",
                       "add {{/items}}"));
  }
  SUBCASE("unclosed inverted section, block and parent use their own word") {
    CHECK(only_error("{{^empty}}none").message ==
          "unclosed inverted section 'empty' opened at 1:1");
    CHECK(only_error("x {{$body}}").message == "unclosed block 'body' opened at 1:3");
    CHECK(only_error("{{<base}}\n").message == "unclosed parent 'base' opened at 1:1");
  }
  SUBCASE("mismatched closing tag") {
    CHECK(only_error("{{#a}}\n  {{#b}}\n  {{/a}}\n{{/b}}\n") ==
          syntax_error("page.mustache", 3, 3,
                       "closing tag 'a' does not match section 'b' opened at 2:3",
                       "close 'b' first with {{/b}}"));
  }
  SUBCASE("closing tag without a section") {
    CHECK(only_error("a\nb {{/items}}") ==
          syntax_error("page.mustache", 2, 3, "closing tag 'items' has no open section",
                       "remove it or add a matching {{#items}} before it"));
  }
  SUBCASE("unclosed tag") {
    CHECK(only_error("<h1>\n  hello {{name</h1>\n") ==
          syntax_error("page.mustache", 2, 9, "unclosed tag: '{{' at 2:9 has no closing '}}'",
                       "add '}}' to end the tag"));
  }
  SUBCASE("unclosed triple mustache expects '}}}'") {
    CHECK(only_error("{{{html}}").message == "unclosed tag: '{{' at 1:1 has no closing '}}}'");
  }
  SUBCASE("unclosed tag under custom delimiters") {
    CHECK(only_error("{{=<% %>=}}\n<%name").message ==
          "unclosed tag: '<%' at 2:1 has no closing '%>'");
  }
  SUBCASE("bad set-delimiter tag") {
    CHECK(only_error("x\n  {{=<%=}}") ==
          syntax_error("page.mustache", 2, 3,
                       "invalid set-delimiter tag '<%': expected two delimiters separated by "
                       "whitespace",
                       "write it like {{=<% %>=}}"));
    CHECK(only_error("{{=<% % %>=}}").code == "template-syntax");
  }
  SUBCASE("empty tag name") {
    CHECK(only_error("a {{ }}") == syntax_error("page.mustache", 1, 3, "empty tag name at 1:3",
                                                "write a name between the delimiters, e.g. "
                                                "{{title}}"));
  }
  SUBCASE("positions count lines inside multi-line comments and CRLF") {
    CHECK(only_error("{{! one\r\ntwo }}\r\nab{{/x}}").line == 3);
    CHECK(only_error("{{! one\r\ntwo }}\r\nab{{/x}}").column == 3);
  }
}

TEST_CASE("mustache: a syntax error in a partial fails the render and names the partial") {
  TemplateSet set([](const std::string& name) -> std::optional<std::string> {
    if (name == "page") return "<p>{{> card}}</p>";
    if (name == "card") return "line one\n{{#x}}";
    return std::nullopt;
  });
  Diagnostics diags;
  std::string out;
  CHECK_FALSE(set.render("page", json::object(), &out, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0] ==
        syntax_error("card", 2, 1, "unclosed section 'x' opened at 2:1", "add {{/x}}"));
  CHECK(out == "<p></p>");
}

TEST_CASE("mustache: a missing top-level template is an error, a missing partial is empty") {
  TemplateSet set([](const std::string& name) -> std::optional<std::string> {
    if (name == "page") return "[{{> nowhere}}]";
    return std::nullopt;
  });
  Diagnostics diags;
  std::string out;
  CHECK(set.render("page", json::object(), &out, &diags));
  CHECK(out == "[]");
  CHECK(diags.empty());
  CHECK_FALSE(set.render("gone", json::object(), &out, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].file == "gone");
  CHECK(diags.items()[0].code == "template-missing");
  CHECK(diags.items()[0].message == "template 'gone' not found");
  CHECK(set.has("page"));
  CHECK_FALSE(set.has("gone"));
  CHECK(set.missing() == std::vector<std::string>{"gone", "nowhere"});
}

TEST_CASE("mustache: a throwing source counts as a missing template") {
  TemplateSet set([](const std::string&) -> std::optional<std::string> {
    throw std::runtime_error("disk on fire");
  });
  Diagnostics diags;
  std::string out;
  CHECK_FALSE(set.render("page", json::object(), &out, &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "template-missing");
}

TEST_CASE("mustache: TemplateSet asks its source once per name however often it renders") {
  std::map<std::string, int> calls;
  CountingSource source{
      {{"page", "{{#items}}{{> item}}{{/items}}{{> missing}}"}, {"item", "<{{.}}>"}}, &calls};
  TemplateSet set(source);
  json data = {{"items", {1, 2, 3}}};
  for (int i = 0; i < 50; ++i) {
    std::string out;
    REQUIRE(set.render("page", data, &out, nullptr));
    CHECK(out == "<1><2><3>");
  }
  CHECK(set.has("page"));
  CHECK(calls == std::map<std::string, int>{{"item", 1}, {"missing", 1}, {"page", 1}});
}

TEST_CASE("mustache: directory lookup prefers site templates over the theme's") {
  MemoryFileSystem fs = write_files({
      {"templates/page.mustache", "site page {{> footer}}"},
      {"themes/default/templates/page.mustache", "theme page"},
      {"themes/default/templates/footer.mustache", "theme footer"},
      {"themes/default/templates/broken.mustache", "ok\n {{#open}}"},
      {"themes/default/templates/notes.txt", "not a template"},
  });
  std::vector<std::string> dirs = {"templates", "themes/default/templates"};

  TemplateSet set(agora::directory_template_source(fs, dirs));
  std::string out;
  REQUIRE(set.render("page", json::object(), &out, nullptr));
  CHECK(out == "site page theme footer");
  CHECK_FALSE(set.has("notes"));

  SUBCASE("the loader reports the file it read in diagnostics") {
    TemplateSet with_paths(agora::directory_template_loader(fs, dirs));
    Diagnostics diags;
    CHECK_FALSE(with_paths.render("broken", json::object(), &out, &diags));
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0] == syntax_error("themes/default/templates/broken.mustache", 2, 2,
                                           "unclosed section 'open' opened at 2:2",
                                           "add {{/open}}"));
  }
  SUBCASE("another extension") {
    MemoryFileSystem html = write_files({{"t/a.html", "A"}});
    TemplateSet html_set(agora::directory_template_source(html, {"t"}, ".html"));
    CHECK(html_set.has("a"));
  }
}

TEST_CASE("mustache: threads render the same templates concurrently") {
  std::atomic<int> calls{0};
  TemplateSet set([&calls](const std::string& name) -> std::optional<std::string> {
    ++calls;
    if (name == "list") return "{{#items}}{{> row}}{{/items}}";
    if (name == "row") return "<li>{{name}} &amp; {{{name}}}</li>\n";
    return std::nullopt;
  });
  json data = {{"items", json::array()}};
  std::string expected;
  for (int i = 0; i < 100; ++i) {
    data["items"].push_back({{"name", "n<" + std::to_string(i) + ">"}});
    expected += "<li>n&lt;" + std::to_string(i) + "&gt; &amp; n<" + std::to_string(i) + "></li>\n";
  }
  std::atomic<int> mismatches{0};
  auto work = [&] {
    for (int i = 0; i < 200; ++i) {
      std::string out;
      if (!set.render("list", data, &out, nullptr) || out != expected) ++mismatches;
    }
  };
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
  CHECK(mismatches == 0);
  CHECK(calls == 2);
}

TEST_CASE("mustache: a page template overrides the blocks of a base layout") {
  std::map<std::string, std::string> files = {
      {"base",
       "<!doctype html>\n"
       "<html lang=\"{{site.lang}}\">\n"
       "<head><title>{{$title}}{{site.title}}{{/title}}</title></head>\n"
       "<body>\n"
       "  <main>\n"
       "    {{$content}}\n"
       "    <p>No content.</p>\n"
       "    {{/content}}\n"
       "  </main>\n"
       "  {{$footer}}<footer>{{site.title}}</footer>{{/footer}}\n"
       "</body>\n"
       "</html>\n"},
      {"page",
       "{{<base}}\n"
       "{{$title}}{{page.title}} | {{site.title}}{{/title}}\n"
       "{{$content}}\n"
       "<h1>{{page.title}}</h1>\n"
       "{{{page.html}}}\n"
       "{{/content}}\n"
       "{{/base}}\n"},
  };
  std::map<std::string, int> calls;
  TemplateSet set(CountingSource{files, &calls});
  json data = {{"site", {{"title", "Agora"}, {"lang", "en"}}},
               {"page", {{"title", "Q&A"}, {"html", "<p>One</p>\n<p>Two</p>"}}}};
  std::string out;
  Diagnostics diags;
  REQUIRE(set.render("page", data, &out, &diags));
  CHECK(diags.empty());
  CHECK(out ==
        "<!doctype html>\n"
        "<html lang=\"en\">\n"
        "<head><title>Q&amp;A | Agora</title></head>\n"
        "<body>\n"
        "  <main>\n"
        "    <h1>Q&amp;A</h1>\n"
        "    <p>One</p>\n"
        "<p>Two</p>\n"
        "  </main>\n"
        "  <footer>Agora</footer>\n"
        "</body>\n"
        "</html>\n");

  std::string base_only;
  REQUIRE(set.render("base", data, &base_only, nullptr));
  CHECK(base_only.find("    <p>No content.</p>\n  </main>") != std::string::npos);
  CHECK(base_only.find("<title>Agora</title>") != std::string::npos);
}

TEST_CASE("mustache: JSON values follow the spec's truthiness and print as JSON") {
  using agora::render_mustache;
  json data = {{"zero", 0},          {"empty", ""},           {"no", false},
               {"nothing", nullptr}, {"none", json::array()}, {"obj", json::object()},
               {"pi", 3.5},          {"big", 1234567890123},  {"quote", "a\"b'c"}};
  CHECK(render_mustache("{{#zero}}0{{/zero}}{{#empty}}E{{/empty}}{{#obj}}O{{/obj}}", data) ==
        "0EO");
  CHECK(render_mustache("{{^no}}a{{/no}}{{^nothing}}b{{/nothing}}{{^none}}c{{/none}}", data) ==
        "abc");
  CHECK(render_mustache("{{pi}} {{big}} {{zero}}", data) == "3.5 1234567890123 0");
  CHECK(render_mustache("{{quote}} {{{quote}}}", data) == "a&quot;b&#39;c a\"b'c");
}
