#include "render/feeds.h"

#include <algorithm>

#include "model/relations.h"
#include "render/url.h"
#include "util/text.h"

namespace agora {

namespace {

std::string document_date(const Document& doc) {
  return doc.last_updated.empty() ? (doc.updated.empty() ? doc.date : doc.updated)
                                  : doc.last_updated;
}

}  // namespace

std::string atom_feed(const Site& site, size_t limit) {
  std::vector<size_t> order = newest_documents(site, limit);
  const std::string& base = site.config.base_url;
  // The feed's date comes from the content, never the clock, so rebuilding
  // unchanged content gives the same bytes.
  std::string updated = "1970-01-01";
  for (const auto& doc : site.documents) updated = std::max(updated, document_date(doc));
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
      escape_html(site.config.language) +
      "\">\n"
      "  <title>" +
      escape_html(site.config.title) +
      "</title>\n"
      "  <subtitle>" +
      escape_html(site.config.description) +
      "</subtitle>\n"
      "  <id>" +
      escape_html(absolute_url(base, "")) +
      "</id>\n"
      "  <link rel=\"alternate\" href=\"" +
      escape_html(absolute_url(base, "")) +
      "\"/>\n"
      "  <link rel=\"self\" href=\"" +
      escape_html(absolute_url(base, "feed.xml")) +
      "\"/>\n"
      "  <updated>" +
      updated + "T00:00:00Z</updated>\n";
  for (size_t index : order) {
    const Document& doc = site.documents[index];
    std::string url = absolute_url(base, doc.path);
    const ContentType* type = site.config.type(doc.type);
    out +=
        "  <entry>\n"
        "    <title>" +
        escape_html(doc.title) +
        "</title>\n"
        "    <link rel=\"alternate\" href=\"" +
        escape_html(url) +
        "\"/>\n"
        "    <id>" +
        escape_html(url) +
        "</id>\n"
        "    <published>" +
        doc.date +
        "T00:00:00Z</published>\n"
        "    <updated>" +
        document_date(doc) +
        "T00:00:00Z</updated>\n"
        "    <author><name>" +
        escape_html(site.config.title) +
        "</name></author>\n"
        "    <category term=\"" +
        escape_html(doc.type) + "\" label=\"" + escape_html(type->singular) +
        "\"/>\n"
        "    <summary>" +
        escape_html(doc.summary) +
        "</summary>\n"
        "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

std::string sitemap(const Site& site, const std::vector<std::string>& page_dirs) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  std::vector<std::string> dirs = page_dirs;
  std::sort(dirs.begin(), dirs.end());
  for (const auto& dir : dirs) {
    out += "  <url><loc>" + escape_html(absolute_url(site.config.base_url, dir)) + "</loc>";
    auto it = site.by_key.find(dir.empty() ? "" : dir.substr(0, dir.size() - 1));
    if (it != site.by_key.end()) {
      out += "<lastmod>" + document_date(site.documents[it->second]) + "</lastmod>";
    }
    out += "</url>\n";
  }
  out += "</urlset>\n";
  return out;
}

std::string robots_txt(const Site& site) {
  return "User-agent: *\nAllow: /\nSitemap: " + absolute_url(site.config.base_url, "sitemap.xml") +
         "\n";
}

}  // namespace agora
