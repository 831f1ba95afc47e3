#pragma once
// A parsed cmark-gfm document that owns its parser and tree. The one place
// that knows which cmark-gfm options and extensions Agora uses.

#include <cstdint>
#include <string>
#include <string_view>

struct cmark_node;
struct cmark_parser;

namespace agora {

// Parser and renderer options: GFM extensions table, strikethrough,
// autolink, tagfilter and tasklist; footnotes; no smart punctuation; no
// source positions in the output. `unsafe` adds CMARK_OPT_UNSAFE (raw HTML
// and every URL scheme pass through; tagfilter still applies).
int cmark_options(bool unsafe);

class CmarkDocument {
 public:
  // Parses `markdown` once. Thread-safe, but parses are serialised by a
  // process-wide lock (cmark-gfm keeps parse state in globals); rendering
  // runs in parallel.
  CmarkDocument(std::string_view markdown, bool unsafe);
  ~CmarkDocument();
  CmarkDocument(const CmarkDocument&) = delete;
  CmarkDocument& operator=(const CmarkDocument&) = delete;

  cmark_node* root() const { return root_; }

  // Renders the (possibly edited) tree to HTML with the same options and
  // extensions it was parsed with.
  std::string render_html() const;

  // How many times render_html has run in this process: lets a test show
  // that `agora check` renders no HTML.
  static uint64_t html_renders();

 private:
  cmark_parser* parser_ = nullptr;
  cmark_node* root_ = nullptr;
  int options_ = 0;
};

}  // namespace agora
