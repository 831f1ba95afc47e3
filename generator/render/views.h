#pragma once
// The theme contract: the data every template sees, as typed views.
//
// Each view declares its members once, in visit(): the key a template uses,
// the member, and what it means. That one declaration gives what a template
// reads (the view in place, render/view_value.h, exactly as its JSON,
// to_json in render/view_json.h), the reference in docs/THEMES.md (a test
// keeps the two equal) and the key check that `agora check` runs over
// templates (render/template_check.h).
//
// Conventions every view keeps:
//   - every URL is relative to the page being rendered, so the site works
//     under any sub-path and from file://;
//   - every key is always present: a value that may be missing is a string
//     (or object) or false, never absent, so a name never falls through to
//     an outer section's value of the same name;
//   - words come from the theme's i18n/LANG.yaml (the `i18n` key of every
//     page), never from the generator; the generator formats only the few
//     messages listed in docs/THEMES.md;
//   - visit() hands over the view's own members, or a bool or number it
//     works out: templates read a view in place (render/view_value.h), and
//     a string or list made in visit() would be gone before they read it;
//   - a member may be SiteText, the site's own text shown in place: a view
//     is read while the site and the PageViews that made it live.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace agora {

// A document's front matter as validated, keyed by its type's field names.
struct FrontMatterFields {
  nlohmann::json value = nlohmann::json::object();
};

// Per front matter field: true when the document gives it a non-empty value.
struct FieldFlags {
  std::map<std::string, bool> value;
};

// A string the site holds (a document's title, a type's name), which a view
// shows without copying it: the site outlives every view made of it.
// Templates, the JSON and the contract see a string. A temporary cannot be
// held: it would be gone before the template reads it.
class SiteText {
 public:
  SiteText() = default;
  SiteText(const std::string& text) : text_(&text) {}  // NOLINT: stands for a string
  SiteText(const std::string&&) = delete;
  const std::string& str() const { return *text_; }
  friend bool operator==(const SiteText& a, std::string_view b) { return a.str() == b; }

 private:
  static inline const std::string kEmpty;
  const std::string* text_ = &kEmpty;
};

// ------------------------------------------------------------------ pieces

struct Link {
  static constexpr const char* kName = "Link";
  std::string title;
  std::string url;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "the text of the link");
    v("url", url, "where it goes");
  }
};

struct NavLink {
  static constexpr const char* kName = "NavLink";
  std::string title;
  std::string url;
  bool current = false;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "a content type's title, from site.yaml");
    v("url", url, "its listing");
    v("current", current, "the page is the listing or lies under it");
  }
};

struct CountedLink {
  static constexpr const char* kName = "CountedLink";
  std::string title;
  std::string url;
  size_t count = 0;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "what the link names");
    v("url", url, "where it goes");
    v("count", count, "how many documents are there");
  }
};

// One language's version of a page (or its home).
struct LanguageLink {
  static constexpr const char* kName = "LanguageLink";
  std::string code;
  std::string name;
  std::string url;
  std::string hreflang_url;
  std::string direction;
  bool current = false;
  template <typename V>
  void visit(V& v) const {
    v("code", code, "the language's code (\"fr\"), for lang and hreflang attributes");
    v("name", name, "the language's name in itself (\"Français\")");
    v("url", url, "the page in that language");
    v("hreflang_url", hreflang_url,
      "the same, absolute when site.yaml has a base_url (for <link rel=alternate hreflang>)");
    v("direction", direction, "\"ltr\" or \"rtl\"");
    v("current", current, "it is this page's language");
  }
};

struct Bundle {
  static constexpr const char* kName = "Bundle";
  std::string url;
  std::string size;
  template <typename V>
  void visit(V& v) const {
    v("url", url, "the zip of the offline site");
    v("size", size, "its size for people, \"4.2 MB\"");
  }
};

struct License {
  static constexpr const char* kName = "License";
  std::string name;
  std::string url;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "the content licence's name, from site.yaml (\"CC BY 4.0\")");
    v("url", url, "its text");
  }
};

// The clearing-house's pages, linked from every page when site.yaml has a
// clearing_house directory.
struct SupportLinks {
  static constexpr const char* kName = "SupportLinks";
  std::string find_url;
  std::string request_url;
  std::string dashboard_url;
  std::string needs_url;
  std::string countries_url;
  std::optional<std::string> offer_form_url;
  bool current = false;
  template <typename V>
  void visit(V& v) const {
    v("find_url", find_url, "the Find support page");
    v("request_url", request_url, "the Request support page");
    v("dashboard_url", dashboard_url, "the dashboard of requests and matches");
    v("needs_url", needs_url, "the needs gap map");
    v("countries_url", countries_url, "support by country");
    v("offer_form_url", offer_form_url,
      "the issue form that offers support (site.yaml forms), or false");
    v("current", current, "the page is one of these");
  }
};

