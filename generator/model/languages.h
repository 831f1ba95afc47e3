#pragma once
// One language's view of a multilingual site: what its page tree shows.

#include <string>

#include "model/site.h"

namespace agora {

// The site as language `code` shows it, under its own tree ("fr/"): every
// document in that language, and for each document with no version in it,
// the original, marked as a fallback (listed with a notice, linking to the
// original's page). Titles, labels and term names are the language's where
// site.yaml and the vocabularies give them. Listings, taxonomies, related
// documents and back-links are computed over the view. The view shares
// the documents of `site` (SiteDocuments::shared): `site` must outlive it
// and stay as it is.
Site language_view(const Site& site, const std::string& code);

// Whether `site`, as load_site() returns it, already is language `code`'s
// view, so that a build can render it without making a view (whose
// documents are the loaded site's, shared, but whose indexes are its own):
// true for the default language when every original is in it. The
// loaded site holds the translations too, but its indexes leave them out
// (Site::shows). An original in another language (the folders layout
// allows one) is a fallback in the default language's view, and the loaded
// site does not list it.
bool is_language_view(const Site& site, const std::string& code);

}  // namespace agora
