#include "render/page_views.h"

#include <algorithm>
#include <map>
#include <set>

#include "content/toc.h"
#include "model/clearing_house.h"
#include "model/relations.h"
#include "sources/source_tree.h"
#include "util/human_bytes.h"
#include "util/text.h"

namespace agora {

namespace {

// The front matter fields every document has a place for already (the
// header, the listing item), so the generic field lists leave them out.
bool shown_elsewhere(const std::string& field) {
  static const char* kShown[] = {"title", "date", "summary", "updated", "draft"};
  return std::find(std::begin(kShown), std::end(kShown), field) != std::end(kShown);
}

// Front matter values are validated; a value of another shape is shown as
// JSON rather than thrown on.
std::string text_of(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

std::optional<std::string> non_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace

std::string page_dir(const std::string& first_dir, size_t page) {
  return page <= 1 ? first_dir : first_dir + "page/" + std::to_string(page) + "/";
}

std::string term_path(const Site& site, const Taxonomy& taxonomy, const std::string& term_id) {
  if (const Document* doc = site.term_document(taxonomy, term_id)) return doc->path;
  return site.dir(taxonomy.path() + ascii_lower(term_id) + "/");
}

PageViews::PageViews(const Site& site, const Words& words, UrlStyle style, PageExtras extras)
    : site_(site), words_(words), style_(style), extras_(std::move(extras)) {
  const BrowseConfig& browse = site.config.browse;
  facets_ = plan_facets(site, browse.facets);
  if (!browse.gap_rows.empty() && !browse.gap_columns.empty()) {
    gap_map_ =
        build_gap_map(site, GapMapSpec{browse.gap_rows, browse.gap_columns, browse.gap_types});
  }
  support_ = build_support_map(site);
}

const PageViews::ItemFacts& PageViews::facts(size_t index) const {
  std::call_once(facts_made_, [&] {
    item_facts_.reserve(site_.documents.size());
    for (const Document& doc : site_.documents) {
      ItemFacts facts;
      facts.date_display = words_.date(doc.date);
      if (site_.fallback(doc)) {
        facts.fallback_note =
            words_.format("fallback_note", {{"language", language_name(doc.language)}});
      }
      facts.example = is_example(site_, doc);
      item_facts_.push_back(std::move(facts));
    }
  });
  return item_facts_[index];
}

size_t PageViews::page_count(size_t count) const {
  size_t size = static_cast<size_t>(std::max(1, site_.config.page_size));
  return std::max<size_t>(1, (count + size - 1) / size);
}

// ------------------------------------------------------------ shared parts

SiteInfo PageViews::site_info(const std::string& dir) const {
  const SiteConfig& config = site_.config;
  SiteInfo info;
  info.title = config.title;
  info.description = config.description;
  const LanguageConfig* language = config.language_config(site_.language);
  info.language = site_.language;
  info.direction = language ? language->direction : text_direction(site_.language);
  // A directory prefix for assets and scripts, never a page link, so no
  // index.html even offline.
  info.root = relative_url(dir, "", UrlStyle{});
  info.home_url = url(dir, site_.dir(""));
  info.css_url = url(dir, "css/site.css");
  info.search_url = url(dir, site_.dir("search/"));
  info.search_path = site_.dir("search/");
  info.search_scripts = extras_.search_scripts;
  info.feed_url = url(dir, site_.dir("feed.xml"));
  info.downloads_url = url(dir, site_.dir("downloads/"));
  info.offline = style_.offline;
  for (const auto& type : config.types) {
    std::string listing = site_.dir(type.name + "/");
    info.nav.push_back({type.title, url(dir, listing), dir.starts_with(listing)});
  }
  for (const auto& taxonomy : config.taxonomies) {
    if (taxonomy.kind == VocabularyKind::kDocuments) continue;
    if (site_.taxonomies.at(taxonomy.name).documents.empty()) continue;
    info.taxonomies.push_back({taxonomy.title, url(dir, site_.dir(taxonomy.path()))});
  }
  if (extras_.bundle) info.bundle = Bundle{url(dir, extras_.bundle->url), extras_.bundle->size};
  if (gap_map_) info.gap_map_url = url(dir, site_.dir(kGapMapPath));
  if (!config.license.name.empty()) info.license = License{config.license.name, config.license.url};
  info.support = support_links(dir);
  if (config.multilingual()) {
    for (const auto& other : config.languages) {
      info.languages.push_back(language_link(dir, other, language_tree(config, other.code)));
    }
  }
  info.has_languages = info.languages.size() > 1;
  return info;
}

LanguageLink PageViews::language_link(const std::string& dir, const LanguageConfig& language,
                                      const std::string& to) const {
  const std::string& base = site_.config.base_url;
  return {language.code,      language.name,
          url(dir, to),       base.empty() ? url(dir, to) : absolute_url(base, to),
          language.direction, language.code == site_.language};
}

// A generated page (a listing, a term) has the same place in every
// language's tree.
std::vector<LanguageLink> PageViews::translations(const std::string& dir) const {
  std::vector<LanguageLink> out;
  const SiteConfig& config = site_.config;
  if (!config.multilingual()) return out;
  std::string local = dir.substr(site_.tree.size());
  for (const auto& language : config.languages) {
    out.push_back(language_link(dir, language, language_tree(config, language.code) + local));
  }
  return out;
}

PageInfo PageViews::page_info(const std::string& dir, const std::string& kind,
                              const std::string& title,
                              const std::vector<std::pair<std::string, std::string>>& trail) const {
  const SiteConfig& config = site_.config;
  PageInfo page;
  page.kind = kind;
  page.title = title;
  page.description = config.description;
  page.path = dir;
  page.canonical = config.base_url.empty() ? "" : absolute_url(config.base_url, dir);
  // Every page below home shows the way back to it; home, search and 404
  // stand alone.
  if (kind != "home" && kind != "search" && kind != "404") {
    page.breadcrumbs.push_back({words_.format("home"), url(dir, site_.dir(""))});
    for (const auto& [crumb, to] : trail) page.breadcrumbs.push_back({crumb, url(dir, to)});
  }
  page.has_breadcrumbs = !page.breadcrumbs.empty();
  page.translations = translations(dir);
  page.has_translations = page.translations.size() > 1;
  return page;
}

ListingItem PageViews::item(const std::string& dir, size_t index) const {
  const Document& doc = site_.documents[index];
  const ItemFacts& facts = this->facts(index);
  const ContentType* type = site_.config.type(doc.type);
  ListingItem item;
  item.title = doc.title;
  item.url = url(dir, doc.path);
  item.date = doc.date;
  item.date_display = facts.date_display;
  item.summary = doc.summary;
  item.type = doc.type;
  item.type_singular = type->singular;
  item.type_url = url(dir, site_.dir(doc.type + "/"));
  item.example = facts.example;
  item.language = doc.language;
  item.fallback = site_.fallback(doc);
  item.fallback_note = facts.fallback_note;
  return item;
}

std::vector<ListingItem> PageViews::items(const std::string& dir,
                                          const std::vector<size_t>& documents) const {
  std::vector<ListingItem> list;
  list.reserve(documents.size());
  for (size_t index : documents) list.push_back(item(dir, index));
  return list;
}

std::vector<size_t> linked_pages(size_t page, size_t pages) {
  std::vector<size_t> numbers;
  auto add = [&](size_t n) {
    if (n >= 1 && n <= pages && (numbers.empty() || n > numbers.back())) numbers.push_back(n);
  };
  add(1);
  // A gap of one page shows that page rather than a mark in its place.
  const size_t from = page > kNearPages + 1 ? page - kNearPages : 1;
  if (from == 3) add(2);
  for (size_t n = from; n <= page + kNearPages; ++n) add(n);
  if (page + kNearPages + 2 == pages) add(pages - 1);
  add(pages);
  return numbers;
}

Pagination PageViews::pagination(const std::string& first_dir, size_t page, size_t pages) const {
  std::string dir = page_dir(first_dir, page);
  Pagination out;
  out.current = page;
  out.total = pages;
  out.paginated = pages > 1;
  for (size_t n : linked_pages(page, pages)) {
    const bool gap = !out.pages.empty() && n > out.pages.back().number + 1;
    out.pages.push_back({n, url(dir, page_dir(first_dir, n)), n == page, gap});
  }
  if (page > 1) out.prev_url = url(dir, page_dir(first_dir, page - 1));
  if (page < pages) out.next_url = url(dir, page_dir(first_dir, page + 1));
  return out;
}

Listing PageViews::listing(const std::string& title, const std::string& first_dir, size_t page,
                           const std::vector<size_t>& documents) const {
  size_t size = static_cast<size_t>(std::max(1, site_.config.page_size));
  size_t pages = page_count(documents.size());
  std::string dir = page_dir(first_dir, page);
  size_t begin = std::min(documents.size(), (page - 1) * size);
  size_t end = std::min(documents.size(), page * size);
  Listing out;
  out.title = title;
  out.items = items(dir, std::vector<size_t>(documents.begin() + static_cast<long>(begin),
                                             documents.begin() + static_cast<long>(end)));
  out.count = documents.size();
  out.count_label = words_.plural("documents", static_cast<long long>(documents.size()));
  out.pagination = pagination(first_dir, page, pages);
  return out;
}

Filters PageViews::filters(const std::string& type, const std::string& dir,
                           const Facet* current) const {
  Filters out;
  std::map<const Taxonomy*, size_t> group_of;
  for (const auto& facet : facets_) {
    if (facet.type != type) continue;
    if (!group_of.count(facet.taxonomy)) {
      group_of[facet.taxonomy] = out.groups.size();
      FilterGroup group;
      group.title = facet.taxonomy->title;
      group.singular = facet.taxonomy->singular;
      group.label =
          words_.format("filter_by", {{"taxonomy", facet.taxonomy->singular},
                                      {"taxonomy_lower", ascii_lower(facet.taxonomy->singular)}});
      group.name = facet.taxonomy->name;
      group.open = current == nullptr;
      out.groups.push_back(std::move(group));
    }
    FilterGroup& group = out.groups[group_of[facet.taxonomy]];
    if (&facet == current) group.open = true;
    group.chips.push_back(
        {facet.term->name, url(dir, facet.path), facet.documents.size(), &facet == current});
  }
  const ContentType* content_type = site_.config.type(type);
  std::string title = content_type ? content_type->title : type;
  out.has_filters = !out.groups.empty();
  out.all_url = url(dir, site_.dir(type + "/"));
  out.all_title = words_.format("all_of", {{"items", title}, {"items_lower", ascii_lower(title)}});
  out.filtered = current != nullptr;
  return out;
}

// ------------------------------------------------------------------- pages

HomePage PageViews::home() const {
  HomePage view;
  const std::string dir = site_.dir("");
  view.site = site_info(dir);
  view.page = page_info(dir, "home", site_.config.title, {});
  Home& home = view.home;
  home.latest = items(dir, newest_documents(site_, 6));
  for (const auto& type : site_.config.types) {
    home.types.push_back({type.title, type.singular, url(dir, site_.dir(type.name + "/")),
                          site_.by_type.at(type.name).size()});
  }
  // The facet taxonomies (themes, regions) are the main ways in and show
  // every term in use; the others are one link each.
  const auto& facets = site_.config.browse.facets;
  for (const auto& taxonomy : site_.config.taxonomies) {
    const auto& used = site_.taxonomies.at(taxonomy.name).documents;
    if (used.empty()) continue;
    bool featured = std::find(facets.begin(), facets.end(), taxonomy.name) != facets.end();
    if (!featured || taxonomy.kind == VocabularyKind::kDocuments) {
      std::string to = taxonomy.kind == VocabularyKind::kDocuments ? taxonomy.document_type + "/"
                                                                   : taxonomy.path();
      home.more.push_back({taxonomy.title, url(dir, site_.dir(to)), used.size()});
      continue;
    }
    std::vector<std::pair<size_t, const Term*>> by_count;
    for (const auto& [id, docs] : used) {
      by_count.emplace_back(docs.size(), site_.vocabularies.at(taxonomy.name).by_id(id));
    }
    std::stable_sort(by_count.begin(), by_count.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    WayIn way;
    way.title = taxonomy.title;
    way.title_lower = ascii_lower(taxonomy.title);
    way.all_label =
        words_.format("all_of", {{"items", taxonomy.title}, {"items_lower", way.title_lower}});
    std::string segment = taxonomy.path();
    way.id = "by-" + segment.substr(0, segment.size() - 1);
    way.url = url(dir, site_.dir(taxonomy.path()));
    for (const auto& [count, term] : by_count) {
      way.terms.push_back({term->name, url(dir, term_path(site_, taxonomy, term->id)), count});
    }
    home.ways_in.push_back(std::move(way));
  }
  home.has_gap_map = gap_map_.has_value();
  if (gap_map_) home.gap_map_text = words_.format("home_gap_text", gap_map_words());
  home.document_count =
      static_cast<size_t>(std::count_if(site_.documents.begin(), site_.documents.end(),
                                        [this](const Document& doc) { return site_.shows(doc); }));
  home.document_count_label =
      words_.plural("documents", static_cast<long long>(home.document_count));
  return view;
}

ListingPage PageViews::type_listing(const ContentType& type, size_t page) const {
  std::string first = site_.dir(type.name + "/");
  std::string dir = page_dir(first, page);
  ListingPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "listing", type.title, {});
  view.listing = listing(type.title, first, page, site_.by_type.at(type.name));
  view.listing.type = type.name;
  view.listing.filters = filters(type.name, dir, nullptr);
  return view;
}

ListingPage PageViews::facet_listing(const Facet& facet, size_t page) const {
  const ContentType& type = *site_.config.type(facet.type);
  std::string dir = page_dir(facet.path, page);
  std::string title =
      words_.format("facet_title", {{"type", type.title}, {"term", facet.term->name}});
  ListingPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "facet", title, {{type.title, site_.dir(type.name + "/")}});
  view.listing = listing(title, facet.path, page, facet.documents);
  view.listing.type = type.name;
  view.listing.description = non_empty(facet.term->description);
  view.listing.term_name = facet.term->name;
  view.listing.term_url = url(dir, term_path(site_, *facet.taxonomy, facet.term->id));
  view.listing.filters = filters(type.name, dir, &facet);
  return view;
}

ListingPage PageViews::gap_cell_listing(size_t row, size_t column, size_t page) const {
  const GapMap& map = *gap_map_;
  const GapCell& cell = map.cells[row][column];
  std::string dir = page_dir(cell.path, page);
  std::string title = words_.format(
      "gap_cell_title", {{"row", map.rows[row]->name}, {"column", map.columns[column]->name}});
  std::string gap_map_title = words_.format("gap_map");
  ListingPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "gap-cell", title, {{gap_map_title, site_.dir(kGapMapPath)}});
  view.listing = listing(title, cell.path, page, cell.documents);
  view.listing.kicker = gap_map_title;
  view.listing.kicker_url = url(dir, site_.dir(kGapMapPath));
  return view;
}

std::optional<std::string> PageViews::term_url(const Taxonomy& taxonomy, const Term& term,
                                               const std::string& dir) const {
  // A term no document uses has no page.
  if (!site_.taxonomies.at(taxonomy.name).documents.count(term.id)) return std::nullopt;
  return url(dir, term_path(site_, taxonomy, term.id));
}

GapMapPage PageViews::gap_map_page() const {
  const GapMap& map = *gap_map_;
  const std::string dir = site_.dir(kGapMapPath);
  GapMapPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "gap-map", words_.format("gap_map"), {});
  GapMapView& out = view.gap_map;
  for (const Term* term : map.columns) {
    out.columns.push_back({term->name, term_url(*map.columns_taxonomy, *term, dir)});
  }
  for (size_t r = 0; r < map.rows.size(); ++r) {
    const Term* row = map.rows[r];
    GapRow gap_row;
    gap_row.name = row->name;
    gap_row.narrower = !row->parent.empty();
    gap_row.url = term_url(*map.rows_taxonomy, *row, dir);
    for (size_t c = 0; c < map.columns.size(); ++c) {
      const GapCell& cell = map.cells[r][c];
      size_t count = cell.documents.size();
      gap_row.total += count;
      GapCellView cell_view{count, gap_shade(count, map.max_count), map.columns[c]->name, {}};
      if (count > 0) cell_view.url = url(dir, cell.path);
      if (count == 0) ++out.empty_cells;
      gap_row.cells.push_back(std::move(cell_view));
    }
    out.rows.push_back(std::move(gap_row));
  }
  std::vector<std::string> titles;
  for (size_t k = 0; k < map.type_titles.size(); ++k) {
    titles.push_back(k == 0 ? map.type_titles[k] : ascii_lower(map.type_titles[k]));
  }
  out.types = words_.list(titles);
  out.types_lower = ascii_lower(out.types);
  out.rows_title = map.rows_taxonomy->title;
  out.columns_title = map.columns_taxonomy->title;
  out.row_name = ascii_lower(map.rows_taxonomy->singular);
  out.column_name = ascii_lower(map.columns_taxonomy->singular);
  out.max = map.max_count;
  out.cell_count = map.rows.size() * map.columns.size();
  auto args = gap_map_words();
  args["empty"] = std::to_string(out.empty_cells);
  args["cells"] = std::to_string(out.cell_count);
  out.intro = words_.format("gap_map_intro", args);
  out.empty_line = words_.format("gap_map_empty", args);
  out.rollup = words_.format("gap_map_rollup", args);
  out.table_title = words_.format("gap_map_table_title", args);
  out.caption = words_.format("gap_map_caption", args);
  return view;
}

