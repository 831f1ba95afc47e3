#pragma once
// The merge steps of the model: listings, taxonomy indexes, related documents
// and mentions. Each reads site.documents and fills one index.

#include "model/site.h"

namespace agora {

// Orders site->documents (type in site.yaml order, newest first, then slug)
// and fills by_key, by_source and by_type.
void index_documents(Site* site);
// Fills site->taxonomies from every document's terms.
void index_taxonomies(Site* site);
// Up to `limit` documents that share the most terms with document `index`;
// ties go to the newer, then to the smaller key. None for a fallback, which
// has no page of its own in the site's language. Made when its page renders:
// a rebuild that keeps nearly every page makes nearly none (for all 10,000
// documents it took about 0.25 s of a one-edit rebuild's wall time).
std::vector<size_t> related_documents(const Site& site, size_t index, size_t limit = 5);
// Per document: who names it, through a term field of a documents
// vocabulary (an organization's lead_organizations) or a reference field (a
// case study's initiatives).
void compute_mentions(Site* site);

// The first `limit` documents of every type whose dates are publication
// dates (site.yaml publication_dates), newest first (ties in site order): the
// home page's latest additions and the feed. Only the documents the site
// shows (not another language's translations).
std::vector<size_t> newest_documents(const Site& site, size_t limit);

}  // namespace agora
