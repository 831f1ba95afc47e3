#pragma once
// The machine-readable files: Atom feed, sitemap, robots.txt. They use
// absolute URLs (base_url), the only place the site does.

#include <string>
#include <vector>

#include "model/site.h"

namespace agora {

// Atom feed of the newest `limit` documents of every type.
std::string atom_feed(const Site& site, size_t limit = 20);
// sitemap.xml listing `page_dirs` (directory pages); documents get <lastmod>.
std::string sitemap(const Site& site, const std::vector<std::string>& page_dirs);
std::string robots_txt(const Site& site);

}  // namespace agora
