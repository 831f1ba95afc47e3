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
  // The language's own documents: a fallback is another language's news.
  std::vector<size_t> order;
  for (size_t index : newest_documents(site, site.documents.size())) {
    if (order.size() < limit && site.has_page(site.documents[index])) order.push_back(index);
  }
  const std::string& base = site.config.base_url;
  // The feed's date comes from the content, never the clock, so rebuilding
  // unchanged content gives the same bytes.
  std::string updated = "1970-01-01";
  for (const auto& doc : site.documents) {
    if (site.has_page(doc)) updated = std::max(updated, document_date(doc));
  }
  std::string out =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
      escape_html(site.language.empty() ? site.config.language : site.language) +
      "\">\n"
      "  <title>" +
      escape_html(site.config.title) +
      "</title>\n"
      "  <subtitle>" +
      escape_html(site.config.description) +
      "</subtitle>\n"
      "  <id>" +
      escape_html(absolute_url(base, site.dir(""))) +
      "</id>\n"
      "  <link rel=\"alternate\" href=\"" +
      escape_html(absolute_url(base, site.dir(""))) +
      "\"/>\n"
      "  <link rel=\"self\" href=\"" +
      escape_html(absolute_url(base, site.dir("feed.xml"))) +
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

std::string document_lastmod(const Document& doc) { return document_date(doc); }

SiteFiles sitemaps(const std::string& base_url, std::vector<SitemapEntry> entries,
                   const SitemapLimits& limits) {
  std::sort(entries.begin(), entries.end(),
            [](const SitemapEntry& a, const SitemapEntry& b) { return a.dir < b.dir; });
  bool alternates = std::any_of(entries.begin(), entries.end(),
                                [](const SitemapEntry& e) { return !e.alternates.empty(); });
  std::string head =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"";
  if (alternates) head += " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"";
  head += ">\n";
  const std::string_view tail = "</urlset>\n";
  // Appended in place: at 10,000 documents the sitemap has 264,000 URLs,
  // and a string made for each piece took 0.5 s on one core at the end of
  // the build.
  const std::string base = escape_html(absolute_url(base_url, ""));
  auto append_url = [&](std::string& out, const std::string& dir) {
    out += base;
    append_escaped_html(&out, dir);
  };
  struct Part {
    std::string xml;
    size_t urls = 0;
    std::string lastmod;  // the latest of its pages'
  };
  std::vector<Part> parts(1, Part{head, 0, ""});
  std::string url;
  for (const auto& entry : entries) {
    url = "  <url><loc>";
    append_url(url, entry.dir);
    url += "</loc>";
    if (!entry.lastmod.empty()) {
      url += "<lastmod>";
      url += entry.lastmod;
      url += "</lastmod>";
    }
    // Google's form: every version lists every version, itself included.
    for (const auto& [language, dir] : entry.alternates) {
      url += "<xhtml:link rel=\"alternate\" hreflang=\"";
      append_escaped_html(&url, language);
      url += "\" href=\"";
      append_url(url, dir);
      url += "\"/>";
    }
    url += "</url>\n";
    if (parts.back().urls > 0 &&
        (parts.back().urls == limits.urls ||
         parts.back().xml.size() + url.size() + tail.size() > limits.bytes)) {
      parts.push_back(Part{head, 0, ""});
    }
    Part& part = parts.back();
    part.xml += url;
    ++part.urls;
    part.lastmod = std::max(part.lastmod, entry.lastmod);
  }
  SiteFiles files;
  if (parts.size() == 1) {
    files["sitemap.xml"] = std::move(parts[0].xml) + std::string(tail);
    return files;
  }
  // Past the protocol's limits for one file: sitemap.xml becomes the index
  // of the parts, which is where robots.txt already points.
  std::string index =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string name = "sitemap-" + std::to_string(i + 1) + ".xml";
    index += "  <sitemap><loc>";
    append_url(index, name);
    index += "</loc>";
    if (!parts[i].lastmod.empty()) index += "<lastmod>" + parts[i].lastmod + "</lastmod>";
    index += "</sitemap>\n";
    files[name] = std::move(parts[i].xml) + std::string(tail);
  }
  index += "</sitemapindex>\n";
  files["sitemap.xml"] = std::move(index);
  return files;
}

std::string robots_txt(const Site& site) {
  return "User-agent: *\nAllow: /\nSitemap: " + absolute_url(site.config.base_url, "sitemap.xml") +
         "\n";
}

}  // namespace agora
