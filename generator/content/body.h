#pragma once
// A document's Markdown body, parsed once into the document.

#include <string_view>

#include "config/site_config.h"
#include "content/document.h"
#include "util/diagnostic.h"

namespace agora {

// Parses `body` (which starts at line `first_line` of doc->source_path) and
// fills doc->headings, links, toc, html (only if `html`), plain_text,
// first_paragraph and word_count. doc->targets is left for link resolution.
void parse_body(std::string_view body, int first_line, const SiteConfig& config, bool html,
                Document* doc, Diagnostics* diags);

}  // namespace agora
