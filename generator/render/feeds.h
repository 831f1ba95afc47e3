#pragma once
// The machine-readable files: Atom feed, sitemap, robots.txt. They use
// absolute URLs (base_url), the only place the site does.

#include <string>
#include <utility>
#include <vector>

#include "model/site.h"
#include "render/site_files.h"

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

// What one sitemap file may hold (sitemaps.org: 50,000 URLs, 50 MB
// uncompressed).
struct SitemapLimits {
  size_t urls = 50'000;
  size_t bytes = 50 * 1024 * 1024;
};

// The sitemap of `entries`, sorted by directory: sitemap.xml alone while
// one file can hold them, else sitemap-1.xml, sitemap-2.xml, ... with
// sitemap.xml as their index (a 50,000-document site has 201,000 pages).
SiteFiles sitemaps(const std::string& base_url, std::vector<SitemapEntry> entries,
                   const SitemapLimits& limits = {});
std::string robots_txt(const Site& site);

}  // namespace agora
