#include "content/cmark_document.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
// The struct behind cmark_syntax_extension (Debian installs the internal
// headers): its special_inline_chars list has no getter.
#include <cmark-gfm/syntax_extension.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace agora {
namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};

// cmark-gfm 0.29 keeps two process-wide tables of the characters that stop
// inline text (SPECIAL_CHARS, SKIP_CHARS in inlines.c). Every parse adds its
// extensions' characters ('~' of strikethrough, ':' and 'w' of autolink) at
// the start of inline parsing and clears them at the end
// (cmark_manage_extensions_special_characters in blocks.c), so one parse
// finishing clears them under another: two parses at once lose
// strikethrough or autolinks. Every parser here attaches the same
// extensions, so the characters are set once, here, and each extension's
// list is then emptied: the per-parse add and clear find nothing to do and
// parses share only tables that no longer change. The registry itself is a
// plain global list, written once here too.
std::vector<cmark_llist*>& pinned_character_lists() {
  static std::vector<cmark_llist*> lists;  // kept reachable, never freed
  return lists;
}

void prepare_extensions_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser, ext);
      }
    }
    cmark_manage_extensions_special_characters(parser, 1);
    cmark_parser_free(parser);
    for (const char* name : kExtensions) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        pinned_character_lists().push_back(ext->special_inline_chars);
        cmark_syntax_extension_set_special_inline_chars(ext, nullptr);
      }
    }
  });
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
  prepare_extensions_once();
  parser_ = cmark_parser_new(options_);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser_, ext);
    }
  }
  // No lock: see prepare_extensions_once.
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
