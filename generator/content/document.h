#pragma once
// One content document, as loading and validation leave it: front matter
// checked against its type, the body parsed once, every link resolved.

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "content/markdown.h"
#include "sources/git_history.h"

namespace agora {

// The front matter fields every document has a place for, whatever its type:
// the generator reads them into Document's members (like Hugo's title, date
// and summary). A site's schema declares them like any other field.
inline constexpr const char* kTitleField = "title";
inline constexpr const char* kDateField = "date";
inline constexpr const char* kUpdatedField = "updated";
inline constexpr const char* kSummaryField = "summary";
inline constexpr const char* kDraftField = "draft";

// Where a link to the site goes, resolved once at load: a page (a document
// or a listing) or a file, plus an anchor. It does not depend on the URL
// style or on the page the link is written in; render maps it to a URL.
struct LinkTarget {
  enum Kind {
    kUnresolved,  // an error was reported; the destination is kept as written
    kAnchor,      // "#fragment" in the same document
    kPage,        // path is a site-relative directory: "organizations/itu/"
    kFile,        // path is a site-relative file: "case-studies/img/map.png"
    kExternal,    // path is an absolute URL (a root-relative link on the site's base_url)
  } kind = kUnresolved;
  std::string path;
  std::string fragment;  // without '#'; "" for none
  std::string document;  // kPage of a document: its group, "organizations/itu"

  bool operator==(const LinkTarget&) const = default;
};

// The terms one field names, e.g. {"lead_organizations", "organizations", ["itu"]}.
struct FieldTerms {
  std::string field;
  std::string taxonomy;
  std::vector<std::string> ids;
};

// A field that names other documents, e.g. {"initiatives", "initiatives", ["giga"]}.
struct FieldReferences {
  std::string field;
  std::string type;
  std::vector<std::string> slugs;
};

struct Document {
  std::string type;         // content type name, the folder under content/
  std::string slug;         // file name without .md
  std::string source_path;  // relative to the site root: "content/TYPE/SLUG.md"
  std::string path;         // output directory, site-relative: "TYPE/SLUG/", "fr/TYPE/SLUG/"

  // Languages. A translation names its original; an original has none.
  std::string language;  // a language code of site.yaml
  std::string original;  // the original's source path; "" for an original
  // The key of the original ("TYPE/SLUG"): the same for a document and all
  // its translations, so links and references find the version in a
  // page's own language.
  std::string group;

  // Front matter, validated. Term fields hold term ids, dates "YYYY-MM-DD".
  nlohmann::json fields = nlohmann::json::object();
  std::string title;
  std::string date;
  std::string updated;
  std::string summary;
  bool draft = false;
  std::vector<FieldTerms> term_fields;                    // in schema order
  std::vector<FieldReferences> reference_fields;          // in schema order
  std::map<std::string, std::vector<std::string>> terms;  // taxonomy -> ids, first use first

  // The body, parsed once (content/markdown.h).
  std::vector<Heading> headings;     // every heading, with its id
  std::vector<LinkReference> links;  // every link and image destination
  std::vector<LinkTarget> targets;   // per link: where it goes (site links only)
  std::vector<TocEntry> toc;
  // The two heavy parts of a document, held by pointer: a copy of the
  // document shares them (unshared_copy does not).
  std::shared_ptr<const BodyHtml> html;           // null when loaded without HTML (check)
  std::shared_ptr<const std::string> plain_text;  // body text without markup, for search
  std::string first_paragraph;
  int word_count = 0;

  // Git history of source_path; empty outside a repository.
  std::string last_updated;
  std::vector<Contributor> contributors;

  bool has_anchor(const std::string& id) const;
  std::string key() const { return type + "/" + slug; }
  bool is_translation() const { return !original.empty(); }
};

// A copy that shares nothing with `doc`, not even its HTML and plain text
// (a plain copy shares them): every block of it is allocated anew.
Document unshared_copy(const Document& doc);

}  // namespace agora
