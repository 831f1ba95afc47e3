#pragma once
// Markdown bodies to HTML, in two phases.
//
// Links between documents can only be checked once every document is
// known, so a build first calls analyze_markdown on every body (headings,
// link destinations, text for search), then render_markdown with a
// resolver that knows the whole site. Each phase parses the body once with
// cmark-gfm; both derive heading ids the same way, so they agree.

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

struct MarkdownAnalysis {
  std::vector<Heading> headings;     // document order, all levels
  std::vector<LinkReference> links;  // ordered by position in the file
  std::string plain_text;            // see document_plain_text()
  std::string first_paragraph;       // plain text; "" if no paragraph
  size_t word_count = 0;             // words of plain_text
};

// Phase 1. Never fails: any string is Markdown.
MarkdownAnalysis analyze_markdown(std::string_view body, const MarkdownOptions& options);

struct LinkResolution {
  enum Kind { kKeep, kRewrite, kError } kind = kKeep;
  std::string url;      // kRewrite: the URL to emit
  std::string message;  // kError: the diagnostic
  std::string hint;
  std::string code;  // kError: defaults to "broken-link" when empty
};

// Called once per link and image destination, in the order of
// MarkdownAnalysis::links. Must be callable from several threads at once
// if documents are rendered in parallel.
using MarkdownLinkResolver =
    std::function<LinkResolution(const std::string& destination, bool is_image)>;

struct RenderedMarkdown {
  std::string html;
  std::vector<TocEntry> toc;  // headings of toc_min_level..toc_max_level
};

// Phase 2. Headings get their ids as id attributes; every destination goes
// through `resolver` (an empty resolver keeps them all). kRewrite replaces
// the URL; kError keeps it and adds an error at file:line:column of the
// destination. When untrusted, dangerous URLs (see is_dangerous_url) are
// emptied after resolution and reported as "unsafe-url" warnings.
RenderedMarkdown render_markdown(std::string_view body, const MarkdownOptions& options,
                                 const MarkdownLinkResolver& resolver, const std::string& file,
                                 Diagnostics& diags);

}  // namespace agora