// What the gap map's messages may name: {types}, {types_lower}, {row_name},
// {column_name}.
std::map<std::string, std::string> PageViews::gap_map_words() const {
  const GapMap& map = *gap_map_;
  std::vector<std::string> titles;
  for (size_t k = 0; k < map.type_titles.size(); ++k) {
    titles.push_back(k == 0 ? map.type_titles[k] : ascii_lower(map.type_titles[k]));
  }
  std::string types = words_.list(titles);
  return {{"types", types},
          {"types_lower", ascii_lower(types)},
          {"row_name", ascii_lower(map.rows_taxonomy->singular)},
          {"column_name", ascii_lower(map.columns_taxonomy->singular)}};
}

TaxonomyPage PageViews::taxonomy(const Taxonomy& taxonomy) const {
  const TaxonomyIndex& index = site_.taxonomies.at(taxonomy.name);
  const std::string dir = site_.dir(taxonomy.path());
  TaxonomyPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "taxonomy", taxonomy.title, {});
  view.taxonomy.title = taxonomy.title;
  view.taxonomy.singular = taxonomy.singular;
  std::vector<const Term*> terms;
  for (const auto& [id, _] : index.documents) terms.push_back(index.vocabulary->by_id(id));
  std::stable_sort(terms.begin(), terms.end(),
                   [](const Term* a, const Term* b) { return a->name < b->name; });
  for (const Term* term : terms) {
    view.taxonomy.terms.push_back({term->name, non_empty(term->description),
                                   url(dir, term_path(site_, taxonomy, term->id)),
                                   index.documents.at(term->id).size()});
  }
  return view;
}

