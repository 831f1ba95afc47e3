#pragma once
// Phase one of Markdown: what the rest of the pipeline needs to know about a
// body before any page is rendered (heading ids for anchors, plain text).

#include "config/site_config.h"
#include "content/document.h"

namespace agora {

// Fills doc->headings, plain_text, first_paragraph and word_count from doc->body.
void analyze_body(const SiteConfig& config, Document* doc);

}  // namespace agora
