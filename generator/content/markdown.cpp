#include "content/markdown.h"

#include <cmark-gfm.h>

#include <cctype>
#include <cstdint>

#include "content/cmark_document.h"
#include "content/headings.h"
#include "content/link_locator.h"
#include "content/plain_text.h"
#include "content/url_safety.h"
#include "util/text.h"

namespace agora {
namespace {

int file_line(const MarkdownOptions& options, int body_line) {
  return options.first_line + body_line - 1;
}

std::vector<cmark_node*> nodes_of_type(cmark_node* root,
                                       std::initializer_list<cmark_node_type> types) {
  std::vector<cmark_node*> nodes;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    for (cmark_node_type type : types) {
      if (cmark_node_get_type(node) == type) nodes.push_back(node);
    }
  }
  cmark_iter_free(iter);
  return nodes;
}

cmark_node* text_node(std::string_view literal) {
  cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(text, std::string(literal).c_str());
  return text;
}

// Untrusted raw HTML is shown, not dropped: a reader sees what the author
// wrote, and the author sees why it did not work. cmark's safe mode would
// replace it with an invisible "raw HTML omitted" comment instead.
void show_raw_html_as_text(cmark_node* root) {
  for (cmark_node* node : nodes_of_type(root, {CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE})) {
    std::string_view literal = cmark_node_get_literal(node);
    cmark_node* replacement = nullptr;
    if (cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE) {
      replacement = text_node(literal);
    } else {
      while (!literal.empty() && literal.back() == '\n') {
        literal.remove_suffix(1);
      }
      replacement = cmark_node_new(CMARK_NODE_PARAGRAPH);
      cmark_node_append_child(replacement, text_node(literal));
    }
    cmark_node_replace(node, replacement);
    cmark_node_free(node);
  }
}

// Nodes taken out of the tree, freed only after the last render. cmark's
// inline nodes do not own their text: a literal cmark has not been asked
// for (raw HTML, an image's alt text in a heading) points into its block's
// buffer, so a block whose inlines were moved elsewhere must outlive them.
class RetiredNodes {
 public:
  RetiredNodes() = default;
  RetiredNodes(const RetiredNodes&) = delete;
  RetiredNodes& operator=(const RetiredNodes&) = delete;
  ~RetiredNodes() {
    for (cmark_node* node : nodes_) cmark_node_free(node);
  }
  void add(cmark_node* node) { nodes_.push_back(node); }

 private:
  std::vector<cmark_node*> nodes_;
};

// cmark has no attribute hook, so a heading becomes a custom block
// holding a custom inline whose on_enter/on_exit are the tags: custom
// nodes are emitted verbatim. (A custom block alone would put newlines
// inside the tags.) The heading keeps the buffer its inlines point into.
void give_headings_ids(const std::vector<HeadingNode>& headings, RetiredNodes* retired) {
  for (const HeadingNode& heading : headings) {
    // Built by appending: GCC 12 warns falsely (-Wrestrict) on
    // "literal" + std::string temporaries.
    std::string tag = "h";
    tag += std::to_string(heading.level);
    std::string open = "<";
    open.append(tag).append(" id=\"").append(escape_html(heading.id)).append("\">");
    std::string close = "</";
    close.append(tag).append(">");
    cmark_node* tags = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
    cmark_node_set_on_enter(tags, open.c_str());
    cmark_node_set_on_exit(tags, close.c_str());
    while (cmark_node* child = cmark_node_first_child(heading.node)) {
      cmark_node_append_child(tags, child);
    }
    cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_append_child(block, tags);
    cmark_node_replace(heading.node, block);
    retired->add(heading.node);
  }
}

std::vector<TocEntry> build_toc(const std::vector<HeadingNode>& headings,
                                const MarkdownOptions& options) {
  std::vector<TocEntry> toc;
  for (const HeadingNode& heading : headings) {
    if (heading.level < options.toc_min_level || heading.level > options.toc_max_level) {
      continue;
    }
    toc.push_back({heading.level, heading.id, heading.text});
  }
  return toc;
}

// The prefix of the markers that stand for holes in the rendered HTML: made
// of characters cmark writes into an href unchanged, and salted with a hash
// of the body, so no text of the document can spell a marker (it would have
// to contain its own hash). Deterministic: the same body, the same markers.
std::string hole_prefix(std::string_view body, int attempt) {
  uint64_t hash = 1469598103934665603ull + static_cast<uint64_t>(attempt);
  for (unsigned char c : body) hash = (hash ^ c) * 1099511628211ull;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string prefix = "agora-hole-";
  for (int shift = 60; shift >= 0; shift -= 4) prefix += kHex[(hash >> shift) & 15];
  return prefix + "-";
}

// Splits `html` at the markers; false when a marker is malformed or appears
// twice. A hole may be missing: cmark does not render a link nested in an
// image's alt text.
bool split_at_holes(const std::string& html, const std::string& prefix, size_t hole_count,
                    BodyHtml* out) {
  out->pieces.clear();
  out->holes.clear();  // holes in HTML order (reference links may come out of order)
  std::vector<bool> seen(hole_count, false);
  size_t start = 0;
  for (size_t at = html.find(prefix); at != std::string::npos; at = html.find(prefix, start)) {
    size_t digits = at + prefix.size(), end = digits;
    while (end < html.size() && html[end] >= '0' && html[end] <= '9') ++end;
    if (end == digits || end >= html.size() || html[end] != '.' || end - digits > 9) return false;
    size_t hole = std::stoul(html.substr(digits, end - digits));
    if (hole >= hole_count || seen[hole]) return false;
    seen[hole] = true;
    out->pieces.push_back(html.substr(start, at - start));
    out->holes.push_back(hole);
    start = end + 1;
  }
  out->pieces.push_back(html.substr(start));
  return true;
}

}  // namespace

