#include "content/markdown.h"

#include <cmark-gfm.h>

#include "content/cmark_document.h"
#include "content/headings.h"
#include "content/link_locator.h"
#include "content/plain_text.h"
#include "content/url_safety.h"
#include "util/text.h"

namespace agora {
namespace {

constexpr const char* kDefaultLinkErrorCode = "broken-link";

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

// cmark has no attribute hook, so a heading becomes a custom block
// holding a custom inline whose on_enter/on_exit are the tags: custom
// nodes are emitted verbatim. (A custom block alone would put newlines
// inside the tags.)
void give_headings_ids(const std::vector<HeadingNode>& headings) {
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
    cmark_node_free(heading.node);
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

class LinkRewriter {
 public:
  LinkRewriter(const MarkdownOptions& options, const MarkdownLinkResolver& resolver,
               const std::string& file, Diagnostics& diags)
      : options_(options), resolver_(resolver), file_(file), diags_(diags) {}

  void rewrite(const LinkSite& site) {
    if (resolver_) apply(site, resolver_(site.destination, site.is_image));
    if (!options_.trusted_html) neutralise(site);
  }

 private:
  void apply(const LinkSite& site, const LinkResolution& resolution) {
    switch (resolution.kind) {
      case LinkResolution::kKeep:
        break;
      case LinkResolution::kRewrite:
        cmark_node_set_url(site.node, resolution.url.c_str());
        break;
      case LinkResolution::kError:
        diags_.error(file_, file_line(options_, site.line), site.column,
                     resolution.code.empty() ? kDefaultLinkErrorCode : resolution.code,
                     resolution.message, resolution.hint);
        break;
    }
  }

  void neutralise(const LinkSite& site) {
    if (!is_dangerous_url(cmark_node_get_url(site.node))) return;
    cmark_node_set_url(site.node, "");
    diags_.warning(file_, file_line(options_, site.line), site.column, "unsafe-url",
                   "link to '" + site.destination +
                       "' removed: this URL "
                       "scheme can run code or read local files",
                   "link to an http: or https: address instead");
  }

  const MarkdownOptions& options_;
  const MarkdownLinkResolver& resolver_;
  const std::string& file_;
  Diagnostics& diags_;
};

}  // namespace

MarkdownAnalysis analyze_markdown(std::string_view body, const MarkdownOptions& options) {
  CmarkDocument doc(body, options.trusted_html);
  cmark_consolidate_text_nodes(doc.root());
  MarkdownAnalysis analysis;
  for (HeadingNode& heading : collect_headings(doc.root())) {
    analysis.headings.push_back({heading.level, std::move(heading.text), std::move(heading.id),
                                 file_line(options, heading.line)});
  }
  for (LinkSite& site : locate_links(doc.root(), body)) {
    analysis.links.push_back(
        {std::move(site.destination), site.is_image, file_line(options, site.line), site.column});
  }
  analysis.plain_text = document_plain_text(doc.root());
  analysis.first_paragraph = first_paragraph_text(doc.root());
  analysis.word_count = count_words(analysis.plain_text);
  return analysis;
}

RenderedMarkdown render_markdown(std::string_view body, const MarkdownOptions& options,
                                 const MarkdownLinkResolver& resolver, const std::string& file,
                                 Diagnostics& diags) {
  CmarkDocument doc(body, options.trusted_html);
  cmark_consolidate_text_nodes(doc.root());
  const std::vector<HeadingNode> headings = collect_headings(doc.root());
  LinkRewriter rewriter(options, resolver, file, diags);
  for (const LinkSite& site : locate_links(doc.root(), body)) {
    rewriter.rewrite(site);
  }
  if (!options.trusted_html) show_raw_html_as_text(doc.root());
  RenderedMarkdown rendered;
  rendered.toc = build_toc(headings, options);
  give_headings_ids(headings);
  rendered.html = doc.render_html();
  return rendered;
}

}  // namespace agora
