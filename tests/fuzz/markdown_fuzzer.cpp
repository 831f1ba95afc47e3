// libFuzzer target: a Markdown body through the limits, then the parse
// (link location, headings, plain text, HTML with holes for site links) and
// the filling of the holes, in trusted or untrusted mode (the first byte).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/limits.h"
#include "content/markdown.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  bool trusted = data[0] & 1;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  agora::Diagnostics diags;
  if (!agora::check_document_limits(agora::Limits{}, "x.md", body, &diags)) return 0;
  agora::MarkdownOptions options;
  options.trusted_html = trusted;
  options.first_line = 3;
  options.html = true;
  agora::ParsedMarkdown parsed = agora::parse_markdown(body, options, "x.md", &diags);
  // Every hole of the HTML names a link, and filling them works.
  for (size_t hole : parsed.html.holes) {
    if (hole >= parsed.links.size()) __builtin_trap();
  }
  agora::fill_links(parsed.html, [](size_t i) { return "../" + std::to_string(i) + "/"; });
  return 0;
}