// The part of every page that describes the site.
struct SiteInfo {
  static constexpr const char* kName = "SiteInfo";
  std::string title;
  std::string description;
  std::string language;
  std::string direction;
  std::string root;
  std::string home_url;
  std::string css_url;
  std::string search_url;
  std::string search_path;
  std::vector<std::string> search_scripts;
  std::string feed_url;
  std::string downloads_url;
  bool offline = false;
  std::vector<NavLink> nav;
  std::vector<Link> taxonomies;
  std::optional<Bundle> bundle;
  std::optional<std::string> gap_map_url;
  std::optional<License> license;
  std::optional<SupportLinks> support;
  std::vector<LanguageLink> languages;
  bool has_languages = false;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "site.yaml's title");
    v("description", description, "site.yaml's description");
    v("language", language, "the page's language code (\"en\")");
    v("direction", direction, "\"ltr\" or \"rtl\"");
    v("root", root, "the site root as a folder prefix for assets (\"../../\"), never a page link");
    v("home_url", home_url, "the home page");
    v("css_url", css_url, "the theme's stylesheet, css/site.css");
    v("search_url", search_url, "the search page");
    v("search_path", search_path,
      "the folder of this language's search files, from the site root (\"fr/search/\")");
    v("search_scripts", search_scripts,
      "the scripts this language's search loads after lunr.js, in order, from the site root "
      "(\"fr/search/lunr.fr.min.js\"); empty for English");
    v("feed_url", feed_url, "the Atom feed");
    v("downloads_url", downloads_url, "the open data page");
    v("offline", offline, "the build is for file:// (links end in index.html)");
    v("nav", nav, "one link per content type, in site.yaml order");
    v("taxonomies", taxonomies, "the taxonomies in use that have pages of their own");
    v("bundle", bundle, "the offline zip, when the build makes one");
    v("gap_map_url", gap_map_url, "the gap map, when site.yaml's browse section asks for one");
    v("license", license, "the content licence, when site.yaml names one");
    v("support", support, "the clearing-house's pages, when site.yaml has a directory");
    v("languages", languages, "every language of the site, each linking to its home page");
    v("has_languages", has_languages, "the site has more than one language");
  }
};

struct Crumb {
  static constexpr const char* kName = "Crumb";
  std::string title;
  std::string url;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "an ancestor page's title");
    v("url", url, "that page");
  }
};

// The part of every page that describes the page itself.
struct PageInfo {
  static constexpr const char* kName = "PageInfo";
  std::string kind;
  std::string title;
  std::string description;
  std::string path;
  std::string canonical;
  std::vector<Crumb> breadcrumbs;
  bool has_breadcrumbs = false;
  std::vector<LanguageLink> translations;
  bool has_translations = false;
  template <typename V>
  void visit(V& v) const {
    v("kind", kind,
      "home, listing, facet, gap-cell, term, taxonomy, gap-map, document, downloads, search, "
      "404, support, providers, countries, request-support, dashboard or needs-map");
    v("title", title, "the page's title");
    v("description", description, "a sentence for <meta name=description>");
    v("path", path, "the page's folder, site-relative (\"case-studies/giga/\"; \"\" for home)");
    v("canonical", canonical, "its absolute URL from site.yaml's base_url; \"\" without one");
    v("breadcrumbs", breadcrumbs,
      "the pages above this one, home first; the page itself is not in it");
    v("has_breadcrumbs", has_breadcrumbs, "breadcrumbs is not empty");
    v("translations", translations,
      "this page in each language it exists in, this one included (the language switcher)");
    v("has_translations", has_translations, "the page exists in more than one language");
    // The keys are made once: a template's every lookup in `page` comes
    // through here.
    static const std::vector<std::string> flags = [] {
      std::vector<std::string> keys;
      for (const char* page_kind : kPageKinds) keys.push_back(std::string("is_") + page_kind);
      return keys;
    }();
    for (size_t i = 0; i < flags.size(); ++i) {
      v(flags[i], kind == kPageKinds[i], "true on a page of that kind only");
    }
  }
  static constexpr const char* kPageKinds[] = {
      "home",      "listing",         "facet",     "gap-cell",  "term",     "taxonomy",
      "gap-map",   "document",        "downloads", "search",    "404",      "support",
      "providers", "request-support", "dashboard", "needs-map", "countries"};
};

// One document in a list.
// Most of it is the site's own text, shown in place: a listing page has
// dozens of items, and a site tens of thousands of listing pages.
struct ListingItem {
  static constexpr const char* kName = "ListingItem";
  SiteText title;
  std::string url;
  SiteText date;
  SiteText date_display;
  SiteText summary;
  SiteText type;
  SiteText type_singular;
  std::string type_url;
  bool example = false;
  bool fallback = false;
  SiteText language;
  SiteText fallback_note;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "the document's title");
    v("url", url, "its page");
    v("date", date, "its date, YYYY-MM-DD (for <time datetime>)");
    v("date_display", date_display, "the same date in the page's language (\"10 December 2019\")");
    v("summary", summary, "its summary");
    v("type", type, "its content type's name (\"case-studies\")");
    v("type_singular", type_singular, "the type's singular title (\"Case study\")");
    v("type_url", type_url, "the type's listing");
    v("example", example, "site.yaml's example field is true: an illustration, not a real case");
    v("fallback", fallback,
      "the document has no version in this page's language: this is the original, in its own");
    v("language", language, "the document's language code");
    v("fallback_note", fallback_note,
      "for a fallback, the i18n message fallback_note (\"Not translated yet: in English\")");
  }
};

struct PageNumber {
  static constexpr const char* kName = "PageNumber";
  size_t number = 0;
  std::string url;
  bool current = false;
  bool gap = false;
  template <typename V>
  void visit(V& v) const {
    v("number", number, "1, 2, ...");
    v("url", url, "that page of the list");
    v("current", current, "it is this page");
    v("gap", gap, "pages are left out between the one before and this one");
  }
};

struct Pagination {
  static constexpr const char* kName = "Pagination";
  size_t current = 1;
  size_t total = 1;
  std::vector<PageNumber> pages;
  bool paginated = false;
  std::optional<std::string> prev_url;
  std::optional<std::string> next_url;
  template <typename V>
  void visit(V& v) const {
    v("current", current, "this page's number");
    v("total", total, "the number of pages");
    v("pages", pages,
      "the pages to link: the first, the last and the two on each side of this one");
    v("paginated", paginated, "there is more than one page");
    v("prev_url", prev_url, "the previous page, or false on the first");
    v("next_url", next_url, "the next page, or false on the last");
  }
};

