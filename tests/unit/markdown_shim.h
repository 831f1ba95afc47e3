#pragma once
// The Markdown stage as the tests drive it: parse once, then fill the link
// holes through a resolver that keeps, rewrites or rejects each site link,
// the way the link check and render do it for a whole site.

#include <functional>
#include <string>
#include <vector>

#include "content/markdown.h"

namespace agora::testing {

struct LinkResolution {
  enum Kind { kKeep, kRewrite, kError } kind = kKeep;
  std::string url;      // kRewrite
  std::string message;  // kError
  std::string hint;
  std::string code;  // kError: "broken-link" when empty
};

// Called once per site link (is_site_link), in the order of the links.
using MarkdownLinkResolver =
    std::function<LinkResolution(const std::string& destination, bool is_image)>;

struct RenderedMarkdown {
  std::string html;
  std::vector<TocEntry> toc;
};

inline RenderedMarkdown render_markdown(std::string_view body, const MarkdownOptions& options,
                                        const MarkdownLinkResolver& resolver,
                                        const std::string& file, Diagnostics& diags) {
  ParsedMarkdown parsed = parse_markdown(body, options, file, &diags);
  std::vector<std::string> urls;
  for (const LinkReference& link : parsed.links) {
    urls.push_back(link.destination);
    if (!resolver || !is_site_link(link.destination)) continue;
    LinkResolution r = resolver(link.destination, link.is_image);
    if (r.kind == LinkResolution::kRewrite) urls.back() = r.url;
    if (r.kind == LinkResolution::kError) {
      diags.error(file, link.line, link.column, r.code.empty() ? "broken-link" : r.code, r.message,
                  r.hint);
    }
  }
  return {fill_links(parsed.html, [&](size_t i) { return urls[i]; }), parsed.toc};
}

inline ParsedMarkdown analyze_markdown(std::string_view body, MarkdownOptions options) {
  options.html = false;
  Diagnostics ignored;
  return parse_markdown(body, options, "doc.md", &ignored);
}

}  // namespace agora::testing