TermPage PageViews::term(const Taxonomy& taxonomy, const Term& term, size_t page) const {
  const std::string first = term_path(site_, taxonomy, term.id);
  const std::string dir = page_dir(first, page);
  TermPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "term", term.name, {{taxonomy.title, site_.dir(taxonomy.path())}});
  view.listing =
      listing(term.name, first, page, site_.taxonomies.at(taxonomy.name).documents.at(term.id));
  view.listing.description = non_empty(term.description);
  TermInfo& info = view.term;
  info.name = term.name;
  info.id = term.id;
  info.description = non_empty(term.description);
  info.taxonomy = taxonomy.title;
  info.singular = taxonomy.singular;
  info.taxonomy_url = url(dir, site_.dir(taxonomy.path()));
  // The same term narrowed to one type: the facet pages.
  for (const auto& facet : facets_) {
    if (facet.taxonomy != &taxonomy || facet.term != &term) continue;
    const ContentType* type = site_.config.type(facet.type);
    info.types.push_back(
        {type->title, type->singular, url(dir, facet.path), facet.documents.size()});
  }
  info.has_types = info.types.size() > 1;
  return view;
}

DownloadsPage PageViews::downloads() const {
  const std::string dir = site_.dir("downloads/");
  DownloadsPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, "downloads", words_.format("open_data"), {});
  for (const auto& type : site_.config.types) {
    DownloadType entry{type.title, site_.by_type.at(type.name).size(), {}};
    for (const char* ext : {"json", "csv"}) {
      std::string path = "data/" + type.name + "." + ext;
      auto size = extras_.data_sizes.find(path);
      entry.formats.push_back({ext == std::string("json") ? "JSON" : "CSV", url(dir, path),
                               human_bytes(size == extras_.data_sizes.end() ? 0 : size->second)});
    }
    view.downloads.types.push_back(std::move(entry));
  }
  // The clearing-house's figures (render/open_data.h), after the types.
  const std::string& requests = site_.config.clearing_house.requests_type;
  DownloadType figures{words_.has("dashboard") ? words_.format("dashboard") : requests, 0, {}};
  for (const char* ext : {"json", "csv"}) {
    std::string path = "data/" + requests + "-figures." + ext;
    auto size = extras_.data_sizes.find(path);
    if (size == extras_.data_sizes.end()) continue;
    figures.formats.push_back(
        {ext == std::string("json") ? "JSON" : "CSV", url(dir, path), human_bytes(size->second)});
  }
  if (!figures.formats.empty()) {
    auto it = site_.by_type.find(requests);
    figures.count = it == site_.by_type.end() ? 0 : it->second.size();
    view.downloads.types.push_back(std::move(figures));
  }
  return view;
}