struct FilterChip {
  static constexpr const char* kName = "FilterChip";
  std::string name;
  std::string url;
  size_t count = 0;
  bool current = false;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "a term's name");
    v("url", url, "the listing narrowed to that term (a facet page)");
    v("count", count, "how many documents of the type use the term");
    v("current", current, "this page is that facet");
  }
};

struct FilterGroup {
  static constexpr const char* kName = "FilterGroup";
  std::string title;
  std::string singular;
  std::string label;
  std::string name;
  bool open = false;
  std::vector<FilterChip> chips;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "the taxonomy's title");
    v("singular", singular, "its singular title");
    v("label", label, "the i18n message filter_by (\"Filter by theme\")");
    v("name", name, "the taxonomy's name in site.yaml");
    v("open", open,
      "show the group unfolded: on the unfiltered listing, or when it holds the "
      "current facet");
    v("chips", chips, "one per term in use, by name");
  }
};

struct Filters {
  static constexpr const char* kName = "Filters";
  std::vector<FilterGroup> groups;
  bool has_filters = false;
  std::string all_url;
  std::string all_title;
  bool filtered = false;
  template <typename V>
  void visit(V& v) const {
    v("groups", groups, "one per facet taxonomy (site.yaml browse.facets) the type uses");
    v("has_filters", has_filters, "groups is not empty");
    v("all_url", all_url, "the unfiltered listing");
    v("all_title", all_title, "the i18n message all_of (\"All case studies\")");
    v("filtered", filtered, "this page is a facet");
  }
};

struct Listing {
  static constexpr const char* kName = "Listing";
  std::string title;
  std::optional<std::string> type;
  std::optional<std::string> description;
  std::optional<std::string> term_name;
  std::optional<std::string> term_url;
  std::optional<std::string> kicker;
  std::optional<std::string> kicker_url;
  std::optional<Filters> filters;
  std::vector<ListingItem> items;
  size_t count = 0;
  std::string count_label;
  Pagination pagination;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "the list's title");
    v("type", type, "the content type listed, or false for mixed lists");
    v("description", description, "a term's description, or false");
    v("term_name", term_name, "on a facet: the term's name, or false");
    v("term_url", term_url, "on a facet: the term's own page, or false");
    v("kicker", kicker, "a line above the title (on gap-map cells: the gap map), or false");
    v("kicker_url", kicker_url, "where the kicker links, or false");
    v("filters", filters, "filter chips, on a type's listing and its facets; false elsewhere");
    v("items", items, "this page's documents, newest first");
    v("count", count, "the number of documents in the whole list");
    v("count_label", count_label, "the i18n plural message documents (\"12 documents\")");
    v("pagination", pagination, "links between the pages of the list");
  }
};

struct TypeCount {
  static constexpr const char* kName = "TypeCount";
  std::string title;
  std::string singular;
  std::string url;
  size_t count = 0;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "a content type's title");
    v("singular", singular, "its singular title");
    v("url", url, "its listing (or, on a term page, the term narrowed to the type)");
    v("count", count, "how many documents");
  }
};

struct TermCount {
  static constexpr const char* kName = "TermCount";
  std::string name;
  std::string url;
  size_t count = 0;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "a term's name");
    v("url", url, "its page");
    v("count", count, "how many documents use it");
  }
};

struct WayIn {
  static constexpr const char* kName = "WayIn";
  std::string title;
  std::string title_lower;
  std::string all_label;
  std::string id;
  std::string url;
  std::vector<TermCount> terms;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "a facet taxonomy's title");
    v("title_lower", title_lower, "the same, lower-cased (ASCII)");
    v("all_label", all_label, "the i18n message all_of for the taxonomy (\"All themes\")");
    v("id", id, "an HTML id for its section (\"by-themes\")");
    v("url", url, "the taxonomy's page");
    v("terms", terms, "every term in use, most used first");
  }
};

struct Home {
  static constexpr const char* kName = "Home";
  std::vector<ListingItem> latest;
  std::vector<TypeCount> types;
  std::vector<WayIn> ways_in;
  std::vector<CountedLink> more;
  bool has_gap_map = false;
  std::string gap_map_text;
  size_t document_count = 0;
  std::string document_count_label;
  template <typename V>
  void visit(V& v) const {
    v("latest", latest, "the newest documents of every type");
    v("types", types, "every content type with its count");
    v("ways_in", ways_in, "the facet taxonomies, with their terms");
    v("more", more, "the other taxonomies in use, one link each");
    v("has_gap_map", has_gap_map, "the site has a gap map");
    v("gap_map_text", gap_map_text, "the i18n message home_gap_text for the site's gap map");
    v("document_count", document_count, "the number of published documents");
    v("document_count_label", document_count_label,
      "the i18n plural message documents for it (\"117 documents\")");
  }
};

struct TermInfo {
  static constexpr const char* kName = "TermInfo";
  std::string name;
  std::string id;
  std::optional<std::string> description;
  std::string taxonomy;
  std::string singular;
  std::string taxonomy_url;
  bool has_types = false;
  std::vector<TypeCount> types;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "the term's name");
    v("id", id, "its id, as in its URL");
    v("description", description, "its description from the vocabulary, or false");
    v("taxonomy", taxonomy, "the taxonomy's title");
    v("singular", singular, "the taxonomy's singular title");
    v("taxonomy_url", taxonomy_url, "the taxonomy's page");
    v("has_types", has_types, "documents of more than one type use the term");
    v("types", types, "the term narrowed to each type that uses it (facet pages)");
  }
};

