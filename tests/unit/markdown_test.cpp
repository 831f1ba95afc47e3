#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <cmark-gfm.h>

#include "content/cmark_document.h"
#include "content/heading_ids.h"
#include "content/markdown.h"
#include "content/url_safety.h"
#include "markdown_shim.h"
#include "util/text.h"

namespace agora {
std::ostream& operator<<(std::ostream& os, const Diagnostic& d) {
  return os << "\n  " << format_diagnostic_line(d) << " [hint: " << d.hint << "]";
}
std::ostream& operator<<(std::ostream& os, const LinkReference& l) {
  return os << "\n  {\"" << l.destination << "\", " << l.is_image << ", " << l.line << ", "
            << l.column << "}";
}
std::ostream& operator<<(std::ostream& os, const TocEntry& t) {
  return os << "\n  {" << t.level << ", \"" << t.id << "\", \"" << t.text << "\"}";
}
std::ostream& operator<<(std::ostream& os, const Heading& h) {
  return os << "\n  {" << h.level << ", \"" << h.text << "\", \"" << h.id << "\", " << h.line
            << "}";
}
}  // namespace agora

namespace doctest {
template <typename T>
struct StringMaker<std::vector<T>> {
  static String convert(const std::vector<T>& items) {
    std::ostringstream os;
    for (const T& item : items) {
      if constexpr (std::is_same_v<T, std::string>) {
        os << "\n  " << item;
      } else {
        os << item;
      }
    }
    return os.str().c_str();
  }
};
}  // namespace doctest

using agora::Diagnostic;
using agora::Diagnostics;
using agora::Severity;
using namespace agora;
using namespace agora::testing;

namespace {

std::string render(const std::string& body, bool trusted = false) {
  MarkdownOptions options;
  options.trusted_html = trusted;
  Diagnostics diags;
  return render_markdown(body, options, nullptr, "doc.md", diags).html;
}

LinkResolution keep() { return {}; }

LinkResolution rewrite(std::string url) {
  LinkResolution r;
  r.kind = LinkResolution::kRewrite;
  r.url = std::move(url);
  return r;
}

LinkResolution error(std::string code, std::string message, std::string hint) {
  LinkResolution r;
  r.kind = LinkResolution::kError;
  r.code = std::move(code);
  r.message = std::move(message);
  r.hint = std::move(hint);
  return r;
}

Diagnostic error_at(int line, int column, std::string code, std::string message,
                    std::string hint = {}) {
  return {"doc.md",           line,           column, Severity::kError, std::move(code),
          std::move(message), std::move(hint)};
}

std::vector<LinkReference> links_of(const std::string& body, int first_line = 1) {
  MarkdownOptions options;
  options.first_line = first_line;
  return analyze_markdown(body, options).links;
}

}  // namespace

// ---------------------------------------------------------------- headings

