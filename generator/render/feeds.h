#pragma once
// The machine-readable files: Atom feed, sitemap, robots.txt. They use
// absolute URLs (base_url), the only place the site does.

#include <string>
#include <utility>
#include <vector>

#include "model/site.h"

namespace agora {

// Atom feed of the newest `limit` documents of every type.
std::string atom_feed(const Site& site, size_t limit = 20);
// One page of sitemap.xml: its directory, <lastmod> for a document, and its
// versions in other languages (language, directory), itself included, when
// the site has several.
struct SitemapEntry {
  std::string dir;
  std::string lastmod;
  std::vector<std::pair<std::string, std::string>> alternates;
};

// The date a document's <lastmod> and feed entry carry.
std::string document_lastmod(const Document& doc);

// sitemap.xml listing `entries`, sorted by directory.
std::string sitemap(const std::string& base_url, std::vector<SitemapEntry> entries);
std::string robots_txt(const Site& site);

}  // namespace agora