PlainPage PageViews::plain(const std::string& dir, const std::string& kind) const {
  PlainPage view;
  view.site = site_info(dir);
  view.page = page_info(dir, kind, words_.format(kind == "404" ? "not_found" : kind), {});
  return view;
}

// ---------------------------------------------------------------- documents

// A language's name in this page's language (i18n language_names), else
// its own name from site.yaml.
std::string PageViews::language_name(const std::string& code) const {
  const nlohmann::json& names = words_.group("language_names");
  auto name = names.find(code);
  if (name != names.end() && name->is_string()) return name->get<std::string>();
  const LanguageConfig* language = site_.config.language_config(code);
  return language ? language->name : code;
}

std::string PageViews::link_url(const Document& doc, size_t link) const {
  const LinkTarget& target = doc.targets.at(link);
  std::string out;
  switch (target.kind) {
    case LinkTarget::kUnresolved:
      return doc.links[link].destination;
    case LinkTarget::kExternal:
      return target.path;
    case LinkTarget::kAnchor:
      break;
    case LinkTarget::kPage: {
      // A document in this page's language when it has a version in it; a
      // listing in this language's tree.
      auto version = site_.by_key.find(target.document);
      out = url(doc.path, !target.document.empty() && version != site_.by_key.end()
                              ? site_.documents[version->second].path
                          : target.document.empty() ? site_.dir(target.path)
                                                    : target.path);
      break;
    }
    case LinkTarget::kFile:
      out = url(doc.path, target.path);
      break;
  }
  if (!target.fragment.empty()) out += "#" + target.fragment;
  return out;
}

