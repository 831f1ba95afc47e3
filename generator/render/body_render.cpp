#include "render/body_render.h"

#include "content/markdown.h"
#include "content/toc.h"

namespace agora {

RenderedBody render_body(const Document& doc, bool trusted, const LinkResolver& links,
                         Diagnostics* diags) {
  MarkdownOptions options;
  options.first_line = doc.body_first_line;
  options.trusted_html = trusted;
  auto resolve = [&](const std::string& destination, bool is_image) {
    ResolvedLink link = links.resolve(doc, destination, is_image);
    LinkResolution out;
    out.kind = link.kind == ResolvedLink::kKeep      ? LinkResolution::kKeep
               : link.kind == ResolvedLink::kRewrite ? LinkResolution::kRewrite
                                                     : LinkResolution::kError;
    out.url = std::move(link.url);
    out.code = std::move(link.code);
    out.message = std::move(link.message);
    out.hint = std::move(link.hint);
    return out;
  };
  RenderedMarkdown rendered = render_markdown(doc.body, options, resolve, doc.source_path, *diags);
  RenderedBody body;
  body.html = std::move(rendered.html);
  // A contents box helps only on pages long enough to need scrolling.
  if (rendered.toc.size() >= 3) body.toc_html = render_toc_html(rendered.toc);
  for (const auto& entry : rendered.toc) {
    body.toc.push_back({{"level", entry.level}, {"id", entry.id}, {"text", entry.text}});
  }
  return body;
}

}  // namespace agora
