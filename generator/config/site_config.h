#pragma once
// The site's configuration, read from site.yaml into typed structs.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/clearing_house_config.h"
#include "config/yaml_load.h"
#include "util/diagnostic.h"

namespace agora {

// Text that site.yaml may give per language: `title: Case studies` or
// `title: {en: Case studies, fr: Études de cas}`. The plain string member
// beside it holds the default language's text.
using Localized = std::map<std::string, std::string>;  // language code -> text

enum class FieldType {
  kString,
  kText,
  kDate,
  kUrl,
  kEnum,
  kBoolean,
  kList,              // list of strings
  kListOfTerms,       // terms of `taxonomy`
  kReference,         // slug of a document of type `target`
  kListOfReferences,  // slugs of documents of type `target`
  kListOfObjects,     // objects described by `fields`
};

// The spelling used in site.yaml ("list-of-terms"), and back.
const char* field_type_name(FieldType type);
std::optional<FieldType> parse_field_type(const std::string& name);

struct FieldSchema {
  std::string name;
  std::string label;  // shown to readers; derived from the name when not set
  Localized labels;   // per language, when site.yaml gives them
  // Other spellings front matter may use for this field ("Title", written
  // for a tool whose keys ignore case).
  std::vector<std::string> aliases;
  FieldType type = FieldType::kString;
  bool required = false;
  std::string description;
  std::vector<std::string> values;  // kEnum
  std::string taxonomy;             // kListOfTerms
  std::string target;               // kReference, kListOfReferences: a type name
  std::vector<FieldSchema> fields;  // kListOfObjects
  int line = 0;                     // where it is declared in site.yaml
};

// How documents that name a document of this type (through a term or
// reference field) are grouped on its page: "Leads" for the fields
// lead_organizations and champions. A field is named alone (any type's
// field of that name) or as "TYPE.FIELD" (one type's). A naming field in no
// group gets a group of its own, labelled by the theme's named_in message.
struct BacklinkGroupConfig {
  std::string name;
  std::string label;
  Localized labels;
  std::vector<std::string> fields;
  int line = 0;
};

struct ContentType {
  std::string name;                            // folder under content/, also the URL segment
  std::string title;                           // "Case studies"
  std::string singular;                        // "Case study"
  Localized titles, singulars;                 // per language
  std::vector<FieldSchema> fields;             // common_fields first, then the type's own
  std::vector<BacklinkGroupConfig> backlinks;  // in site.yaml order
  // False when a document's date is not when it was published (e.g. the day
  // an organization was entered): such documents stay out of newest-first
  // lists across types (latest additions, the feed).
  bool publication_dates = true;

  const FieldSchema* field(const std::string& field_name) const;
};

enum class VocabularyKind { kFile, kIso3166, kDocuments };

struct Taxonomy {
  std::string name;  // key in front matter and URL segment
  std::string title;
  std::string singular;
  Localized titles, singulars;
  VocabularyKind kind = VocabularyKind::kFile;
  std::string file;           // kFile: path relative to the site root
  std::string document_type;  // kDocuments
  // Broader terms in another taxonomy, e.g. each country's region: a YAML
  // mapping file of term -> broader term id(s). Empty: none.
  std::string broader_taxonomy;
  std::string broader_file;

  // URL segment: the name with '_' as '-' ("wsis_action_lines" -> "wsis-action-lines").
  std::string path() const;
};

struct SearchField {
  std::string name;
  double boost = 1.0;
};

// search.shards: when and how the index is cut into term-range shards.
struct SearchShards {
  long long above = 2'000'000;  // bytes of index.json above which the build shards
  long long size = 20'000;      // aimed-at gzip size of one shard, in bytes
  int documents = 4;            // documents per document-store chunk, on average
};

// The browse pages: listings filtered by one term (facets), and the gap map,
// a rows x columns table of two taxonomies counting documents of some types.
// Nothing unless site.yaml's browse section asks for it.
struct BrowseConfig {
  std::vector<std::string> facets;
  std::string gap_rows;
  std::string gap_columns;
  std::vector<std::string> gap_types;
};

// A GitHub issue form that asks for the fields of one content type, and how
// an issue filed with it becomes a content file (agora forms, agora new
// --from-issue).
struct IssueFormConfig {
  std::string type;         // the content type it creates
  std::string file;         // file name under .github/ISSUE_TEMPLATE/
  std::string name;         // shown in GitHub's template chooser
  std::string description;  // shown in GitHub's template chooser
  std::string title;        // the issue title it starts with
  std::vector<std::string> labels;
  std::string intro;                // Markdown shown above the fields
  std::vector<std::string> fields;  // schema fields asked, in order
  std::string body_label;           // a last text area that becomes the Markdown body;
  std::string body_description;     // no body area when body_label is empty
  // Values of fields the form does not ask, by field name; the string
  // "today" stands for the day of conversion.
  nlohmann::json set = nlohmann::json::object();
  int line = 0;
};

// The licence of the content, for readers and mirrors.
struct LicenseInfo {
  std::string name;  // "CC BY 4.0"
  std::string url;
  std::string file;  // the full statement in the repository, if any
};

// Bounds on what one input file may ask of the build, so that no file (or
// pull request) can stall or crash it; site.yaml's `limits:` sets them.
// Each is refused with the file, the line and a hint.
struct Limits {
  long long document_bytes = 1'000'000;  // size of one content file
  int yaml_depth = 64;                   // nesting of YAML mappings and lists
  long long yaml_nodes = 100'000;        // YAML values, aliases expanded
  int table_columns = 100;               // cells in one Markdown table row
  int bracket_depth = 32;                // '[' left open in one paragraph