std::string PageViews::body_html(const Document& doc) const {
  if (!doc.html) return "";
  return fill_links(*doc.html, [&](size_t link) { return link_url(doc, link); });
}

std::vector<TermLink> PageViews::term_links(const std::string& dir,
                                            const std::string& taxonomy_name,
                                            const std::vector<std::string>& ids) const {
  const Taxonomy& taxonomy = *site_.config.taxonomy(taxonomy_name);
  const Vocabulary& vocabulary = site_.vocabularies.at(taxonomy_name);
  std::vector<TermLink> links;
  for (const auto& id : ids) {
    const Term* term = vocabulary.by_id(id);
    links.push_back({id, term ? term->name : id, url(dir, term_path(site_, taxonomy, id))});
  }
  return links;
}

// Term and reference fields, in schema order, as labelled lists of links.
std::vector<MetadataField> PageViews::metadata(const std::string& dir, const Document& doc) const {
  std::vector<MetadataField> meta;
  const ContentType& type = *site_.config.type(doc.type);
  for (const auto& field : type.fields) {
    std::vector<TermLink> links;
    for (const auto& terms : doc.term_fields) {
      if (terms.field == field.name) links = term_links(dir, terms.taxonomy, terms.ids);
    }
    for (const auto& refs : doc.reference_fields) {
      if (refs.field != field.name) continue;
      links.clear();
      for (const auto& slug : refs.slugs) {
        const Document* target = site_.find(refs.type, slug);
        if (!target) continue;  // a draft target; the validator reported it
        links.push_back({slug, target->title, url(dir, target->path)});
      }
    }
    if (links.empty()) continue;
    meta.push_back({field.name, field.label, std::move(links)});
  }
  return meta;
}

