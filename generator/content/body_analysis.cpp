#include "content/body_analysis.h"

namespace agora {

// Wired to the cmark-gfm analysis when generator/content/markdown lands.
void analyze_body(const SiteConfig&, Document* doc) { doc->plain_text = doc->body; }

}  // namespace agora