struct TermEntry {
  static constexpr const char* kName = "TermEntry";
  std::string name;
  std::optional<std::string> description;
  std::string url;
  size_t count = 0;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "a term's name");
    v("description", description, "its description, or false");
    v("url", url, "its page");
    v("count", count, "how many documents use it");
  }
};

struct TaxonomyInfo {
  static constexpr const char* kName = "TaxonomyInfo";
  std::string title;
  std::string singular;
  std::vector<TermEntry> terms;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "the taxonomy's title");
    v("singular", singular, "its singular title");
    v("terms", terms, "every term in use, by name");
  }
};

struct GapCellView {
  static constexpr const char* kName = "GapCellView";
  size_t count = 0;
  int shade = 0;
  std::string column;
  std::optional<std::string> url;
  template <typename V>
  void visit(V& v) const {
    v("count", count, "documents in the cell");
    v("shade", shade, "0 (empty) to 4 (the fullest cell)");
    v("column", column, "the column term's name");
    v("url", url, "the cell's list of documents, or false when empty");
  }
};

struct GapRow {
  static constexpr const char* kName = "GapRow";
  std::string name;
  bool narrower = false;
  std::optional<std::string> url;
  size_t total = 0;
  std::vector<GapCellView> cells;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "the row term's name");
    v("narrower", narrower, "the term has a parent term");
    v("url", url, "the term's page, or false when no document uses it");
    v("total", total, "the sum of the row's cells");
    v("cells", cells, "one per column");
  }
};

struct GapColumn {
  static constexpr const char* kName = "GapColumn";
  std::string name;
  std::optional<std::string> url;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "the column term's name");
    v("url", url, "the term's page, or false when no document uses it");
  }
};

struct GapMapView {
  static constexpr const char* kName = "GapMapView";
  std::vector<GapRow> rows;
  std::vector<GapColumn> columns;
  std::string rows_title;
  std::string columns_title;
  std::string row_name;
  std::string column_name;
  std::string types;
  std::string types_lower;
  size_t max = 0;
  size_t empty_cells = 0;
  size_t cell_count = 0;
  std::string intro;
  std::string empty_line;
  std::string rollup;
  std::string table_title;
  std::string caption;
  template <typename V>
  void visit(V& v) const {
    v("rows", rows, "one per term of the rows taxonomy");
    v("columns", columns, "the top-level terms of the columns taxonomy");
    v("rows_title", rows_title, "the rows taxonomy's title");
    v("columns_title", columns_title, "the columns taxonomy's title");
    v("row_name", row_name, "the rows taxonomy's singular title, lower-cased (ASCII)");
    v("column_name", column_name, "the columns taxonomy's singular title, lower-cased (ASCII)");
    v("types", types,
      "the counted types' titles as a list (i18n list_and: \"Initiatives and "
      "case studies\")");
    v("types_lower", types_lower, "the same, lower-cased (ASCII)");
    v("max", max, "the fullest cell's count");
    v("empty_cells", empty_cells, "how many cells are empty");
    v("cell_count", cell_count, "how many cells there are");
    v("intro", intro, "the i18n message gap_map_intro");
    v("empty_line", empty_line, "the i18n message gap_map_empty");
    v("rollup", rollup, "the i18n message gap_map_rollup");
    v("table_title", table_title, "the i18n message gap_map_table_title");
    v("caption", caption, "the i18n message gap_map_caption");
  }
};

struct DownloadFormat {
  static constexpr const char* kName = "DownloadFormat";
  std::string format;
  std::string url;
  std::string size;
  template <typename V>
  void visit(V& v) const {
    v("format", format, "JSON or CSV");
    v("url", url, "the file");
    v("size", size, "its size for people");
  }
};

struct DownloadType {
  static constexpr const char* kName = "DownloadType";
  std::string title;
  size_t count = 0;
  std::vector<DownloadFormat> formats;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "a content type's title");
    v("count", count, "its number of documents");
    v("formats", formats, "its files");
  }
};

struct Downloads {
  static constexpr const char* kName = "Downloads";
  std::vector<DownloadType> types;
  template <typename V>
  void visit(V& v) const {
    v("types", types, "one per content type");
  }
};

struct TocItem {
  static constexpr const char* kName = "TocItem";
  int level = 0;
  std::string id;
  std::string text;
  template <typename V>
  void visit(V& v) const {
    v("level", level, "the heading's level, 2 to 4");
    v("id", id, "its anchor");
    v("text", text, "its plain text");
  }
};

struct TermLink {
  static constexpr const char* kName = "TermLink";
  std::string id;
  std::string name;
  std::string url;
  template <typename V>
  void visit(V& v) const {
    v("id", id, "the term's id, or the slug of the document named");
    v("name", name, "its name, or the document's title");
    v("url", url, "its page");
  }
};

// A field of terms or references, as links.
struct MetadataField {
  static constexpr const char* kName = "MetadataField";
  std::string field;
  std::string label;
  std::vector<TermLink> items;
  template <typename V>
  void visit(V& v) const {
    v("field", field, "the field's name in site.yaml");
    v("label", label, "its label");
    v("items", items, "the terms or documents it names");
  }
};

// A single-value field (string, text, enum, date, url).
struct Fact {
  static constexpr const char* kName = "Fact";
  std::string field;
  std::string label;
  std::string value;
  std::optional<std::string> url;
  template <typename V>
  void visit(V& v) const {
    v("field", field, "the field's name in site.yaml");
    v("label", label, "its label");
    v("value", value, "its value; a date in the page's language");
    v("url", url, "for a url field, the same URL to link; false otherwise");
  }
};