// Who names this document, grouped as the document's type declares in
// site.yaml (backlinks); a naming field no group lists gets a group of its
// own, after the declared ones. A document shows up once, in the first
// group that holds it.
std::vector<BacklinkGroup> PageViews::backlinks(const std::string& dir, size_t index) const {
  std::vector<BacklinkGroup> out;
  if (index >= site_.mentions.size()) return out;
  const ContentType& type = *site_.config.type(site_.documents[index].type);
  std::vector<std::string> order;
  std::map<std::string, std::string> group_of_field, labels;
  for (const auto& group : type.backlinks) {
    order.push_back(group.name);
    labels[group.name] = group.label;
    for (const auto& field : group.fields) group_of_field.emplace(field, group.name);
  }
  std::map<std::string, std::vector<size_t>> members;
  std::set<std::string> other_fields;
  for (const auto& mention : site_.mentions[index]) {
    // A group may name the field of one type ("case-studies.initiatives").
    auto declared =
        group_of_field.find(site_.documents[mention.document].type + "." + mention.field);
    if (declared == group_of_field.end()) declared = group_of_field.find(mention.field);
    std::string group =
        declared != group_of_field.end() ? declared->second : "field:" + mention.field;
    if (declared == group_of_field.end() && other_fields.insert(mention.field).second) {
      // Named by the field's label in the naming type's schema.
      const Document& naming = site_.documents[mention.document];
      const FieldSchema* field = site_.config.type(naming.type)->field(mention.field);
      std::string label = field ? field->label : mention.field;
      labels[group] =
          words_.format("named_in", {{"field", label}, {"field_lower", ascii_lower(label)}});
    }
    members[group].push_back(mention.document);
  }
  for (const auto& field : other_fields) order.push_back("field:" + field);
  std::set<size_t> shown;
  for (const auto& name : order) {
    auto it = members.find(name);
    if (it == members.end()) continue;
    std::vector<size_t> documents;
    for (size_t doc : it->second) {
      if (shown.insert(doc).second) documents.push_back(doc);
    }
    if (documents.empty()) continue;
    out.push_back({name, labels[name], documents.size(), items(dir, documents)});
  }
  return out;
}

