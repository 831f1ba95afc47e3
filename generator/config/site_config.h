#pragma once
// The site's configuration, read from site.yaml into typed structs.

#include <optional>
#include <string>
#include <vector>

#include "util/diagnostic.h"

namespace agora {

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
// lead_organizations and champions. A naming field in no group gets a group
// of its own, labelled by the theme's named_in message.
struct BacklinkGroupConfig {
  std::string name;
  std::string label;
  std::vector<std::string> fields;
  int line = 0;
};

struct ContentType {
  std::string name;                            // folder under content/, also the URL segment
  std::string title;                           // "Case studies"
  std::string singular;                        // "Case study"
  std::vector<FieldSchema> fields;             // common_fields first, then the type's own
  std::vector<BacklinkGroupConfig> backlinks;  // in site.yaml order

  const FieldSchema* field(const std::string& field_name) const;
};

enum class VocabularyKind { kFile, kIso3166, kDocuments };

struct Taxonomy {
  std::string name;  // key in front matter and URL segment
  std::string title;
  std::string singular;
  VocabularyKind kind = VocabularyKind::kFile;
  std::string file;           // kFile: path relative to the site root
  std::string document_type;  // kDocuments

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

struct SiteConfig {
  std::string root;  // directory that holds site.yaml; other paths are relative to it
  std::string title;
  std::string description;
  std::string base_url;
  std::string language = "en";
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

  const ContentType* type(const std::string& name) const;
  const Taxonomy* taxonomy(const std::string& name) const;
};

// Parses site.yaml text. `file` names it in diagnostics. Returns nullopt and
// adds errors to diags when the configuration cannot be used.
std::optional<SiteConfig> parse_site_config(const std::string& text, const std::string& file,
                                            Diagnostics* diags);

}  // namespace agora