// A list-of-strings field.
struct FieldList {
  static constexpr const char* kName = "FieldList";
  std::string field;
  std::string label;
  std::vector<std::string> items;
  template <typename V>
  void visit(V& v) const {
    v("field", field, "the field's name in site.yaml");
    v("label", label, "its label");
    v("items", items, "its values (use {{.}})");
  }
};

// One object of a list-of-objects field, in the shape any schema fits: its
// first string field is the title, its first url field the link, its first
// date field the date; the other fields are details.
struct Record {
  static constexpr const char* kName = "Record";
  std::string title;
  std::optional<std::string> url;
  std::optional<std::string> date;
  std::optional<std::string> date_display;
  bool date_first = false;
  std::vector<Fact> details;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "the first string field's value");
    v("url", url, "the first url field's value, or false");
    v("date", date, "the first date field's value (YYYY-MM-DD), or false");
    v("date_display", date_display, "that date in the page's language, or false");
    v("date_first", date_first, "the schema puts the date before the title (a timeline)");
    v("details", details, "the object's other non-empty fields");
  }
};

// A list-of-objects field (sources, timeline, ...).
struct RecordList {
  static constexpr const char* kName = "RecordList";
  std::string field;
  std::string label;
  bool dated = false;
  std::vector<Record> items;
  template <typename V>
  void visit(V& v) const {
    v("field", field, "the field's name in site.yaml");
    v("label", label, "its label");
    v("dated", dated, "the objects' first field is a date: a chronology (an ordered list)");
    v("items", items, "its objects, in the file's order");
  }
};

// Documents that name this one through one role (site.yaml's backlinks).
struct BacklinkGroup {
  static constexpr const char* kName = "BacklinkGroup";
  std::string group;
  std::string label;
  size_t count = 0;
  std::vector<ListingItem> items;
  template <typename V>
  void visit(V& v) const {
    v("group", group, "the group's name in site.yaml, or field:NAME for an undeclared field");
    v("label", label, "its label (site.yaml), or the i18n message named_in");
    v("count", count, "how many documents");
    v("items", items, "the documents, newest first, each in its first group only");
  }
};

struct ContributorView {
  static constexpr const char* kName = "ContributorView";
  std::string name;
  int commits = 0;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "an author of the file's commits");
    v("commits", commits, "how many");
  }
};

// ------------------------------------------------------- the clearing-house
// (docs/CLEARING-HOUSE.md): suggested matches on requests, the "Find
// support" pages, the dashboard and the needs gap map.

// How one criterion of site.yaml's clearing_house.matching went for a
// suggested offer.
struct MatchReason {
  static constexpr const char* kName = "MatchReason";
  std::string criterion;
  std::string outcome;
  std::string text;
  template <typename V>
  void visit(V& v) const {
    v("criterion", criterion, "the criterion's name in site.yaml (\"services\", \"place\")");
    v("outcome", outcome,
      "\"hit\" (the offer covers all the request wants), \"partial\" or \"miss\"");
    v("hit", outcome == "hit", "outcome is hit");
    v("partial", outcome == "partial", "outcome is partial");
    v("miss", outcome == "miss", "outcome is miss");
    v("text", text,
      "the i18n message match_reasons.CRITERION.OUTCOME (\"serves Western Africa\"); \"\" "
      "when the theme has none");
  }
};

// An offer the build suggests for an open request (model/matching.h).
struct SuggestedMatch {
  static constexpr const char* kName = "SuggestedMatch";
  size_t rank = 0;
  ListingItem offer;
  std::vector<TermLink> providers;
  std::vector<MatchReason> reasons;
  std::string summary;
  template <typename V>
  void visit(V& v) const {
    v("rank", rank, "1 for the best suggestion");
    v("offer", offer, "the offer");
    v("providers", providers, "the organizations that make it");
    v("reasons", reasons, "one per criterion the request names terms for, in site.yaml order");
    v("summary", summary,
      "the reasons' texts as one list (\"same service, serves Western Africa, works in "
      "French\")");
  }
};

