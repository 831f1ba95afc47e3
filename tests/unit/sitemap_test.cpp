// sitemaps(): one sitemap.xml while a file may hold every page, else parts
// within the protocol's limits and sitemap.xml as their index.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/feeds.h"

using namespace agora;

namespace {

const std::string kHead =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const std::string kTail = "</urlset>\n";

std::vector<SitemapEntry> pages(int count) {
  std::vector<SitemapEntry> entries;
  // Out of order, to be sorted by directory.
  for (int i = count - 1; i >= 0; --i) {
    entries.push_back({"p" + std::to_string(i) + "/", "2024-01-0" + std::to_string(1 + i % 9), {}});
  }
  return entries;
}

std::string url(int i) {
  return "  <url><loc>https://x.org/m/p" + std::to_string(i) + "/</loc><lastmod>2024-01-0" +
         std::to_string(1 + i % 9) + "</lastmod></url>\n";
}

}  // namespace

TEST_CASE("sitemap: one file while it fits, sorted, with alternates") {
  std::vector<SitemapEntry> entries = {{"b/", "", {{"en", "b/"}, {"fr", "fr/b/"}}},
                                       {"a/", "2023-05-01", {}}};
  const SiteFiles files = sitemaps("https://x.org/m", entries);
  REQUIRE(files.size() == 1);
  CHECK(files.at("sitemap.xml") ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
        "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n"
        "  <url><loc>https://x.org/m/a/</loc><lastmod>2023-05-01</lastmod></url>\n"
        "  <url><loc>https://x.org/m/b/</loc>"
        "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://x.org/m/b/\"/>"
        "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://x.org/m/fr/b/\"/></url>\n"
        "</urlset>\n");
  CHECK(sitemaps("https://x.org/m", pages(10), {10, 1 << 20}).size() == 1);
}

TEST_CASE("sitemap: past the URL limit, parts in order and sitemap.xml their index") {
  const SiteFiles files = sitemaps("https://x.org/m/", pages(7), {3, 1 << 20});
  REQUIRE(files.size() == 4);
  CHECK(files.at("sitemap-1.xml") == kHead + url(0) + url(1) + url(2) + kTail);
  CHECK(files.at("sitemap-2.xml") == kHead + url(3) + url(4) + url(5) + kTail);
  CHECK(files.at("sitemap-3.xml") == kHead + url(6) + kTail);
  // Each part's <lastmod> is the latest of its pages'.
  CHECK(files.at("sitemap.xml") ==
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        "  <sitemap><loc>https://x.org/m/sitemap-1.xml</loc><lastmod>2024-01-03</lastmod>"
        "</sitemap>\n"
        "  <sitemap><loc>https://x.org/m/sitemap-2.xml</loc><lastmod>2024-01-06</lastmod>"
        "</sitemap>\n"
        "  <sitemap><loc>https://x.org/m/sitemap-3.xml</loc><lastmod>2024-01-07</lastmod>"
        "</sitemap>\n"
        "</sitemapindex>\n");
}

TEST_CASE(
    "sitemap: past the byte limit, no part is larger, and a page too large for any goes alone") {
  // Room for two pages' lines and the closing tag, not three.
  const size_t bytes = kHead.size() + 2 * url(0).size() + kTail.size();
  SiteFiles files = sitemaps("https://x.org/m/", pages(5), {50'000, bytes});
  REQUIRE(files.size() == 4);
  for (const char* part : {"sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"}) {
    CHECK(files.at(part).size() <= bytes);
  }
  CHECK(files.at("sitemap-3.xml") == kHead + url(4) + kTail);
  files = sitemaps("https://x.org/m/", pages(2), {50'000, 10});
  REQUIRE(files.size() == 3);
  CHECK(files.at("sitemap-2.xml") == kHead + url(1) + kTail);
}