bool is_site_link(std::string_view destination) {
  if (destination.empty() || destination.starts_with("//")) return false;
  if (std::isalpha(static_cast<unsigned char>(destination[0]))) {
    for (char c : destination.substr(1)) {
      if (c == ':') return false;  // a scheme
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') break;
    }
  }
  // "?x" alone names no page and no anchor.
  return !(destination[0] == '?' && destination.find('#') == std::string_view::npos);
}

void append_escaped_href(std::string_view url, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : url) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '&') {
      out->append("&amp;");
    } else if (c == '\'') {
      out->append("&#x27;");
    } else if (c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '[' && c != '\\' &&
               c != ']' && c != '^' && c != '`' && c != '{' && c != '|' && c != '}') {
      out->push_back(ch);
    } else {
      out->push_back('%');
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
  }
}

std::string fill_links(const BodyHtml& html, const std::function<std::string(size_t)>& url) {
  std::string out;
  if (html.pieces.empty()) return out;
  size_t size = 0;
  for (const auto& piece : html.pieces) size += piece.size();
  out.reserve(size + 64 * html.holes.size());
  for (size_t i = 0; i < html.holes.size(); ++i) {
    out.append(html.pieces[i]);
    append_escaped_href(url(html.holes[i]), &out);
  }
  out.append(html.pieces.back());
  return out;
}

ParsedMarkdown parse_markdown(std::string_view body, const MarkdownOptions& options,
                              const std::string& file, Diagnostics* diags) {
  CmarkDocument doc(body, options.trusted_html);
  cmark_consolidate_text_nodes(doc.root());
  const std::vector<HeadingNode> headings = collect_headings(doc.root());
  ParsedMarkdown parsed;
  for (const HeadingNode& heading : headings) {
    parsed.headings.push_back(
        {heading.level, heading.text, heading.id, file_line(options, heading.line)});
  }
  parsed.toc = build_toc(headings, options);
  parsed.plain_text = document_plain_text(doc.root());
  parsed.first_paragraph = first_paragraph_text(doc.root());
  parsed.word_count = count_words(parsed.plain_text);

  std::vector<std::pair<cmark_node*, size_t>> holes;  // node, link index
  for (LinkSite& site : locate_links(doc.root(), body)) {
    const size_t index = parsed.links.size();
    parsed.links.push_back(
        {site.destination, site.is_image, file_line(options, site.line), site.column});
    if (!options.trusted_html && is_dangerous_url(cmark_node_get_url(site.node))) {
      cmark_node_set_url(site.node, "");
      diags->warning(file, file_line(options, site.line), site.column, "unsafe-url",
                     "link to '" + site.destination +
                         "' removed: this URL scheme can run code or read local files",
                     "link to an http: or https: address instead");
    } else if (is_site_link(site.destination)) {
      holes.emplace_back(site.node, index);
    }
  }
  if (!options.html) return parsed;

  if (!options.trusted_html) show_raw_html_as_text(doc.root());
  RetiredNodes retired;
  give_headings_ids(headings, &retired);
  for (int attempt = 0; attempt < 4; ++attempt) {
    const std::string prefix = hole_prefix(body, attempt);
    for (size_t h = 0; h < holes.size(); ++h) {
      cmark_node_set_url(holes[h].first, (prefix + std::to_string(h) + ".").c_str());
    }
    if (split_at_holes(doc.render_html(), prefix, holes.size(), &parsed.html)) {
      for (size_t& hole : parsed.html.holes) hole = holes[hole].second;
      return parsed;
    }
  }
  // Unreachable in practice (a body would have to spell its own hash): keep
  // every destination as written rather than loop.
  for (const auto& [node, link] : holes) {
    cmark_node_set_url(node, parsed.links[link].destination.c_str());
  }
  parsed.html = {{doc.render_html()}, {}};
  return parsed;
}

}  // namespace agora
