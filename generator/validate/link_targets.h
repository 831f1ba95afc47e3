#pragma once
// The link check: every link a document's Markdown makes to the site
// ("../organizations/itu.md#history", "img/map.png", "#results") is resolved
// once, when the site is loaded, to a LinkTarget. A link to a missing
// document, heading or file is an error at the destination's line and column,
// with a suggestion written the way the contributor wrote the link.

#include <map>
#include <set>
#include <string>

#include "content/document.h"
#include "util/diagnostic.h"

namespace agora {

// What a link may point at.
struct LinkIndex {
  // Published documents by source path ("content/organizations/itu.md").
  std::map<std::string, const Document*> documents;
  // Documents that exist but did not load (their own errors are reported):
  // a link to one is not an error of its own.
  std::set<std::string> unloaded;
  // Attachments by output path ("case-studies/img/map.png").
  std::set<std::string> files;
  // Content type names: "../case-studies/" links to a type's listing.
  std::set<std::string> types;
  // site.yaml's broken_links: warning. A link that goes nowhere is then a
  // warning: a root-relative one ("/careers/") points at base_url (the site
  // the collection was imported from), a missing heading at its page, and
  // anything else is kept as written.
  bool broken_links_are_warnings = false;
  std::string base_url;
};

// Fills doc->targets (one per doc->links entry) and reports every site link
// that goes nowhere. Links that are not the site's (https:, mailto:) stay
// kUnresolved without a report. Thread-safe for distinct documents.
void resolve_links(const LinkIndex& index, Document* doc, Diagnostics* diags);

}  // namespace agora