  YamlLimits yaml() const { return {yaml_depth, yaml_nodes}; }
};

// One language of the site.
struct LanguageConfig {
  std::string code;         // "fr"
  std::string name;         // in the language itself: "Français"
  std::string direction;    // "ltr" or "rtl"
  std::string date_format;  // overrides the theme's date_format; "" = the theme's
};

// How translations are laid out under content/.
enum class TranslationLayout {
  kFiles,    // content/TYPE/NAME.LANG.md beside content/TYPE/NAME.md
  kFolders,  // content/LANG/TYPE/NAME.md, paired by a front matter key
};

struct SiteConfig {
  std::string root;  // directory that holds site.yaml; other paths are relative to it
  std::string title;
  std::string description;
  Localized titles, descriptions;
  std::string base_url;
  std::string language = "en";  // the default language: its pages are at the site root
  // Every language, the default first. Always at least the default.
  std::vector<LanguageConfig> languages;
  TranslationLayout translation_layout = TranslationLayout::kFiles;
  std::string translation_key;  // kFolders: the front matter field that pairs translations
  // Documents may sit in sub-folders of their type's folder (collections
  // imported from other tools); slugs must stay unique within a type.
  bool nested_folders = false;
  // broken_links: warning (imported collections): a site link that goes
  // nowhere is a warning, not an error, and is published as best it can be
  // (see validate/link_targets.h).
  bool broken_links_are_warnings = false;
  std::string theme = "default";
  bool trusted_html = false;
  int page_size = 20;
  int summary_max_length = 320;
  long long attachment_max_bytes = 2'000'000;
  std::string repository_url;
  std::string repository_branch = "main";
  // Where the site root sits inside the repository ("" = its top, or
  // "sites/kb"), so edit and history links name the right file.
  std::string repository_path;
  std::vector<Taxonomy> taxonomies;  // in site.yaml order
  std::vector<ContentType> types;    // in site.yaml order
  std::vector<SearchField> search_fields{{"title", 10}, {"summary", 5}, {"terms", 3}, {"body", 1}};
  bool search_positions = false;
  SearchShards search_shards;
  BrowseConfig browse;
  ClearingHouseConfig clearing_house;
  std::vector<IssueFormConfig> forms;  // in site.yaml order
  LicenseInfo license;                 // of the content; empty name: none declared
  Limits limits;
  // Precompressed copies written beside each text file, by Content-Encoding
  // name: "br", "gzip"; empty: none. site.yaml's `compress:`.
  std::vector<std::string> compress{"br", "gzip"};

  const ContentType* type(const std::string& name) const;
  const Taxonomy* taxonomy(const std::string& name) const;
  const IssueFormConfig* form(const std::string& type_name) const;
  const LanguageConfig* language_config(const std::string& code) const;
  bool multilingual() const { return languages.size() > 1; }
};

// The configuration as language `code` shows it: every localized title,
// label and description replaced by that language's text where site.yaml
// gives one.
SiteConfig localized_config(const SiteConfig& config, const std::string& code);

// "rtl" for languages written right to left (ar, fa, he, ur...), else "ltr".
std::string text_direction(const std::string& language);

// Parses site.yaml text. `file` names it in diagnostics. Returns nullopt and
// adds errors to diags when the configuration cannot be used.
std::optional<SiteConfig> parse_site_config(const std::string& text, const std::string& file,
                                            Diagnostics* diags);

}  // namespace agora