struct DocumentView {
  static constexpr const char* kName = "DocumentView";
  ListingItem item;  // title, url, date, ... are the document's own
  FrontMatterFields fields;
  FieldFlags has;
  std::string type_title;
  std::string content;
  std::vector<TocItem> toc;
  std::string toc_html;
  bool has_toc = false;
  std::vector<MetadataField> metadata;
  std::vector<Fact> facts;
  std::vector<FieldList> lists;
  std::vector<RecordList> records;
  std::vector<ListingItem> related;
  bool has_related = false;
  std::vector<BacklinkGroup> mentions;
  bool has_mentions = false;
  int word_count = 0;
  std::optional<std::string> updated_display;
  std::string last_updated;
  std::string last_updated_display;
  std::vector<ContributorView> contributors;
  bool has_contributors = false;
  std::optional<std::string> edit_url;
  std::optional<std::string> history_url;
  std::string source_path;
  std::optional<LanguageLink> original;
  bool awaiting_match = false;
  std::vector<SuggestedMatch> suggestions;
  bool has_suggestions = false;
  std::vector<ListingItem> taken_up;
  bool has_taken_up = false;
  template <typename V>
  void visit(V& v) const {
    item.visit(v);
    v("fields", fields,
      "the front matter as validated, by field name (dates YYYY-MM-DD, terms as ids)");
    v("has", has, "per field name: the document gives it a non-empty value");
    v("type_title", type_title, "the type's title (\"Case studies\")");
    v("content", content, "the body as HTML (use {{{document.content}}})");
    v("toc", toc, "the body's h2-h4 headings");
    v("toc_html", toc_html, "the table of contents as nested <ol>, \"\" for fewer than 3 headings");
    v("has_toc", has_toc, "toc_html is not empty");
    v("metadata", metadata, "term and reference fields, in schema order, as links");
    v("facts", facts, "single-value fields, in schema order");
    v("lists", lists, "list-of-strings fields, in schema order");
    v("records", records, "list-of-objects fields, in schema order");
    v("related", related, "up to 5 documents sharing the most terms");
    v("has_related", has_related, "related is not empty");
    v("mentions", mentions, "documents that name this one, grouped by role");
    v("has_mentions", has_mentions, "mentions is not empty");
    v("word_count", word_count, "words in the body");
    v("updated_display", updated_display, "the updated field in the page's language, or false");
    v("last_updated", last_updated, "the last commit's date, else updated, else date (YYYY-MM-DD)");
    v("last_updated_display", last_updated_display, "the same in the page's language");
    v("contributors", contributors, "authors of the file's commits, most commits first");
    v("has_contributors", has_contributors, "contributors is not empty");
    v("edit_url", edit_url,
      "the file's edit page in the repository (site.yaml repository), or false");
    v("history_url", history_url, "its history, or false");
    v("source_path", source_path, "the Markdown file, \"content/TYPE/SLUG.md\"");
    v("original", original, "for a translation, the original it renders; false otherwise");
    v("awaiting_match", awaiting_match,
      "a request of the clearing-house with an open status: it shows suggestions");
    v("suggestions", suggestions,
      "for an open request, the best offers (site.yaml clearing_house.matching), best first");
    v("has_suggestions", has_suggestions, "suggestions is not empty");
    v("taken_up", taken_up,
      "for an organization, the requests matched with one of its offers, newest first");
    v("has_taken_up", has_taken_up, "taken_up is not empty");
  }
};

// ------------------------------------------------------------------- pages
// One struct per template that the generator renders. Every page also sees
// `i18n`: the theme's words for the page's language.

struct HomePage {
  static constexpr const char* kName = "HomePage";
  SiteInfo site;
  PageInfo page;
  Home home;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("home", home, "what the home page shows");
  }
};

// Listings of a type, facets (a type narrowed to a term) and gap-map cells.
struct ListingPage {
  static constexpr const char* kName = "ListingPage";
  SiteInfo site;
  PageInfo page;
  Listing listing;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("listing", listing, "the list");
  }
};

struct TermPage {
  static constexpr const char* kName = "TermPage";
  SiteInfo site;
  PageInfo page;
  Listing listing;
  TermInfo term;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("listing", listing, "the term's documents");
    v("term", term, "the term");
  }
};

struct TaxonomyPage {
  static constexpr const char* kName = "TaxonomyPage";
  SiteInfo site;
  PageInfo page;
  TaxonomyInfo taxonomy;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("taxonomy", taxonomy, "the taxonomy and its terms");
  }
};

struct GapMapPage {
  static constexpr const char* kName = "GapMapPage";
  SiteInfo site;
  PageInfo page;
  GapMapView gap_map;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("gap_map", gap_map, "the table");
  }
};

struct DocumentPage {
  static constexpr const char* kName = "DocumentPage";
  SiteInfo site;
  PageInfo page;
  DocumentView document;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("document", document, "the document");
  }
};

struct DownloadsPage {
  static constexpr const char* kName = "DownloadsPage";
  SiteInfo site;
  PageInfo page;
  Downloads downloads;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("downloads", downloads, "the open data files");
  }
};

// The search page and the 404 page: the shared part only.
struct PlainPage {
  static constexpr const char* kName = "PlainPage";
  SiteInfo site;
  PageInfo page;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
  }
};

// ------------------------------------------------------ clearing-house pages
// The "Find support" section (docs/CLEARING-HOUSE.md): built only when
// site.yaml has clearing_house.directory.

struct SupportCellView {
  static constexpr const char* kName = "SupportCellView";
  size_t count = 0;
  std::string column;
  std::optional<std::string> url;
  template <typename V>
  void visit(V& v) const {
    v("count", count, "help desks and offers of the row's service serving the column's region");
    v("column", column, "the column region's name");
    v("url", url, "the page that lists them, or false when there are none");
  }
};

struct SupportRow {
  static constexpr const char* kName = "SupportRow";
  std::string name;
  std::optional<std::string> url;
  std::vector<SupportCellView> cells;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "a service's name");
    v("url", url, "the service's term page, or false when no document names it");
    v("cells", cells, "one per column");
  }
};

struct SupportHub {
  static constexpr const char* kName = "SupportHub";
  std::vector<TypeCount> types;
  std::vector<GapColumn> columns;
  std::vector<SupportRow> rows;
  std::string rows_title;
  std::string columns_title;
  template <typename V>
  void visit(V& v) const {
    v("types", types, "the directory's types (help desks, offers) with their counts");
    v("columns", columns, "the top-level regions");
    v("rows", rows, "one per service, in vocabulary order");
    v("rows_title", rows_title, "the services taxonomy's title");
    v("columns_title", columns_title, "the regions taxonomy's title");
  }
};

// A help desk or an offer in a list of who can help.
struct ProviderEntry {
  static constexpr const char* kName = "ProviderEntry";
  ListingItem item;
  std::vector<TermLink> services;
  std::vector<TermLink> places;
  template <typename V>
  void visit(V& v) const {
    v("item", item, "the help desk or offer");
    v("services", services, "the services it gives");
    v("places", places, "where it works: its countries and regions");
  }
};