TEST_CASE("heading_anchor follows GitHub") {
  struct Case {
    const char* text;
    const char* id;
  };
  const Case cases[] = {
      {"Hello World", "hello-world"},
      {"What's new?", "whats-new"},
      {"a - b", "a---b"},
      {"snake_case and kebab-case", "snake_case-and-kebab-case"},
      {"C++ (2020)", "c-2020"},
      {"Caf\xC3\xA9 \xC3\x89t\xC3\xA9", "caf\xC3\xA9-\xC3\x89t\xC3\xA9"},  // non-ASCII kept as is
      {"\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x94 dash", "quoted--dash"},
      {"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82",
       "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82"},
      {"Emoji \xF0\x9F\x9A\x80 launch", "emoji--launch"},
      {"!!!", "section"},
      {"", "section"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(heading_anchor(c.text) == c.id);
  }
}

TEST_CASE("split_explicit_id recognises a trailing {#id}") {
  std::string_view rest, id;
  REQUIRE(split_explicit_id("Title {#custom-id}  ", &rest, &id));
  CHECK(rest == "Title");
  CHECK(id == "custom-id");
  CHECK_FALSE(split_explicit_id("Title {#}", &rest, &id));
  CHECK_FALSE(split_explicit_id("Title {#has space}", &rest, &id));
  CHECK_FALSE(split_explicit_id("Title {#x} more", &rest, &id));
  CHECK_FALSE(split_explicit_id("Title", &rest, &id));
}

TEST_CASE("headings get GitHub-style unique ids, explicit ids win") {
  const std::string body =
      "# Intro\n"
      "## Intro\n"
      "## Intro\n"
      "## Intro-1 {#custom_id}\n"
      "### Custom ID\n"
      "## Later {#intro-2}\n"
      "## *Emphasis* and `code`\n"
      "##\n"
      "## Custom_id\n";
  const ParsedMarkdown analysis = analyze_markdown(body, {});
  const std::vector<Heading> expected = {
      {1, "Intro", "intro", 1},       {2, "Intro", "intro-1", 2},
      {2, "Intro", "intro-3", 3},  // intro-2 is reserved by line 6
      {2, "Intro-1", "custom_id", 4}, {3, "Custom ID", "custom-id", 5},
      {2, "Later", "intro-2", 6},     {2, "Emphasis and code", "emphasis-and-code", 7},
      {2, "", "section", 8},          {2, "Custom_id", "custom_id-1", 9},
  };
  CHECK(analysis.headings == expected);

  CHECK(render(body) ==
        "<h1 id=\"intro\">Intro</h1>\n"
        "<h2 id=\"intro-1\">Intro</h2>\n"
        "<h2 id=\"intro-3\">Intro</h2>\n"
        "<h2 id=\"custom_id\">Intro-1</h2>\n"
        "<h3 id=\"custom-id\">Custom ID</h3>\n"
        "<h2 id=\"intro-2\">Later</h2>\n"
        "<h2 id=\"emphasis-and-code\"><em>Emphasis</em> and <code>code</code></h2>\n"
        "<h2 id=\"section\"></h2>\n"
        "<h2 id=\"custom_id-1\">Custom_id</h2>\n");
}

TEST_CASE("heading lines count from first_line; setext headings work") {
  MarkdownOptions options;
  options.first_line = 7;
  const ParsedMarkdown analysis =
      analyze_markdown("Para\n\nTitle {#t}\n=====\n\n## Next\n", options);
  const std::vector<Heading> expected = {{1, "Title", "t", 9}, {2, "Next", "next", 12}};
  CHECK(analysis.headings == expected);
  CHECK(render("Title {#t}\n=====\n") == "<h1 id=\"t\">Title</h1>\n");
}

TEST_CASE("an id marker in a heading with underscores survives cmark's text splitting") {
  CHECK(render("## Over_view {#my_id_here}\n") == "<h2 id=\"my_id_here\">Over_view</h2>\n");
}

// --------------------------------------------------------------------- toc

TEST_CASE("the table of contents nests h2..h4") {
  const std::string body =
      "# Title\n"
      "## One\n"
      "### One.A\n"
      "#### One.A.i\n"
      "##### Too deep\n"
      "### One.B\n"
      "## Two & More\n"
      "#### Two.skip\n"
      "### Two.A\n";
  Diagnostics diags;
  const RenderedMarkdown rendered = render_markdown(body, {}, nullptr, "doc.md", diags);
  const std::vector<TocEntry> expected = {
      {2, "one", "One"},    {3, "onea", "One.A"},           {4, "oneai", "One.A.i"},
      {3, "oneb", "One.B"}, {2, "two--more", "Two & More"}, {4, "twoskip", "Two.skip"},
      {3, "twoa", "Two.A"},
  };
  CHECK(rendered.toc == expected);
  CHECK(render_toc_html(rendered.toc) ==
        "<ol>\n"
        "<li><a href=\"#one\">One</a>\n"
        "<ol>\n"
        "<li><a href=\"#onea\">One.A</a>\n"
        "<ol>\n"
        "<li><a href=\"#oneai\">One.A.i</a></li>\n"
        "</ol>\n"
        "</li>\n"
        "<li><a href=\"#oneb\">One.B</a></li>\n"
        "</ol>\n"
        "</li>\n"
        "<li><a href=\"#two--more\">Two &amp; More</a>\n"
        "<ol>\n"
        "<li><a href=\"#twoskip\">Two.skip</a></li>\n"
        "<li><a href=\"#twoa\">Two.A</a></li>\n"
        "</ol>\n"
        "</li>\n"
        "</ol>\n");
  CHECK(render_toc_html({}) == "");
}

TEST_CASE("the toc levels are options") {
  MarkdownOptions options;
  options.toc_min_level = 1;
  options.toc_max_level = 2;
  Diagnostics diags;
  const RenderedMarkdown rendered =
      render_markdown("# A\n## B\n### C\n", options, nullptr, "doc.md", diags);
  const std::vector<TocEntry> expected = {{1, "a", "A"}, {2, "b", "B"}};
  CHECK(rendered.toc == expected);
}

// ----------------------------------------------------------- GFM features

TEST_CASE("tables render with alignment") {
  CHECK(render("| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | 3 |\n") ==
        "<table>\n<thead>\n<tr>\n"
        "<th align=\"left\">a</th>\n<th align=\"center\">b</th>\n"
        "<th align=\"right\">c</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td align=\"left\">1</td>\n<td align=\"center\"><em>2</em></td>\n"
        "<td align=\"right\">3</td>\n"
        "</tr>\n</tbody>\n</table>\n");
}

TEST_CASE("strikethrough, autolinks and task lists") {
  CHECK(render("~~gone~~ and ~kept~\n") == "<p><del>gone</del> and <del>kept</del></p>\n");
  CHECK(render("See www.example.org, https://a.org/x?y=1 and help@example.org.\n") ==
        "<p>See <a href=\"http://www.example.org\">www.example.org</a>, "
        "<a href=\"https://a.org/x?y=1\">https://a.org/x?y=1</a> and "
        "<a href=\"mailto:help@example.org\">help@example.org</a>.</p>\n");
  CHECK(render("- [ ] open\n- [x] done\n") ==
        "<ul>\n"
        "<li><input type=\"checkbox\" disabled=\"\" /> open</li>\n"
        "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>\n"
        "</ul>\n");
}

TEST_CASE("footnotes") {
  CHECK(render("Claim.[^src]\n\n[^src]: The source.\n") ==
        "<p>Claim.<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\" "
        "data-footnote-ref>1</a></sup></p>\n"
        "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
        "<li id=\"fn-src\">\n"
        "<p>The source. <a href=\"#fnref-src\" class=\"footnote-backref\" "
        "data-footnote-backref aria-label=\"Back to content\">\xE2\x86\xA9</a></p>\n"
        "</li>\n</ol>\n</section>\n");
}

TEST_CASE("smart punctuation is off and no sourcepos attributes appear") {
  CHECK(render("\"quotes\" -- and... 'single'\n") ==
        "<p>&quot;quotes&quot; -- and... 'single'</p>\n");
}

// ---------------------------------------------------------------- raw HTML

TEST_CASE("untrusted raw HTML is shown escaped, block and inline") {
  CHECK(render("<script>alert(1)</script>\n") == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
  CHECK(render("<div class=\"box\">\n*not emphasis*\n</div>\n") ==
        "<p>&lt;div class=&quot;box&quot;&gt;\n*not emphasis*\n&lt;/div&gt;</p>\n");
  CHECK(render("Press <kbd>Ctrl</kbd> <!-- note --> now\n") ==
        "<p>Press &lt;kbd&gt;Ctrl&lt;/kbd&gt; &lt;!-- note --&gt; now</p>\n");
  CHECK(render("- <b>x</b>\n") == "<ul>\n<li>&lt;b&gt;x&lt;/b&gt;</li>\n</ul>\n");
}

TEST_CASE("trusted raw HTML passes through, with GFM's tagfilter") {
  CHECK(render("<div class=\"box\">\nhi\n</div>\n", true) == "<div class=\"box\">\nhi\n</div>\n");
  CHECK(render("Press <kbd>Ctrl</kbd>\n", true) == "<p>Press <kbd>Ctrl</kbd></p>\n");
  CHECK(render("<script>alert(1)</script>\n", true) == "&lt;script>alert(1)&lt;/script>\n");
  CHECK(render("x <iframe src=\"a\"></iframe>\n", true) ==
        "<p>x &lt;iframe src=\"a\">&lt;/iframe></p>\n");
}

TEST_CASE("is_dangerous_url") {
  for (const char* url :
       {"javascript:alert(1)", "JavaScript:x", " javascript:x", "java\tscript:x", "vbscript:x",
        "file:///etc/passwd", "data:text/html,<b>", "DATA:image/svg+xml,x"}) {
    CAPTURE(url);
    CHECK(is_dangerous_url(url));
  }
  for (const char* url :
       {"https://a.org", "../x.md", "#top", "mailto:a@b.org", "data:image/png;base64,AA",
        "data:image/webp,x", "javascript", "/javascript:x"}) {
    CAPTURE(url);
    CHECK_FALSE(is_dangerous_url(url));
  }
}

TEST_CASE("untrusted dangerous links and images are emptied with a warning") {
  Diagnostics diags;
  const std::string body =
      "[a](javascript:alert(1)) [b](&#106;avascript:x) <vbscript:y>\n"
      "![c](data:text/html,x) ![d](data:image/png;base64,AA) [e](file:///etc)\n";
  const RenderedMarkdown rendered = render_markdown(body, {}, nullptr, "doc.md", diags);
  CHECK(rendered.html ==
        "<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">vbscript:y</a>\n"
        "<img src=\"\" alt=\"c\" /> <img src=\"data:image/png;base64,AA\" alt=\"d\" /> "
        "<a href=\"\">e</a></p>\n");
  REQUIRE(diags.items().size() == 5);
  CHECK(diags.warning_count() == 5);
  CHECK(diags.items()[0] == Diagnostic{"doc.md", 1, 5, Severity::kWarning, "unsafe-url",
                                       "link to 'javascript:alert(1)' removed: this URL scheme can "
                                       "run code or read local files",
                                       "link to an http: or https: address instead"});
  CHECK(diags.items()[1].column == 30);
  CHECK(diags.items()[2].column == 50);
  CHECK(diags.items()[3].line == 2);
  CHECK(diags.items()[3].column == 6);
  CHECK(diags.items()[4].column == 59);

  MarkdownOptions trusted;
  trusted.trusted_html = true;
  Diagnostics none;
  CHECK(render_markdown("[a](javascript:x)\n", trusted, nullptr, "doc.md", none).html ==
        "<p><a href=\"javascript:x\">a</a></p>\n");
  CHECK(none.empty());
}

TEST_CASE("only links to the site are holes: schemes, //host and ?query are written as is") {
  for (const char* site :
       {"b.md", "../x/y.md#a", "#top", "img/a.png", "/abs", "?q#frag", "java\tscript:x"}) {
    CAPTURE(site);
    CHECK(is_site_link(site));
  }
  for (const char* other :
       {"", "https://a.org", "mailto:a@b.org", "//cdn.org/x", "?q", "javascript:x", "a+b.c-d:x"}) {
    CAPTURE(other);
    CHECK_FALSE(is_site_link(other));
  }
  // An untrusted dangerous URL is never a hole, even one no scheme test sees.
  Diagnostics diags;
  MarkdownOptions options;
  ParsedMarkdown parsed = parse_markdown("[a](<java\tscript:x>)\n", options, "doc.md", &diags);
  CHECK(parsed.html.holes.empty());
  CHECK(parsed.html.pieces == std::vector<std::string>{"<p><a href=\"\">a</a></p>\n"});
  CHECK(diags.warning_count() == 1);
}

TEST_CASE("a hole is escaped exactly as cmark escapes an href, byte for byte") {
  // Every byte, in a URL that cmark renders itself and in one filled into a
  // hole: the two hrefs must be equal.
  for (int b = 1; b < 256; ++b) {
    CAPTURE(b);
    std::string url = std::string("a") + static_cast<char>(b) + "a.md";
    std::string markdown = "[x](x.md)\n";
    MarkdownOptions options;
    options.trusted_html = true;
    Diagnostics diags;
    ParsedMarkdown parsed = parse_markdown(markdown, options, "doc.md", &diags);
    REQUIRE(parsed.html.holes.size() == 1);
    std::string filled = fill_links(parsed.html, [&](size_t) { return url; });
    // cmark's own rendering of the same URL, set on the node directly.
    CmarkDocument doc(markdown, true);
    cmark_node* link = cmark_node_first_child(cmark_node_first_child(doc.root()));
    REQUIRE(cmark_node_get_type(link) == CMARK_NODE_LINK);
    cmark_node_set_url(link, url.c_str());
    CHECK(filled == doc.render_html());
  }
}

// ---------------------------------------------------------- link resolving

TEST_CASE("the resolver rewrites links and images, including reference links") {
  const std::string body =
      "See [the case](../case-studies/water.md#results), [home](/) and\n"
      "![chart](img/chart.png \"Chart\") plus [ref][cs] and [cs].\n"
      "\n"
      "[cs]: ../case-studies/solar.md\n";
  std::vector<std::string> calls;
  const MarkdownLinkResolver resolver = [&](const std::string& dest, bool is_image) {
    calls.push_back((is_image ? "img:" : "link:") + dest);
    if (dest == "/") return keep();
    if (is_image) return rewrite("../../" + dest);
    if (dest == "../case-studies/water.md#results") {
      return rewrite("../../case-studies/water/#results");
    }
    return rewrite("../../case-studies/solar/");
  };
  Diagnostics diags;
  const RenderedMarkdown rendered = render_markdown(body, {}, resolver, "doc.md", diags);
  CHECK(rendered.html ==
        "<p>See <a href=\"../../case-studies/water/#results\">the case</a>, "
        "<a href=\"/\">home</a> and\n"
        "<img src=\"../../img/chart.png\" alt=\"chart\" title=\"Chart\" /> plus "
        "<a href=\"../../case-studies/solar/\">ref</a> and "
        "<a href=\"../../case-studies/solar/\">cs</a>.</p>\n");
  CHECK(diags.empty());
  // One call per link, in the order of analyze_markdown's links (by position).
  const std::vector<std::string> expected_calls = {
      "link:../case-studies/water.md#results", "link:/", "img:img/chart.png",
      "link:../case-studies/solar.md", "link:../case-studies/solar.md"};
  CHECK(calls == expected_calls);
}

TEST_CASE("a link nested image is resolved as an image, its link as a link") {
  std::vector<std::string> calls;
  const MarkdownLinkResolver resolver = [&](const std::string& dest, bool is_image) {
    calls.push_back((is_image ? "img:" : "link:") + dest);
    return rewrite("/r/" + dest);
  };
  Diagnostics diags;
  CHECK(render_markdown("[![alt](small.png)](big.png)\n", {}, resolver, "doc.md", diags).html ==
        "<p><a href=\"/r/big.png\"><img src=\"/r/small.png\" alt=\"alt\" /></a></p>\n");
  CHECK(calls == std::vector<std::string>{"img:small.png", "link:big.png"});
}

TEST_CASE("resolver errors become diagnostics at the destination's file position") {
  // Front matter occupied lines 1-4, so the body starts on line 5.
  const std::string body =
      "Intro with [a broken link](../missing.md) and [ok](ok.md).\n"  // line 5
      "\n"
      "> Quoted [again](../missing.md#x), caf\xC3\xA9 [x](../missing.md)\n"  // line 7
      "\n"
      "| col | col |\n"
      "|-----|-----|\n"
      "| [t](../missing.md) | ![i](../missing.png) |\n"  // line 11
      "\n"
      "Reference [r][miss] here.\n"  // line 13
      "\n"
      "[miss]:\n"
      "    ../missing.md \"title\"\n";  // line 16
  MarkdownOptions options;
  options.first_line = 5;
  const MarkdownLinkResolver resolver = [](const std::string& dest, bool is_image) {
    if (dest.find("missing") == std::string::npos) return keep();
    if (is_image) return error("", "image not found: " + dest, "");
    return error("unknown-document", "no document at '" + dest + "'", "check the file name");
  };
  Diagnostics diags;
  const RenderedMarkdown rendered = render_markdown(body, options, resolver, "doc.md", diags);
  const std::vector<Diagnostic> expected = {
      error_at(5, 28, "unknown-document", "no document at '../missing.md'", "check the file name"),
      error_at(7, 18, "unknown-document", "no document at '../missing.md#x'",
               "check the file name"),
      error_at(7, 46, "unknown-document", "no document at '../missing.md'", "check the file name"),
      error_at(11, 7, "unknown-document", "no document at '../missing.md'", "check the file name"),
      error_at(11, 29, "broken-link", "image not found: ../missing.png"),
      error_at(16, 5, "unknown-document", "no document at '../missing.md'", "check the file name"),
  };
  CHECK(diags.items() == expected);
  // On error the destination is kept as written.
  CHECK(rendered.html.find("<a href=\"../missing.md\">a broken link</a>") != std::string::npos);
}

// --------------------------------------------------------- link positions

TEST_CASE("link positions: several links on a line, same destination twice") {
  const std::vector<LinkReference> expected = {
      {"a.md", false, 1, 5},
      {"a.md", false, 1, 15},
      {"b.png", true, 1, 26},
      {"a.md", false, 1, 38},  // inside the <...>
  };
  CHECK(links_of("[x](a.md) [y](a.md) ![z](b.png) [w](<a.md>)\n") == expected);
}

TEST_CASE("link positions: link text containing the destination, titles, nesting") {
  const std::vector<LinkReference> expected = {
      {"a.md", false, 1, 8},
      {"p.png", true, 1, 27},
      {"big.png", false, 1, 35},
  };
  CHECK(links_of("[a.md](a.md \"a.md\") [![i](p.png)](big.png)\n") == expected);
}

TEST_CASE("link positions: multi-line link text and continuation lines") {
  const std::string body =
      "Some [link text\n"
      "that wraps](wrap.md) here.\n"
      "> quote\n"
      "lazy [l](lazy.md)\n"
      "- item\n"
      "  more [m](item.md)\n";
  const std::vector<LinkReference> expected = {
      {"wrap.md", false, 12, 13},
      {"lazy.md", false, 14, 10},
      {"item.md", false, 16, 12},
  };
  CHECK(links_of(body, 11) == expected);
}

TEST_CASE("link positions: reference links report the definition's position") {
  const std::string body =
      "[full][Ref] [collapsed][] [shortcut] [other][ref]\n"
      "\n"
      "- [ref]: /in-list\n"  // a definition inside a list item
      "\n"
      "[collapsed]: <with space.md>\n"
      "[shortcut]:\n"
      "  next-line.md\n"
      "> [REF]: /quoted\n"
      "[ref]: /shadowed\n";
  // [ref] is defined first on line 3 (in the list item): cmark uses the
  // first definition, and so does the locator.
  const std::vector<LinkReference> links = links_of(body);
  const std::vector<LinkReference> expected = {
      {"/in-list", false, 3, 10},
      {"/in-list", false, 3, 10},
      {"with space.md", false, 5, 15},
      {"next-line.md", false, 7, 3},
  };
  CHECK(links == expected);
}

TEST_CASE("link positions: a reference link before an inline link to the same URL") {
  // cmark says [b][r] ends at its ']', so it is not mistaken for the
  // inline link that follows it.
  const std::vector<LinkReference> expected = {
      {"/u", false, 1, 16},
      {"/u", false, 3, 6},
  };
  CHECK(links_of("[b][r] and [a](/u)\n\n[r]: /u\n") == expected);
}

TEST_CASE("link positions: autolinks, escapes, entities, tabs and UTF-8") {
  const std::string body =
      "<https://a.org/x> www.b.org c@d.org\n"
      "\tcaf\xC3\xA9 [e](a\\_b&amp;c.md) [f](<sp ace.md>)\n"
      "| [t](t.md) | [u](u.md) |\n"
      "|---|---|\n"
      "| [v](v.md) | x |\n"
      "\n"
      "```\n"
      "[code](not-a-link.md)\n"
      "```\n";
  const std::vector<LinkReference> expected = {
      {"https://a.org/x", false, 1, 2}, {"http://www.b.org", false, 1, 19},
      {"mailto:c@d.org", false, 1, 29}, {"a_b&c.md", false, 2, 12},
      {"sp ace.md", false, 2, 32},      {"t.md", false, 3, 7},
      {"u.md", false, 3, 19},           {"v.md", false, 5, 7},
  };
  CHECK(links_of(body) == expected);
}

TEST_CASE("link positions: headings and footnotes") {
  const std::string body =
      "# Title [h](h.md)\n"
      "\n"
      "Text.[^1]\n"
      "\n"
      "[^1]: See [n](note.md).\n";
  const std::vector<LinkReference> expected = {
      {"h.md", false, 1, 13},
      {"note.md", false, 5, 15},
  };
  CHECK(links_of(body) == expected);
}

// ------------------------------------------------------------- plain text

TEST_CASE("plain text: blocks separated, no markup, no raw HTML") {
  const std::string body =
      "# The *Title*\n"
      "\n"
      "First paragraph with **bold**, `code` and a [link](x.md).\n"
      "It continues here.\n"
      "\n"
      "- one\n"
      "- two ![alt text](i.png)\n"
      "\n"
      "| a | b |\n"
      "|---|---|\n"
      "| c | d |\n"
      "\n"
      "```\n"
      "code block\n"
      "```\n"
      "\n"
      "<div>raw html</div>\n"
      "\n"
      "Note<sup>1</sup>[^n] end.\n"
      "\n"
      "[^n]: The footnote.\n";
  const ParsedMarkdown analysis = analyze_markdown(body, {});
  CHECK(analysis.plain_text ==
        "The Title\n"
        "First paragraph with bold, code and a link. It continues here.\n"
        "one\n"
        "two alt text\n"
        "a b\n"
        "c d\n"
        "code block\n"
        "Note1 end.\n"
        "The footnote.");
  CHECK(analysis.first_paragraph ==
        "First paragraph with bold, code and a link. It continues here.");
  CHECK(analysis.word_count == 27);
}

TEST_CASE("first paragraph skips image-only paragraphs; empty body") {
  CHECK(analyze_markdown("![banner](b.png)\n\n> Quoted *start*.\n", {}).first_paragraph ==
        "Quoted start.");
  const ParsedMarkdown empty = analyze_markdown("", {});
  CHECK(empty.plain_text == "");
  CHECK(empty.first_paragraph == "");
  CHECK(empty.word_count == 0);
  CHECK(empty.headings.empty());
  CHECK(empty.links.empty());
  CHECK(render("") == "");
}

// ------------------------------------------------------------ performance

TEST_CASE("a 1 MB body with many links is analyzed and rendered quickly") {
  std::string body;
  int paragraphs = 0;
  while (body.size() < (1 << 20)) {
    body += "## Section " + std::to_string(paragraphs) + "\n\n";
    for (int i = 0; i < 8; ++i) {
      body += "Some words [a link](../doc-" + std::to_string(i) +
              ".md#part) and ![an image](img.png) and [ref][r] more text "
              "<https://example.org> here.\n";
    }
    body += "\n";
    ++paragraphs;
  }
  body += "[r]: /ref\n";
  const auto start = std::chrono::steady_clock::now();
  const ParsedMarkdown analysis = analyze_markdown(body, {});
  int calls = 0;
  Diagnostics diags;
  const RenderedMarkdown rendered = render_markdown(
      body, {},
      [&](const std::string&, bool) {
        ++calls;
        return keep();
      },
      "doc.md", diags);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  MESSAGE("1 MB analyze + render: " << seconds << " s");
  CHECK(analysis.links.size() == static_cast<size_t>(paragraphs) * 8 * 4);
  // The resolver sees the site's links only: not the https: autolinks.
  CHECK(calls == static_cast<int>(analysis.links.size() / 4 * 3));
  // Exact positions, not fallbacks: the first paragraph is on line 3 and
  // every [ref][r] points at the definition on the last line.
  CHECK(analysis.links[0] == LinkReference{"../doc-0.md#part", false, 3, 21});
  CHECK(analysis.links[1] == LinkReference{"img.png", true, 3, 55});
  CHECK(analysis.links[2] == LinkReference{"https://example.org", false, 3, 88});
  const int last_line = 1 + static_cast<int>(std::count(body.begin(), body.end(), '\n')) - 1;
  CHECK(std::count(analysis.links.begin(), analysis.links.end(),
                   LinkReference{"/ref", false, last_line, 6}) == paragraphs * 8);
  CHECK(rendered.toc.size() == static_cast<size_t>(paragraphs));
  CHECK(seconds < 5.0);
}

TEST_CASE("documents rendered on several threads at once come out identical") {
  // Regression: cmark-gfm toggles extension characters in a global table
  // while parsing, so unsynchronised parallel parses lost strikethrough.
  std::string body = "a ~~del~~ www.x.org\n\n| a | b |\n|---|---|\n| ~~c~~ | d |\n";
  for (int i = 0; i < 50; ++i) body += "para ~~s~~ and https://e.org and *em*\n\n";
  Diagnostics diags;
  const std::string expected = render_markdown(body, {}, nullptr, "doc.md", diags).html;
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        Diagnostics local;
        if (render_markdown(body, {}, nullptr, "doc.md", local).html != expected) {
          ++mismatches;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(mismatches.load() == 0);
}

TEST_CASE("link positions: labels over two lines, entities the locator cannot decode") {
  const std::string body =
      "[Baz][Foo bar] and [e](/f&ouml;&ouml;.md)\n"
      "\n"
      "[Foo\n"
      "  bar]: /url\n";
  const std::vector<LinkReference> expected = {
      {"/f\xC3\xB6\xC3\xB6.md", false, 1, 24},
      {"/url", false, 4, 9},
  };
  CHECK(links_of(body) == expected);
}

TEST_CASE("random Markdown-ish input never breaks either phase") {
  // A small deterministic fuzzer (cmark has one too): characters that
  // matter to links, references, HTML and containers, plus UTF-8 and tabs.
  static const std::vector<std::string> kPieces = {"[",       "]",         "(",
                                                   ")",       "<",         ">",
                                                   "!",       "*",         "_",
                                                   "`",       "#",         " ",
                                                   "  ",      "\n",        "\n\n",
                                                   "\t",      "\\",        "&amp;",
                                                   "&ouml;",  "&#",        ";",
                                                   ":",       "|",         "-",
                                                   "~",       "^",         "{#",
                                                   "}",       "> ",        "- ",
                                                   "1. ",     "a",         "x.md",
                                                   "http://", "www.",      "@",
                                                   "\"",      "\xC3\xA9",  "\xE2\x80\x94",
                                                   "\xFF",    "[r]: /u\n", "```\n",
                                                   "<div>"};
  uint32_t state = 12345;
  const auto next = [&] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7fff;
  };
  for (int round = 0; round < 1500; ++round) {
    std::string body;
    const int length = static_cast<int>(next() % 60);
    for (int i = 0; i < length; ++i) body += kPieces[next() % kPieces.size()];
    CAPTURE(body);
    MarkdownOptions options;
    options.first_line = 3;
    options.trusted_html = (round % 2) == 1;
    const ParsedMarkdown analysis = analyze_markdown(body, options);
    const int lines = 1 + static_cast<int>(std::count(body.begin(), body.end(), '\n'));
    for (const LinkReference& link : analysis.links) {
      CHECK(link.line >= 3);
      CHECK(link.line < 3 + lines);
      CHECK(link.column >= 1);
    }
    Diagnostics diags;
    size_t calls = 0;
    const RenderedMarkdown rendered = render_markdown(
        body, options,
        [&](const std::string&, bool) {
          ++calls;
          return error("", "x", "");
        },
        "doc.md", diags);
    const size_t site_links = static_cast<size_t>(
        std::count_if(analysis.links.begin(), analysis.links.end(),
                      [](const LinkReference& link) { return is_site_link(link.destination); }));
    CHECK(calls == site_links);
    CHECK(diags.error_count() == site_links);
    CHECK(agora::is_valid_utf8(rendered.html, nullptr));
  }
}
