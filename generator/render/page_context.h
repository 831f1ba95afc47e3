#pragma once
// The data each template sees. Every URL in it is already relative to the
// page being rendered, so templates never build paths.
//
// Every page:   site {title, description, language, direction, root, home_url, css_url,
//               search_url, feed_url, nav[{title,url,current}], taxonomies[{title,url}]}
//               page {kind, title, description, canonical, path, breadcrumbs[{title,url}]}
// Listing item: {title, url, date, date_display, summary, type, type_singular}

#include <string>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/url.h"

namespace agora {

// A document's rendered body, from the Markdown stage.
struct RenderedBody {
  std::string html;
  std::string toc_html;                          // nested <ol>, empty when the page is short
  nlohmann::json toc = nlohmann::json::array();  // [{level, id, text}]
};

class PageContext {
 public:
  PageContext(const Site& site, UrlStyle style) : site_(site), style_(style) {}

  // Adds site.bundle {url, size} to every page once the bundle is known.
  void set_bundle(std::string file, std::string size) {
    bundle_file_ = std::move(file);
    bundle_size_ = std::move(size);
  }

  // The shared part for a page in directory `dir`.
  nlohmann::json base(const std::string& dir, const std::string& kind,
                      const std::string& title) const;

  nlohmann::json item(const std::string& dir, size_t document) const;
  nlohmann::json items(const std::string& dir, const std::vector<size_t>& documents) const;
  nlohmann::json document(size_t index, const RenderedBody& body) const;
  // One page of a paginated list: `first_dir` is page 1, page N is
  // first_dir + "page/N/".
  nlohmann::json pagination(const std::string& first_dir, size_t page, size_t pages) const;

  std::string url(const std::string& from_dir, const std::string& to) const {
    return relative_url(from_dir, to, style_);
  }
  // "10 December 2019".
  static std::string display_date(const std::string& iso_day);

 private:
  nlohmann::json term_links(const std::string& dir, const std::string& taxonomy,
                            const std::vector<std::string>& ids) const;
  nlohmann::json metadata(const std::string& dir, const Document& doc) const;
  nlohmann::json mentions(const std::string& dir, size_t index) const;

  const Site& site_;
  UrlStyle style_;
  std::string bundle_file_;
  std::string bundle_size_;
};

// Directory of a term's page, or of the document that a documents-vocabulary
// term stands for.
std::string term_path(const Site& site, const Taxonomy& taxonomy, const std::string& term_id);

// "rtl" for languages written right to left (ar, fa, he, ur...), else "ltr".
std::string text_direction(const std::string& language);

// Paginated list directory: page 1 is `first_dir`, page N first_dir/page/N/.
std::string page_dir(const std::string& first_dir, size_t page);

}  // namespace agora
