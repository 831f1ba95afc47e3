// libFuzzer target: a Markdown body through the limits, the analysis (link
// location, headings, plain text) and the rendering with link rewriting, in
// both trusted and untrusted mode. The resolver rewrites, keeps or rejects
// links by their first byte, so every branch of the rewriter runs.
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
  agora::MarkdownAnalysis analysis = agora::analyze_markdown(body, options);
  size_t calls = 0;
  auto resolver = [&calls](const std::string& destination, bool) {
    agora::LinkResolution out;
    ++calls;
    if (destination.empty()) return out;
    if (destination[0] == 'r') {
      out.kind = agora::LinkResolution::kRewrite;
      out.url = "../" + destination + "/";
    } else if (destination[0] == 'e') {
      out.kind = agora::LinkResolution::kError;
      out.message = "no such page";
    }
    return out;
  };
  agora::render_markdown(body, options, resolver, "x.md", diags);
  // Both phases see the same links, in the same order.
  if (calls != analysis.links.size()) __builtin_trap();
  return 0;
}
