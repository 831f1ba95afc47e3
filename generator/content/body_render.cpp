#include "content/body_render.h"

#include "util/text.h"

namespace agora {

// Wired to cmark-gfm when generator/content/markdown lands.
RenderedBody render_body(const Document& doc, bool, const LinkResolver&, Diagnostics*) {
  RenderedBody body;
  body.html = "<pre>" + escape_html(doc.body) + "</pre>";
  return body;
}

}  // namespace agora
