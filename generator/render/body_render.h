#pragma once
// Phase two of Markdown: a document's body as HTML, with its links resolved.

#include "content/document.h"
#include "render/link_resolver.h"
#include "render/page_context.h"
#include "util/diagnostic.h"

namespace agora {

// Renders doc.body (raw HTML escaped unless `trusted`), rewriting each link
// destination through `links` and reporting unresolvable ones at their
// line and column in doc.source_path.
RenderedBody render_body(const Document& doc, bool trusted, const LinkResolver& links,
                         Diagnostics* diags);

}  // namespace agora