struct ProviderGroup {
  static constexpr const char* kName = "ProviderGroup";
  std::string title;
  size_t count = 0;
  std::vector<ProviderEntry> entries;
  template <typename V>
  void visit(V& v) const {
    v("title", title,
      "on a country page, the i18n message serving_area (\"Serving Western Africa\"); on a "
      "service and region page, the type's title");
    v("count", count, "how many entries");
    v("entries", entries, "the help desks and offers, in listing order");
  }
};

struct ProviderList {
  static constexpr const char* kName = "ProviderList";
  std::string title;
  std::string kicker;
  std::string kicker_url;
  std::optional<std::string> description;
  std::vector<ProviderGroup> groups;
  size_t count = 0;
  std::string count_label;
  std::vector<ListingItem> requests;
  bool has_requests = false;
  std::optional<std::string> request_url;
  std::optional<std::string> offer_url;
  std::optional<std::string> term_url;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "a country's name, or \"SERVICE in REGION\" (i18n gap_cell_title)");
    v("kicker", kicker, "the page above: Find support, or support by country");
    v("kicker_url", kicker_url, "its URL");
    v("description", description, "the service's description, or false");
    v("groups", groups, "on a country page, by the area they serve, nearest first; else by type");
    v("count", count, "help desks and offers in all groups");
    v("count_label", count_label, "the i18n plural message providers (\"3 providers\")");
    v("requests", requests, "on a country page, the requests from the country");
    v("has_requests", has_requests, "requests is not empty");
    v("request_url", request_url,
      "the request form prefilled for this country or service and region, or false");
    v("offer_url", offer_url, "the offer form prefilled the same way, or false");
    v("term_url", term_url, "the country's page of documents, or false when none names it");
  }
};

struct CountryGroup {
  static constexpr const char* kName = "CountryGroup";
  std::string name;
  std::string id;
  std::vector<TermCount> countries;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "a region's name (the countries' broader term)");
    v("id", id, "an HTML id for its section");
    v("countries", countries,
      "its countries by name; count is how many help desks and offers serve each");
  }
};

struct CountriesView {
  static constexpr const char* kName = "CountriesView";
  std::string title;
  std::vector<CountryGroup> groups;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "the i18n message support_by_country");
    v("groups", groups, "countries by region, in the regions' vocabulary order");
  }
};

struct RequestSupport {
  static constexpr const char* kName = "RequestSupport";
  std::string form_name;
  std::optional<std::string> issue_url;
  std::optional<std::string> email;
  std::optional<std::string> mailto_url;
  std::optional<std::string> offer_url;
  std::vector<std::string> fields;
  template <typename V>
  void visit(V& v) const {
    v("form_name", form_name, "the request form's name (site.yaml forms)");
    v("issue_url", issue_url,
      "the new-issue link with the request form, every value percent-encoded; false without a "
      "repository");
    v("email", email, "the address for requests by email (clearing_house.email), or false");
    v("mailto_url", mailto_url,
      "a mailto: link to it with the form's title as subject and its fields' labels as body");
    v("offer_url", offer_url, "the new-issue link with the offer form, or false");
    v("fields", fields, "the labels of the fields the form asks, in order (use {{.}})");
  }
};

struct FigureRow {
  static constexpr const char* kName = "FigureRow";
  std::string name;
  std::optional<std::string> url;
  size_t real = 0;
  size_t examples = 0;
  size_t total = 0;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "a status value, a term's name or a quarter (\"2022-Q3\")");
    v("url", url, "the term's page, or false");
    v("real", real, "real requests");
    v("examples", examples, "illustrative examples, counted apart");
    v("total", total, "both");
  }
};

// A horizontal bar chart as inline SVG: coordinates in SVG units, computed
// by the generator; the theme draws it.
struct ChartBar {
  static constexpr const char* kName = "ChartBar";
  std::string label;
  size_t value = 0;
  int label_y = 0;
  int bar_y = 0;
  int real_width = 0;
  int examples_x = 0;
  int examples_width = 0;
  int value_x = 0;
  template <typename V>
  void visit(V& v) const {
    v("label", label, "the bar's name");
    v("value", value, "real cases and examples together");
    v("label_y", label_y, "the label's baseline");
    v("bar_y", bar_y, "the bar's top");
    v("real_width", real_width, "the real cases' part, from x = 0");
    v("examples_x", examples_x, "where the examples' part starts");
    v("examples_width", examples_width, "its width");
    v("value_x", value_x, "where the value is written, after the bar");
  }
};

struct BarChart {
  static constexpr const char* kName = "BarChart";
  std::string id;
  std::string title;
  std::string description;
  int width = 0;
  int height = 0;
  int bar_height = 0;
  std::vector<ChartBar> bars;
  template <typename V>
  void visit(V& v) const {
    v("id", id, "an HTML id prefix, unique on the page");
    v("title", title, "the chart's title (for <title>)");
    v("description", description,
      "the chart in words, every bar with its figures (for <desc>): its text alternative");
    v("width", width, "the viewBox width");
    v("height", height, "the viewBox height");
    v("bar_height", bar_height, "each bar's height");
    v("bars", bars, "one per row of the table");
  }
};

struct FigureTable {
  static constexpr const char* kName = "FigureTable";
  std::string id;
  std::string title;
  std::string column;
  std::vector<FigureRow> rows;
  bool empty = true;
  BarChart chart;
  template <typename V>
  void visit(V& v) const {
    v("id", id, "an HTML id for its section");
    v("title", title,
      "the i18n message dashboard_by (\"Requests by status\"), or dashboard_quarters");
    v("column", column, "the first column's heading: the field's label");
    v("rows", rows, "one per status value, term in use or quarter");
    v("empty", empty, "no row counts anything");
    v("chart", chart, "the same figures as a bar chart");
  }
};

