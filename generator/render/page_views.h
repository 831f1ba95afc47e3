#pragma once
// Builds the typed views of render/views.h from the Site: one method per
// page kind. Breadcrumbs, pagination, listing items and the shared site and
// page parts are made here and nowhere else. Pure: no file system, no
// diagnostics.
//
// A page shows its own document's body and history and no other's: other
// documents appear only through their front matter. A rebuild relies on
// it to keep the pages an edit to a body cannot change (see
// output/site_inputs.h); a view that showed another document's body would
// have to change that first.

#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/dashboard.h"
#include "model/matching.h"
#include "model/site.h"
#include "model/support_map.h"
#include "render/facets.h"
#include "render/url.h"
#include "render/views.h"
#include "render/words.h"

namespace agora {

// What the pages link to beyond the Site itself.
struct PageExtras {
  std::optional<Bundle> bundle;  // the offline zip, when the build makes one
  // data/TYPE.json and .csv sizes for the downloads page, by output path.
  std::map<std::string, size_t> data_sizes;
  // The scripts of this language's search pipeline, from the site root.
  std::vector<std::string> search_scripts;
};

class PageViews {
 public:
  PageViews(const Site& site, const Words& words, UrlStyle style, PageExtras extras);

  const std::vector<Facet>& facets() const { return facets_; }
  const std::optional<GapMap>& gap_map() const { return gap_map_; }

  HomePage home() const;
  // Page `page` (1-based) of a type's listing, of a facet, of a gap-map cell.
  ListingPage type_listing(const ContentType& type, size_t page) const;
  ListingPage facet_listing(const Facet& facet, size_t page) const;
  ListingPage gap_cell_listing(size_t row, size_t column, size_t page) const;
  GapMapPage gap_map_page() const;
  DocumentPage document(size_t index) const;
  TaxonomyPage taxonomy(const Taxonomy& taxonomy) const;
  TermPage term(const Taxonomy& taxonomy, const Term& term, size_t page) const;
  DownloadsPage downloads() const;
  // The search page and the 404 page.
  PlainPage plain(const std::string& dir, const std::string& kind) const;

  // The clearing-house's pages (render/support_pages.cpp), when site.yaml
  // has a clearing_house directory: support_map() says which exist.
  const std::optional<SupportMap>& support_map() const { return support_; }
  SupportPage support() const;
  // Who gives service `row` in region `column`; the open requests there.
  ProvidersPage support_cell(size_t row, size_t column) const;
  ListingPage needs_cell(size_t row, size_t column, size_t page) const;
  CountriesPage countries() const;
  // Every term of the countries taxonomy has a page.
  ProvidersPage country(const Term& country) const;
  RequestSupportPage request_support() const;
  DashboardPage dashboard() const;
  NeedsMapPage needs_map() const;

  // How many pages a list of `count` documents takes.
  size_t page_count(size_t count) const;

 private:
  std::string url(const std::string& from_dir, const std::string& to) const {
    return relative_url(from_dir, to, style_);
  }
  SiteInfo site_info(const std::string& dir) const;
  // The page part; `trail` is the pages between home and this one, as
  // (title, directory) pairs; home is added first.
  PageInfo page_info(const std::string& dir, const std::string& kind, const std::string& title,
                     const std::vector<std::pair<std::string, std::string>>& trail) const;
  ListingItem item(const std::string& dir, size_t document) const;
  std::vector<ListingItem> items(const std::string& dir,
                                 const std::vector<size_t>& documents) const;
  // Page `page` of `documents` listed from `first_dir`.
  Listing listing(const std::string& title, const std::string& first_dir, size_t page,
                  const std::vector<size_t>& documents) const;
  Pagination pagination(const std::string& first_dir, size_t page, size_t pages) const;
  Filters filters(const std::string& type, const std::string& dir, const Facet* current) const;
  std::vector<TermLink> term_links(const std::string& dir, const std::string& taxonomy,
                                   const std::vector<std::string>& ids) const;
  std::vector<MetadataField> metadata(const std::string& dir, const Document& doc) const;
  std::vector<BacklinkGroup> backlinks(const std::string& dir, size_t index) const;
  void add_fields(const ContentType& type, const Document& doc, DocumentView* view) const;
  std::string body_html(const Document& doc) const;
  std::string link_url(const Document& doc, size_t link) const;
  std::map<std::string, std::string> gap_map_words() const;
  LanguageLink language_link(const std::string& dir, const LanguageConfig& language,
                             const std::string& to) const;
  std::vector<LanguageLink> translations(const std::string& dir) const;
  std::string language_name(const std::string& code) const;
  std::optional<std::string> term_url(const Taxonomy& taxonomy, const Term& term,
                                      const std::string& dir) const;
  // The clearing-house's parts of shared views (render/support_pages.cpp).
  std::optional<SupportLinks> support_links(const std::string& dir) const;
  void add_clearing_house(size_t index, DocumentView* view) const;
  // Suggestion `rank` (1-based) for request `request` (a document index).
  SuggestedMatch suggested_match(const std::string& dir, size_t rank, size_t request,
                                 const OfferMatch& match) const;
  ProviderEntry provider_entry(const std::string& dir, size_t document) const;
  std::vector<TermLink> field_links(const std::string& dir, const Document& doc,
                                    const std::vector<std::string>& fields) const;
  std::optional<std::string> form_url(
      const std::string& type,
      const std::vector<std::pair<std::string, std::string>>& values) const;
  // (field, term name) for the request form's field of `taxonomy`, if asked.
  std::vector<std::pair<std::string, std::string>> prefill(
      const std::string& type,
      const std::vector<std::pair<const Taxonomy*, const Term*>>& terms) const;
  FigureTable figure_table(const std::string& dir, const std::string& id, const std::string& title,
                           const std::string& column, const std::string& taxonomy,
                           const std::vector<FigureCount>& counts) const;

  // What a listing item says of a document on any page that lists it, made
  // once per document: each is listed on a dozen pages or more. Made when
  // the first listing renders: a rebuild that keeps every listing (each
  // other language's, after a body edit) needs none, and making them for
  // 10,000 documents took about 0.1 s per language.
  struct ItemFacts {
    std::string date_display;
    std::string fallback_note;
    bool example = false;
  };

  const Site& site_;
  const Words& words_;
  UrlStyle style_;
  PageExtras extras_;
  const ItemFacts& facts(size_t index) const;
  mutable std::once_flag facts_made_;
  mutable std::vector<ItemFacts> item_facts_;  // per document, once made
  std::vector<Facet> facets_;
  std::optional<GapMap> gap_map_;
  std::optional<SupportMap> support_;
};

// Directory of a term's page, or of the document that a documents-vocabulary
// term stands for.
std::string term_path(const Site& site, const Taxonomy& taxonomy, const std::string& term_id);

// Paginated list directory: page 1 is `first_dir`, page N first_dir/page/N/.
std::string page_dir(const std::string& first_dir, size_t page);

// The page numbers a list's page links to, ascending: the first, the last
// and those within kNearPages of `page` (a gap of one page shows that page
// instead). Linking every page put 207 links on each of a list's 207 pages
// at 10,000 documents, 1.4 million in the site, and 34 million at 50,000.
inline constexpr size_t kNearPages = 2;
std::vector<size_t> linked_pages(size_t page, size_t pages);

}  // namespace agora