namespace {

// One object of a list-of-objects field in the Record shape.
Record record_of(const FieldSchema& schema, const nlohmann::json& object, const Words& words) {
  Record record;
  bool have_title = false;
  for (const auto& field : schema.fields) {
    auto it = object.find(field.name);
    if (it == object.end() || it->is_null()) continue;
    std::string value = text_of(*it);
    if (value.empty()) continue;
    if (field.type == FieldType::kDate && !record.date) {
      record.date = value;
      record.date_display = words.date(value);
      record.date_first = !have_title;
    } else if (field.type == FieldType::kUrl && !record.url) {
      record.url = value;
    } else if ((field.type == FieldType::kString || field.type == FieldType::kText) &&
               !have_title) {
      record.title = value;
      have_title = true;
    } else {
      record.details.push_back({field.name, field.label, value, std::nullopt});
    }
  }
  return record;
}

}  // namespace

// Single-value fields (status, website, acronym...), plain lists (decisions,
// outcomes...) and lists of objects (timeline, sources), in schema order, so
// a theme shows any schema.
void PageViews::add_fields(const ContentType& type, const Document& doc, DocumentView* view) const {
  for (const auto& field : type.fields) {
    if (!doc.fields.contains(field.name) || shown_elsewhere(field.name)) continue;
    const nlohmann::json& value = doc.fields[field.name];
    switch (field.type) {
      case FieldType::kString:
      case FieldType::kText:
      case FieldType::kEnum:
        view->facts.push_back({field.name, field.label, text_of(value), std::nullopt});
        break;
      case FieldType::kDate:
        view->facts.push_back({field.name, field.label, words_.date(text_of(value)), std::nullopt});
        break;
      case FieldType::kUrl:
        view->facts.push_back({field.name, field.label, text_of(value), text_of(value)});
        break;
      case FieldType::kList:
        if (value.is_array() && !value.empty()) {
          FieldList list{field.name, field.label, {}};
          for (const auto& entry : value) list.items.push_back(text_of(entry));
          view->lists.push_back(std::move(list));
        }
        break;
      case FieldType::kListOfObjects: {
        RecordList list{field.name,
                        field.label,
                        !field.fields.empty() && field.fields[0].type == FieldType::kDate,
                        {}};
        for (const auto& object : value.is_array() ? value : nlohmann::json::array()) {
          if (object.is_object()) list.items.push_back(record_of(field, object, words_));
        }
        if (!list.items.empty()) view->records.push_back(std::move(list));
        break;
      }
      default:
        break;
    }
  }
}

