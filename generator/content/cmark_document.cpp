#include "content/cmark_document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>

namespace agora {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};

// cmark-gfm's registry is a plain global list; registering from two
// threads at once would race.
void ensure_extensions_registered() {
  static std::once_flag once;
  std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

}  // namespace

int cmark_options(bool unsafe) {
  // CMARK_OPT_VALIDATE_UTF8 turns ill-formed bytes into U+FFFD so the
  // HTML we emit is always valid UTF-8.
  int options = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
  if (unsafe) options |= CMARK_OPT_UNSAFE;
  return options;
}

CmarkDocument::CmarkDocument(std::string_view markdown, bool unsafe)
    : options_(cmark_options(unsafe)) {
  ensure_extensions_registered();
  parser_ = cmark_parser_new(options_);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser_, ext);
    }
  }
  // cmark-gfm 0.29 switches the extensions' special characters ('~', '|',
  // ...) on and off in a global table around inline parsing, so two
  // documents parsed at once can lose strikethrough or autolinks (seen in
  // practice: the concurrency test fails without this lock). Rendering
  // has no such state and stays parallel.
  static std::mutex parse_mutex;
  std::lock_guard<std::mutex> lock(parse_mutex);
  cmark_parser_feed(parser_, markdown.data(), markdown.size());
  root_ = cmark_parser_finish(parser_);
}

CmarkDocument::~CmarkDocument() {
  if (root_) cmark_node_free(root_);
  if (parser_) cmark_parser_free(parser_);
}

namespace {
std::atomic<uint64_t> g_html_renders{0};
}  // namespace

uint64_t CmarkDocument::html_renders() { return g_html_renders.load(); }

std::string CmarkDocument::render_html() const {
  ++g_html_renders;
  char* html = cmark_render_html(root_, options_, cmark_parser_get_syntax_extensions(parser_));
  std::string out(html);
  std::free(html);
  return out;
}

}  // namespace agora
