#pragma once
// Markdown bodies, parsed once.
//
// One cmark-gfm parse per document gives everything later stages need:
// heading ids (for anchors), every link destination with its position (for
// the link check), plain text (for search and summaries) and the HTML. Links
// to the site's own pages and files cannot be written into the HTML yet: the
// URL depends on the page the body is rendered into and on the URL style, so
// the HTML keeps a hole at each of them (BodyHtml) that render fills.

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "content/toc.h"
#include "util/diagnostic.h"

namespace agora {

struct MarkdownOptions {
  // The line of the file where the body starts (after front matter); every
  // line reported is a line of the file.
  int first_line = 1;
  // false: raw HTML is shown as text (escaped) and javascript:, vbscript:,
  // file: and non-image data: URLs are emptied. true: raw HTML passes
  // through (GFM's tagfilter still disarms <script>, <iframe>, ...).
  bool trusted_html = false;
  // Headings of these levels make the table of contents.
  int toc_min_level = 2;
  int toc_max_level = 4;
  // false: no HTML is produced (what `agora check` needs).
  bool html = true;
};

struct Heading {
  int level = 0;     // 1..6
  std::string text;  // plain text, explicit "{#id}" marker removed
  std::string id;    // unique within the document, stable across builds
  int line = 0;      // line in the file

  bool operator==(const Heading&) const = default;
};

// A link or image destination as written in the body.
struct LinkReference {
  std::string destination;  // as parsed: escapes and entities decoded
  bool is_image = false;
  int line = 0;    // line in the file of the destination's first byte
  int column = 0;  // 1-based byte column; for [text][ref] links, the
                   // position in the reference definition

  bool operator==(const LinkReference&) const = default;
};

// The body's HTML with a hole where each link to the site goes:
// pieces[0] + url(holes[0]) + pieces[1] + ... + pieces.back().
struct BodyHtml {
  std::vector<std::string> pieces;  // holes.size() + 1 of them; empty when no HTML was made
  std::vector<size_t> holes;        // per hole, the index of its link in ParsedMarkdown::links
};

struct ParsedMarkdown {
  std::vector<Heading> headings;     // document order, all levels
  std::vector<LinkReference> links;  // ordered by position in the file
  std::vector<TocEntry> toc;         // headings of toc_min_level..toc_max_level
  std::string plain_text;            // see document_plain_text()
  std::string first_paragraph;       // plain text; "" if no paragraph
  size_t word_count = 0;             // words of plain_text
  BodyHtml html;                     // empty unless options.html
};

// Parses `body`. Never fails: any string is Markdown. When untrusted,
// dangerous URLs (see is_dangerous_url) are emptied and reported as
// "unsafe-url" warnings at file:line:column. Headings get their ids as id
// attributes.
ParsedMarkdown parse_markdown(std::string_view body, const MarkdownOptions& options,
                              const std::string& file, Diagnostics* diags);

// True for a destination the site resolves: a relative path or a bare
// "#anchor". False for "", anything with a scheme (https:, mailto:),
// "//host" and a bare "?query": those are written as they are.
bool is_site_link(std::string_view destination);

// The HTML with every hole filled with url(link index), escaped as cmark
// escapes an href.
std::string fill_links(const BodyHtml& html, const std::function<std::string(size_t)>& url);

// cmark-gfm's escaping of a link or image URL in HTML: '&' and '\'' become
// entities, bytes outside a safe ASCII set are percent-encoded ('%' itself is
// kept).
void append_escaped_href(std::string_view url, std::string* out);

}  // namespace agora