DocumentPage PageViews::document(size_t index) const {
  const Document& doc = site_.documents[index];
  const ContentType& type = *site_.config.type(doc.type);
  const SiteConfig& config = site_.config;
  DocumentPage view;
  view.site = site_info(doc.path);
  view.page = page_info(doc.path, "document", doc.title, {{type.title, site_.dir(doc.type + "/")}});
  view.page.description = doc.summary;
  DocumentView& d = view.document;
  d.item = item(doc.path, index);
  d.fields.value = doc.fields;
  for (const auto& [name, value] : doc.fields.items()) {
    d.has.value[name] = !(value.is_array() || value.is_string()) || !value.empty();
  }
  d.type_title = type.title;
  d.content = body_html(doc);
  for (const auto& entry : doc.toc) d.toc.push_back({entry.level, entry.id, entry.text});
  // A contents box helps only on pages long enough to need scrolling.
  if (doc.toc.size() >= 3) d.toc_html = render_toc_html(doc.toc);
  d.has_toc = !d.toc_html.empty();
  d.metadata = metadata(doc.path, doc);
  add_fields(type, doc, &d);
  d.related = items(doc.path, related_documents(site_, index));
  d.has_related = !d.related.empty();
  d.mentions = backlinks(doc.path, index);
  d.has_mentions = !d.mentions.empty();
  add_clearing_house(index, &d);
  d.word_count = doc.word_count;
  if (!doc.updated.empty()) d.updated_display = words_.date(doc.updated);
  d.last_updated = !doc.last_updated.empty() ? doc.last_updated
                   : !doc.updated.empty()    ? doc.updated
                                             : doc.date;
  d.last_updated_display = words_.date(d.last_updated);
  for (const auto& c : doc.contributors) d.contributors.push_back({c.name, c.commits});
  d.has_contributors = !d.contributors.empty();
  if (!config.repository_url.empty()) {
    std::string file = config.repository_path.empty()
                           ? doc.source_path
                           : config.repository_path + "/" + doc.source_path;
    d.edit_url = config.repository_url + "/edit/" + config.repository_branch + "/" + file;
    d.history_url = config.repository_url + "/commits/" + config.repository_branch + "/" + file;
  }
  d.source_path = doc.source_path;
  // The page in each language it has a version in.
  if (site_.config.multilingual()) {
    view.page.translations.clear();
    auto versions = site_.versions.find(doc.group);
    for (const auto& language : site_.config.languages) {
      if (versions == site_.versions.end()) break;
      auto version = versions->second.find(language.code);
      if (version == versions->second.end()) continue;
      view.page.translations.push_back(language_link(doc.path, language, version->second));
      if (doc.is_translation() && language.code == site_.config.language) {
        d.original = view.page.translations.back();
        d.original->name = language_name(language.code);
      }
    }
    view.page.has_translations = view.page.translations.size() > 1;
  }
  return view;
}

}  // namespace agora