struct DashboardView {
  static constexpr const char* kName = "DashboardView";
  size_t requests = 0;
  size_t examples = 0;
  size_t successful = 0;
  size_t successful_examples = 0;
  std::optional<std::string> median_days;
  size_t timed_matches = 0;
  size_t undated_matches = 0;
  size_t undated_examples = 0;
  std::vector<FigureTable> breakdowns;
  FigureTable quarters;
  std::vector<DownloadFormat> downloads;
  template <typename V>
  void visit(V& v) const {
    v("requests", requests, "real requests");
    v("examples", examples, "illustrative examples (site.yaml's example field), counted apart");
    v("successful", successful,
      "successful matching cases: real requests with a successful status and a matched offer");
    v("successful_examples", successful_examples, "examples that would count as such");
    v("median_days", median_days,
      "the median days from opened to matched over real requests with both dates, or false");
    v("timed_matches", timed_matches, "how many requests that median is over");
    v("undated_matches", undated_matches,
      "real requests matched on a day no source gives (counted in no quarter)");
    v("undated_examples", undated_examples, "examples matched on an unknown day");
    v("breakdowns", breakdowns, "requests by each field of site.yaml clearing_house.dashboard");
    v("quarters", quarters, "matches per quarter, by the quarter of the first matched status");
    v("downloads", downloads, "the same figures as open data (JSON, CSV)");
  }
};

struct NeedsCellView {
  static constexpr const char* kName = "NeedsCellView";
  std::string column;
  size_t open = 0;
  size_t unmet = 0;
  size_t offers = 0;
  std::string open_label;
  std::string unmet_label;
  std::string offers_label;
  std::optional<std::string> url;
  std::optional<std::string> offers_url;
  template <typename V>
  void visit(V& v) const {
    v("column", column, "the column region's name");
    v("open", open, "open requests for the service here");
    v("unmet", unmet, "of those, the ones no offer can serve");
    v("offers", offers, "offers of the service that serve the region");
    v("gap", unmet > 0, "some demand here has no supply");
    v("has_open", open > 0, "open is above 0");
    v("open_label", open_label, "the i18n plural message needs_open");
    v("unmet_label", unmet_label, "the i18n plural message needs_unmet");
    v("offers_label", offers_label, "the i18n plural message needs_offers");
    v("url", url, "the list of the open requests, or false when there are none");
    v("offers_url", offers_url,
      "the list of who can help here (help desks too), or false when no offer does");
  }
};

struct NeedsRow {
  static constexpr const char* kName = "NeedsRow";
  std::string name;
  std::optional<std::string> url;
  size_t open = 0;
  size_t unmet = 0;
  std::vector<NeedsCellView> cells;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "a service's name");
    v("url", url, "its term page, or false");
    v("open", open, "open requests for it, all regions (a request in two regions counts once)");
    v("unmet", unmet, "of those, unmet");
    v("cells", cells, "one per column");
  }
};

struct NeedsMapView {
  static constexpr const char* kName = "NeedsMapView";
  std::vector<NeedsRow> rows;
  std::vector<GapColumn> columns;
  std::string rows_title;
  std::string columns_title;
  size_t open = 0;
  size_t examples = 0;
  size_t gaps = 0;
  std::string gaps_line;
  std::string examples_line;
  std::string unplaced_line;
  template <typename V>
  void visit(V& v) const {
    v("rows", rows, "one per service");
    v("columns", columns, "the top-level regions");
    v("rows_title", rows_title, "the services taxonomy's title");
    v("columns_title", columns_title, "the regions taxonomy's title");
    v("open", open, "open requests in all");
    v("examples", examples, "of those, illustrative examples");
    v("gaps", gaps, "cells where some demand has no supply");
    v("gaps_line", gaps_line, "the i18n plural message needs_gaps");
    v("examples_line", examples_line, "the i18n plural message needs_examples");
    v("unplaced_line", unplaced_line,
      "the i18n plural message needs_unplaced, \"\" when every open request names a place");
  }
};

struct SupportPage {
  static constexpr const char* kName = "SupportPage";
  SiteInfo site;
  PageInfo page;
  SupportHub support;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("support", support, "who can help, by service and region");
  }
};

// A service in a region, or a country: who can help there.
struct ProvidersPage {
  static constexpr const char* kName = "ProvidersPage";
  SiteInfo site;
  PageInfo page;
  ProviderList providers;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("providers", providers, "who can help");
  }
};

struct CountriesPage {
  static constexpr const char* kName = "CountriesPage";
  SiteInfo site;
  PageInfo page;
  CountriesView countries;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("countries", countries, "every country, by region");
  }
};

struct RequestSupportPage {
  static constexpr const char* kName = "RequestSupportPage";
  SiteInfo site;
  PageInfo page;
  RequestSupport request;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("request", request, "the ways to ask");
  }
};

struct DashboardPage {
  static constexpr const char* kName = "DashboardPage";
  SiteInfo site;
  PageInfo page;
  DashboardView dashboard;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("dashboard", dashboard, "the figures");
  }
};

struct NeedsMapPage {
  static constexpr const char* kName = "NeedsMapPage";
  SiteInfo site;
  PageInfo page;
  NeedsMapView needs;
  template <typename V>
  void visit(V& v) const {
    v("site", site, "the site");
    v("page", page, "this page");
    v("needs", needs, "the table");
  }
};

}  // namespace agora
