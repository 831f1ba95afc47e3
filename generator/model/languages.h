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
// documents and back-links are computed over the view.
Site language_view(const Site& site, const std::string& code);

}  // namespace agora
