#include "config/site_config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <set>

#include "config/clearing_house_parser.h"
#include "config/yaml_load.h"
#include "config/yaml_map_reader.h"
#include "util/suggest.h"
#include "util/text.h"

namespace agora {

namespace {

struct FieldTypeName {
  FieldType type;
  const char* name;
};
constexpr FieldTypeName kFieldTypeNames[] = {
    {FieldType::kString, "string"},
    {FieldType::kText, "text"},
    {FieldType::kDate, "date"},
    {FieldType::kUrl, "url"},
    {FieldType::kEnum, "enum"},
    {FieldType::kBoolean, "boolean"},
    {FieldType::kList, "list"},
    {FieldType::kListOfTerms, "list-of-terms"},
    {FieldType::kReference, "reference"},
    {FieldType::kListOfReferences, "list-of-references"},
    {FieldType::kListOfObjects, "list-of-objects"},
};

std::vector<std::string> field_type_names() {
  std::vector<std::string> names;
  for (const auto& entry : kFieldTypeNames) names.push_back(entry.name);
  return names;
}

void fill_labels(std::vector<FieldSchema>* fields, const SiteConfig& config);

class ConfigParser {
 public:
  ConfigParser(const std::string& file, Diagnostics* diags) : file_(file), diags_(diags) {}

  std::optional<SiteConfig> parse(const YAML::Node& root);

 private:
  void parse_repository(YamlMapReader& site, SiteConfig* config);
  void parse_license(YamlMapReader& site, SiteConfig* config);
  void parse_taxonomies(const YAML::Node& node, SiteConfig* config);
  std::vector<FieldSchema> parse_fields(const YAML::Node& node, const std::string& what);
  std::optional<FieldSchema> parse_field(const YAML::Node& node, const std::string& what);
  void parse_types(const YAML::Node& node, const std::vector<FieldSchema>& common,
                   SiteConfig* config);
  std::vector<BacklinkGroupConfig> parse_backlinks(const YAML::Node& node, const std::string& what);
  void parse_search(const YAML::Node& node, SiteConfig* config);
  void parse_browse(const YAML::Node& node, SiteConfig* config);
  void parse_limits(const YAML::Node& node, SiteConfig* config);
  void parse_compress(YamlMapReader& site, SiteConfig* config);
  void check_site_path(const YAML::Node& node, const std::string& path, const std::string& what);
  void check_folder_name(const YAML::Node& node, const std::string& name, const std::string& what);
  void check_browse(const YAML::Node& node, const SiteConfig& config);
  void check_references(const YAML::Node& root, const SiteConfig& config);
  void check_field_targets(const std::vector<FieldSchema>& fields, const SiteConfig& config);
  void parse_languages(YamlMapReader& site, SiteConfig* config);
  void parse_translations(const YAML::Node& node, SiteConfig* config);
  // A text that may be given per language ({en: ..., fr: ...}): the default
  // language's text goes to *out, every language's to *per_language.
  bool text(YamlMapReader& reader, const char* key, std::string* out, Localized* per_language,
            bool required = false);
  void check_localized_languages(const SiteConfig& config);

  const std::string& file_;
  Diagnostics* diags_;
  std::string default_language_ = "en";
  // Every per-language key met, to check against the declared languages.
  std::vector<std::pair<YAML::Node, std::string>> localized_keys_;
};

bool ConfigParser::text(YamlMapReader& reader, const char* key, std::string* out,
                        Localized* per_language, bool required) {
  YAML::Node value = reader.node(key);
  if (!value || !value.IsMap()) return reader.get(key, out, required);
  per_language->clear();
  for (const auto& kv : value) {
    if (!kv.second.IsScalar()) {
      reader.error(kv.second, "wrong-type",
                   "'" + std::string(key) + "' in a language must be a string");
      continue;
    }
    (*per_language)[kv.first.Scalar()] = kv.second.Scalar();
    localized_keys_.emplace_back(kv.first, kv.first.Scalar());
  }
  auto own = per_language->find(default_language_);
  if (own != per_language->end()) {
    *out = own->second;
  } else if (!per_language->empty()) {
    reader.error(value, "missing-language",
                 "'" + std::string(key) + "' has no text for the default language '" +
                     default_language_ + "'",
                 "add " + default_language_ + ": ... to it");
  }
  return !per_language->empty();
}

void ConfigParser::parse_languages(YamlMapReader& site, SiteConfig* config) {
  YAML::Node node = site.node("languages");
  if (!node) {
    config->languages.push_back(
        {config->language, config->language, text_direction(config->language), ""});
    return;
  }
  YamlMapReader languages(node, file_, "languages", diags_);
  if (!languages.is_map()) return;
  std::vector<LanguageConfig> found;
  for (const auto& kv : node) {
    LanguageConfig language;
    language.code = kv.first.Scalar();
    language.name = language.code;
    if (kv.second.IsScalar()) {
      language.name = kv.second.Scalar();
    } else {
      YamlMapReader reader(kv.second, file_, "language '" + language.code + "'", diags_);
      if (!reader.is_map()) continue;
      reader.check_keys({"name", "direction", "date_format"});
      reader.get("name", &language.name);
      reader.get("direction", &language.direction);
      reader.get("date_format", &language.date_format);
      if (!language.direction.empty() && language.direction != "ltr" &&
          language.direction != "rtl") {
        reader.error(reader.node("direction"), "invalid-value", "direction must be ltr or rtl");
      }
    }
    if (language.direction.empty()) language.direction = text_direction(language.code);
    found.push_back(std::move(language));
  }
  // The default language comes first: its pages are at the site root.
  auto own = std::find_if(found.begin(), found.end(),
                          [&](const LanguageConfig& l) { return l.code == config->language; });
  if (own == found.end()) {
    std::vector<std::string> codes;
    for (const auto& l : found) codes.push_back(l.code);
    languages.error(node, "unknown-language",
                    "the default language '" + config->language + "' is not among 'languages'",
                    did_you_mean(config->language, codes));
    return;
  }
  std::rotate(found.begin(), own, own + 1);
  config->languages = std::move(found);
}

void ConfigParser::parse_translations(const YAML::Node& node, SiteConfig* config) {
  if (!node) return;
  YamlMapReader reader(node, file_, "translations", diags_);
  if (!reader.is_map()) return;
  reader.check_keys({"layout", "key"});
  std::string layout = "files";
  reader.get("layout", &layout);
  if (layout == "files") {
    config->translation_layout = TranslationLayout::kFiles;
  } else if (layout == "folders") {
    config->translation_layout = TranslationLayout::kFolders;
    if (!reader.get("key", &config->translation_key, /*required=*/true)) return;
  } else {
    reader.error(reader.node("layout"), "invalid-value",
                 "translations.layout must be 'files' (NAME.LANG.md beside NAME.md) or 'folders' "
                 "(content/LANG/TYPE/NAME.md)",
                 did_you_mean(layout, {"files", "folders"}));
  }
}

void ConfigParser::check_localized_languages(const SiteConfig& config) {
  std::vector<std::string> codes;
  for (const auto& l : config.languages) codes.push_back(l.code);
  for (const auto& [node, code] : localized_keys_) {
    if (config.language_config(code)) continue;
    diags_->error(file_, yaml_line(node), yaml_column(node), "unknown-language",
                  "language '" + code + "' is not declared in 'languages'",
                  did_you_mean(code, codes));
  }
}

std::optional<SiteConfig> ConfigParser::parse(const YAML::Node& root) {
  size_t errors_before = diags_->error_count();
  YamlMapReader site(root, file_, file_, diags_);
  if (!site.is_map()) return std::nullopt;
  site.check_keys({"title",
                   "description",
                   "base_url",
                   "language",
                   "theme",
                   "trusted_html",
                   "page_size",
                   "summary_max_length",
                   "attachment_max_bytes",
                   "repository",
                   "taxonomies",
                   "common_fields",
                   "types",
                   "search",
                   "browse",
                   "license",
                   "clearing_house",
                   "forms",
                   "languages",
                   "translations",
                   "nested_folders",
                   "broken_links",
                   "limits",
                   "compress"});
  SiteConfig config;
  site.get("language", &config.language);
  default_language_ = config.language;
  text(site, "title", &config.title, &config.titles, /*required=*/true);
  text(site, "description", &config.description, &config.descriptions);
  site.get("base_url", &config.base_url);
  if (!config.base_url.empty() && config.base_url.back() != '/') config.base_url += '/';
  parse_languages(site, &config);
  parse_translations(site.node("translations"), &config);
  site.get("nested_folders", &config.nested_folders);
  std::string broken_links;
  if (site.get("broken_links", &broken_links)) {
    if (broken_links == "warning") {
      config.broken_links_are_warnings = true;
    } else if (broken_links != "error") {
      site.error(site.node("broken_links"), "invalid-value",
                 "broken_links must be error or warning");
    }
  }
  if (site.get("theme", &config.theme)) check_site_path(site.node("theme"), config.theme, "theme");
  site.get("trusted_html", &config.trusted_html);
  if (site.get("page_size", &config.page_size) && config.page_size < 1) {
    site.error(site.node("page_size"), "invalid-value", "page_size must be at least 1");
  }
  site.get("summary_max_length", &config.summary_max_length);
  site.get("attachment_max_bytes", &config.attachment_max_bytes);
  parse_repository(site, &config);
  parse_license(site, &config);
  parse_taxonomies(site.node("taxonomies"), &config);
  std::vector<FieldSchema> common;
  if (site.node("common_fields"))
    common = parse_fields(site.node("common_fields"), "common_fields");
  parse_types(site.node("types"), common, &config);
  parse_search(site.node("search"), &config);
  parse_browse(site.node("browse"), &config);
  parse_limits(site.node("limits"), &config);
  parse_compress(site, &config);
  if (diags_->error_count() == errors_before) check_references(root, config);
  if (diags_->error_count() == errors_before) check_browse(root["browse"], config);
  check_localized_languages(config);
  for (auto& type : config.types) fill_labels(&type.fields, config);
  if (diags_->error_count() == errors_before) {
    parse_clearing_house(root["clearing_house"], file_, &config, diags_);
    parse_issue_forms(root["forms"], file_, &config, diags_);
  }
  if (diags_->error_count() != errors_before) return std::nullopt;
  return config;
}

void ConfigParser::parse_repository(YamlMapReader& site, SiteConfig* config) {
  YAML::Node node = site.node("repository");
  if (!node) return;
  YamlMapReader repo(node, file_, "repository", diags_);
  repo.check_keys({"url", "branch", "path"});
  repo.get("url", &config->repository_url);
  repo.get("branch", &config->repository_branch);
  repo.get("path", &config->repository_path);
  while (!config->repository_path.empty() && config->repository_path.back() == '/') {
    config->repository_path.pop_back();
  }
  while (!config->repository_url.empty() && config->repository_url.back() == '/') {
    config->repository_url.pop_back();
  }
}

void ConfigParser::parse_license(YamlMapReader& site, SiteConfig* config) {
  YAML::Node node = site.node("license");
  if (!node) return;
  YamlMapReader license(node, file_, "license", diags_);
  license.check_keys({"name", "url", "file"});
  license.get("name", &config->license.name, /*required=*/true);
  license.get("url", &config->license.url);
  license.get("file", &config->license.file);
}

void ConfigParser::parse_taxonomies(const YAML::Node& node, SiteConfig* config) {
  if (!node) return;
  YamlMapReader taxonomies(node, file_, "taxonomies", diags_);
  if (!taxonomies.is_map()) return;
  for (const auto& kv : node) {
    Taxonomy taxonomy;
    taxonomy.name = kv.first.Scalar();
    std::string what = "taxonomy '" + taxonomy.name + "'";
    check_folder_name(kv.first, taxonomy.name, what);
    YamlMapReader reader(kv.second, file_, what, diags_);
    if (!reader.is_map()) continue;
    reader.check_keys({"title", "singular", "vocabulary", "broader"});
    text(reader, "title", &taxonomy.title, &taxonomy.titles);
    if (YAML::Node broader = reader.node("broader")) {
      YamlMapReader links(broader, file_, what + " broader", diags_);
      links.check_keys({"taxonomy", "file"});
      links.get("taxonomy", &taxonomy.broader_taxonomy, /*required=*/true);
      links.get("file", &taxonomy.broader_file, /*required=*/true);
    }
    text(reader, "singular", &taxonomy.singular, &taxonomy.singulars);
    if (taxonomy.title.empty()) taxonomy.title = taxonomy.name;
    if (taxonomy.singular.empty()) taxonomy.singular = taxonomy.title;
    YamlMapReader vocabulary(reader.node("vocabulary"), file_, what + " vocabulary", diags_);
    if (!vocabulary.is_map()) continue;
    vocabulary.check_keys({"file", "iso3166", "documents"});
    bool iso = false;
    int sources = 0;
    if (vocabulary.get("file", &taxonomy.file)) {
      check_site_path(vocabulary.node("file"), taxonomy.file, what + " vocabulary file");
      taxonomy.kind = VocabularyKind::kFile;
      ++sources;
    }
    if (vocabulary.get("iso3166", &iso) && iso) {
      taxonomy.kind = VocabularyKind::kIso3166;
      ++sources;
    }
    if (vocabulary.get("documents", &taxonomy.document_type)) {
      taxonomy.kind = VocabularyKind::kDocuments;
      ++sources;
    }
    if (sources != 1) {
      vocabulary.error(reader.node("vocabulary"), "invalid-vocabulary",
                       what + " needs exactly one of 'file', 'iso3166: true' or 'documents'");
    }
    config->taxonomies.push_back(std::move(taxonomy));
  }
}

std::vector<FieldSchema> ConfigParser::parse_fields(const YAML::Node& node,
                                                    const std::string& what) {
  std::vector<FieldSchema> fields;
  if (!node.IsSequence()) {
    diags_->error(file_, yaml_line(node), yaml_column(node), "wrong-type",
                  what + " must be a list of fields");
    return fields;
  }
  std::set<std::string> seen;
  for (const auto& item : node) {
    auto field = parse_field(item, what);
    if (!field) continue;
    if (!seen.insert(field->name).second) {
      diags_->error(file_, yaml_line(item), yaml_column(item), "duplicate-field",
                    "field '" + field->name + "' is declared twice in " + what);
      continue;
    }
    fields.push_back(std::move(*field));
  }
  return fields;
}

std::optional<FieldSchema> ConfigParser::parse_field(const YAML::Node& node,
                                                     const std::string& what) {
  YamlMapReader reader(node, file_, "a field of " + what, diags_);
  if (!reader.is_map()) return std::nullopt;
  reader.check_keys({"name", "label", "type", "required", "description", "values", "taxonomy",
                     "target", "fields", "aliases"});
  FieldSchema field;
  field.line = yaml_line(node);
  if (!reader.get("name", &field.name, /*required=*/true)) return std::nullopt;
  std::string type_name = "string";
  reader.get("type", &type_name);
  auto type = parse_field_type(type_name);
  if (!type) {
    reader.error(reader.node("type"), "unknown-field-type",
                 "unknown field type '" + type_name + "' for field '" + field.name + "'",
                 did_you_mean(type_name, field_type_names()));
    return std::nullopt;
  }
  field.type = *type;
  text(reader, "label", &field.label, &field.labels);
  reader.get("aliases", &field.aliases);
  reader.get("required", &field.required);
  reader.get("description", &field.description);
  reader.get("values", &field.values);
  reader.get("taxonomy", &field.taxonomy);
  reader.get("target", &field.target);
  if (field.type == FieldType::kEnum && field.values.empty()) {
    reader.error(node, "missing-key", "enum field '" + field.name + "' needs 'values'");
  }
  if (field.type == FieldType::kListOfTerms && field.taxonomy.empty()) {
    reader.error(node, "missing-key", "list-of-terms field '" + field.name + "' needs 'taxonomy'");
  }
  if ((field.type == FieldType::kReference || field.type == FieldType::kListOfReferences) &&
      field.target.empty()) {
    reader.error(node, "missing-key", "reference field '" + field.name + "' needs 'target'");
  }
  if (field.type == FieldType::kListOfObjects) {
    if (!reader.node("fields")) {
      reader.error(node, "missing-key",
                   "list-of-objects field '" + field.name + "' needs 'fields'");
    } else {
      field.fields = parse_fields(reader.node("fields"), "field '" + field.name + "'");
    }
  }
  return field;
}

void ConfigParser::parse_types(const YAML::Node& node, const std::vector<FieldSchema>& common,
                               SiteConfig* config) {
  if (!node) {
    diags_->error(file_, 1, 1, "missing-key", file_ + " needs 'types': the content types to build",
                  "declare at least one type, e.g. types: {notes: {title: Notes}}");
    return;
  }
  YamlMapReader types(node, file_, "types", diags_);
  if (!types.is_map()) return;
  for (const auto& kv : node) {
    ContentType type;
    type.name = kv.first.Scalar();
    std::string what = "type '" + type.name + "'";
    check_folder_name(kv.first, type.name, what);
    YamlMapReader reader(kv.second, file_, what, diags_);
    if (!reader.is_map()) continue;
    reader.check_keys({"title", "singular", "fields", "backlinks", "publication_dates"});
    text(reader, "title", &type.title, &type.titles);
    reader.get("publication_dates", &type.publication_dates);
    text(reader, "singular", &type.singular, &type.singulars);
    if (type.title.empty()) type.title = type.name;
    if (type.singular.empty()) type.singular = type.title;
    type.fields = common;
    if (reader.node("fields")) {
      for (auto& field : parse_fields(reader.node("fields"), what)) {
        if (type.field(field.name)) {
          diags_->error(file_, field.line, 0, "duplicate-field",
                        "field '" + field.name + "' of " + what + " is already a common field");
          continue;
        }
        type.fields.push_back(std::move(field));
      }
    }
    if (reader.node("backlinks")) type.backlinks = parse_backlinks(reader.node("backlinks"), what);
    config->types.push_back(std::move(type));
  }
}

std::vector<BacklinkGroupConfig> ConfigParser::parse_backlinks(const YAML::Node& node,
                                                               const std::string& what) {
  std::vector<BacklinkGroupConfig> groups;
  if (!node.IsSequence()) {
    diags_->error(file_, yaml_line(node), yaml_column(node), "wrong-type",
                  "backlinks of " + what + " must be a list of {name, label, fields}");
    return groups;
  }
  for (const auto& item : node) {
    YamlMapReader reader(item, file_, "a backlinks group of " + what, diags_);
    if (!reader.is_map()) continue;
    reader.check_keys({"name", "label", "fields"});
    BacklinkGroupConfig group;
    group.line = yaml_line(item);
    reader.get("name", &group.name, /*required=*/true);
    text(reader, "label", &group.label, &group.labels, /*required=*/true);
    reader.get("fields", &group.fields);
    groups.push_back(std::move(group));
  }
  return groups;
}

// A field without a label is shown by its taxonomy's title when it is named
// after it ("sdgs" -> "Sustainable Development Goals"), else by its name.
void fill_labels(std::vector<FieldSchema>* fields, const SiteConfig& config) {
  for (auto& field : *fields) {
    fill_labels(&field.fields, config);
    if (!field.label.empty()) continue;
    const Taxonomy* taxonomy = config.taxonomy(field.name);
    if (field.type == FieldType::kListOfTerms && taxonomy && field.taxonomy == field.name) {
      field.label = taxonomy->title;
      field.labels = taxonomy->titles;
      continue;
    }
    field.label = field.name;
    for (char& c : field.label) {
      if (c == '_') c = ' ';
    }
    if (field.label[0] >= 'a' && field.label[0] <= 'z')
      field.label[0] = static_cast<char>(field.label[0] - 32);
  }
}

void ConfigParser::parse_search(const YAML::Node& node, SiteConfig* config) {
  if (!node) return;
  YamlMapReader search(node, file_, "search", diags_);
  search.check_keys({"fields", "positions", "shards"});
  search.get("positions", &config->search_positions);
  if (YAML::Node shards = search.node("shards")) {
    YamlMapReader reader(shards, file_, "search.shards", diags_);
    reader.check_keys({"above", "size", "documents"});
    SearchShards& out = config->search_shards;
    if (reader.get("above", &out.above) && out.above < 0) {
      reader.error(reader.node("above"), "invalid-value", "search.shards.above must be 0 or more");
    }
    if (reader.get("size", &out.size) && out.size < 1000) {
      reader.error(reader.node("size"), "invalid-value",
                   "search.shards.size must be at least 1000 (bytes)");
    }
    if (reader.get("documents", &out.documents) && out.documents < 1) {
      reader.error(reader.node("documents"), "invalid-value",
                   "search.shards.documents must be at least 1");
    }
  }
  YAML::Node fields = search.node("fields");
  if (!fields) return;
  if (!fields.IsSequence() || fields.size() == 0) {
    search.error(fields, "wrong-type", "search fields must be a non-empty list");
    return;
  }
  config->search_fields.clear();
  for (const auto& item : fields) {
    YamlMapReader reader(item, file_, "a search field", diags_);
    reader.check_keys({"name", "boost"});
    SearchField field;
    reader.get("name", &field.name, /*required=*/true);
    reader.get("boost", &field.boost);
    if (field.boost <= 0) reader.error(item, "invalid-value", "search boost must be positive");
    config->search_fields.push_back(field);
  }
}

void ConfigParser::parse_browse(const YAML::Node& node, SiteConfig* config) {
  if (!node) return;
  YamlMapReader browse(node, file_, "browse", diags_);
  browse.check_keys({"facets", "gap_map"});
  browse.get("facets", &config->browse.facets);
  if (!browse.node("gap_map")) return;
  YamlMapReader gap(browse.node("gap_map"), file_, "browse.gap_map", diags_);
  gap.check_keys({"rows", "columns", "types"});
  gap.get("rows", &config->browse.gap_rows);
  gap.get("columns", &config->browse.gap_columns);
  gap.get("types", &config->browse.gap_types);
}

void ConfigParser::parse_limits(const YAML::Node& node, SiteConfig* config) {
  if (!node) return;
  YamlMapReader limits(node, file_, "limits", diags_);
  limits.check_keys(
      {"document_bytes", "yaml_depth", "yaml_nodes", "table_columns", "bracket_depth"});
  Limits& out = config->limits;
  auto positive = [&](const char* key, auto* value) {
    if (limits.get(key, value) && *value < 1) {
      limits.error(limits.node(key), "invalid-value", std::string(key) + " must be at least 1");
    }
  };
  positive("document_bytes", &out.document_bytes);
  positive("yaml_depth", &out.yaml_depth);
  positive("yaml_nodes", &out.yaml_nodes);
  positive("table_columns", &out.table_columns);
  positive("bracket_depth", &out.bracket_depth);
}

void ConfigParser::parse_compress(YamlMapReader& site, SiteConfig* config) {
  if (!site.get("compress", &config->compress)) return;
  std::vector<std::string> seen;
  for (const std::string& name : config->compress) {
    if (name != "br" && name != "gzip") {
      site.error(site.node("compress"), "invalid-value",
                 "compress lists unknown encoding '" + name + "'",
                 "use br, gzip, both, or [] for no compressed copies");
    } else if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      site.error(site.node("compress"), "invalid-value",
                 "compress lists encoding '" + name + "' twice");
    }
    seen.push_back(name);
  }
}

// Paths in site.yaml name files of the site: relative, and never out of it.
void ConfigParser::check_site_path(const YAML::Node& node, const std::string& path,
                                   const std::string& what) {
  bool outside = path.starts_with("/") || path == ".." || path.starts_with("../") ||
                 path.find("/../") != std::string::npos || path.ends_with("/..");
  if (!outside) return;
  diags_->error(file_, yaml_line(node), yaml_column(node), "path-outside-site",
                what + " '" + path + "' is outside the site folder",
                "give a path relative to the folder of " + file_ + ", without '..'");
}

// Type and taxonomy names are folders (content/TYPE/, the pages' paths, what
// `agora new` writes): one plain path segment, so no name leads elsewhere.
void ConfigParser::check_folder_name(const YAML::Node& node, const std::string& name,
                                     const std::string& what) {
  bool plain =
      !name.empty() && name.front() != '.' && std::none_of(name.begin(), name.end(), [](char c) {
        return c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
      });
  if (plain) return;
  diags_->error(file_, yaml_line(node), yaml_column(node), "invalid-value",
                what +
                    ": a name is a folder name, so it cannot be empty, begin with '.' or "
                    "hold '/', '\\' or a control character",
                "use letters, digits and '-', e.g. case-studies");
}

// Facets and the gap map name taxonomies and types declared above; a missing
// one is an error when site.yaml says so, and silently no page when it is
// only the default.
void ConfigParser::check_browse(const YAML::Node& node, const SiteConfig& config) {
  if (!node) return;
  std::vector<std::string> taxonomy_names, type_names;
  for (const auto& t : config.taxonomies) taxonomy_names.push_back(t.name);
  for (const auto& t : config.types) type_names.push_back(t.name);
  auto check = [&](const YAML::Node& at, const std::string& name, bool taxonomy) {
    if (taxonomy ? config.taxonomy(name) != nullptr : config.type(name) != nullptr) return;
    diags_->error(
        file_, yaml_line(at), yaml_column(at), taxonomy ? "unknown-taxonomy" : "unknown-type",
        std::string(taxonomy ? "browse names unknown taxonomy '" : "browse names unknown type '") +
            name + "'",
        did_you_mean(name, taxonomy ? taxonomy_names : type_names));
  };
  if (node["facets"]) {
    for (const auto& item : node["facets"]) check(item, item.Scalar(), true);
  }
  YAML::Node gap = node["gap_map"];
  if (!gap) return;
  if (gap["rows"]) check(gap["rows"], config.browse.gap_rows, true);
  if (gap["columns"]) check(gap["columns"], config.browse.gap_columns, true);
  if (gap["types"]) {
    for (const auto& item : gap["types"]) check(item, item.Scalar(), false);
  }
}

// Names that point elsewhere in the file: taxonomies of term fields, targets
// of reference fields, the document type of a documents vocabulary.
void ConfigParser::check_references(const YAML::Node& root, const SiteConfig& config) {
  std::vector<std::string> type_names;
  for (const auto& type : config.types) type_names.push_back(type.name);
  std::vector<std::string> taxonomy_names;
  for (const auto& t : config.taxonomies) taxonomy_names.push_back(t.name);
  for (const auto& kv : root["taxonomies"]) {
    const Taxonomy* taxonomy = config.taxonomy(kv.first.Scalar());
    if (taxonomy && !taxonomy->broader_taxonomy.empty() &&
        (!config.taxonomy(taxonomy->broader_taxonomy) ||
         taxonomy->broader_taxonomy == taxonomy->name)) {
      YAML::Node at = kv.second["broader"]["taxonomy"];
      diags_->error(file_, yaml_line(at), yaml_column(at), "unknown-taxonomy",
                    "taxonomy '" + taxonomy->name + "' has broader terms in unknown taxonomy '" +
                        taxonomy->broader_taxonomy + "'",
                    did_you_mean(taxonomy->broader_taxonomy, taxonomy_names));
    }
    if (taxonomy && taxonomy->kind == VocabularyKind::kDocuments &&
        !config.type(taxonomy->document_type)) {
      YAML::Node at = kv.second["vocabulary"]["documents"];
      diags_->error(file_, yaml_line(at), yaml_column(at), "unknown-type",
                    "taxonomy '" + taxonomy->name + "' lists documents of unknown type '" +
                        taxonomy->document_type + "'",
                    did_you_mean(taxonomy->document_type, type_names));
    }
  }
  // A backlinks group names a field of any type ("initiatives"), or of one
  // type ("case-studies.initiatives").
  std::vector<std::string> field_names;
  for (const auto& type : config.types) {
    check_field_targets(type.fields, config);
    for (const auto& field : type.fields) {
      field_names.push_back(field.name);
      field_names.push_back(type.name + "." + field.name);
    }
  }
  for (const auto& type : config.types) {
    for (const auto& group : type.backlinks) {
      for (const auto& name : group.fields) {
        if (std::find(field_names.begin(), field_names.end(), name) != field_names.end()) continue;
        diags_->error(file_, group.line, 0, "unknown-field",
                      "backlinks group '" + group.name + "' of type '" + type.name +
                          "' names unknown field '" + name + "'",
                      did_you_mean(name, field_names));
      }
    }
  }
}

void ConfigParser::check_field_targets(const std::vector<FieldSchema>& fields,
                                       const SiteConfig& config) {
  std::vector<std::string> taxonomy_names, type_names;
  for (const auto& t : config.taxonomies) taxonomy_names.push_back(t.name);
  for (const auto& t : config.types) type_names.push_back(t.name);
  for (const auto& field : fields) {
    if (field.type == FieldType::kListOfTerms && !config.taxonomy(field.taxonomy)) {
      diags_->error(file_, field.line, 0, "unknown-taxonomy",
                    "field '" + field.name + "' uses unknown taxonomy '" + field.taxonomy + "'",
                    did_you_mean(field.taxonomy, taxonomy_names));
    }
    if ((field.type == FieldType::kReference || field.type == FieldType::kListOfReferences) &&
        !config.type(field.target)) {
      diags_->error(file_, field.line, 0, "unknown-type",
                    "field '" + field.name + "' refers to unknown type '" + field.target + "'",
                    did_you_mean(field.target, type_names));
    }
    check_field_targets(field.fields, config);
  }
}

}  // namespace

std::string Taxonomy::path() const {
  std::string segment = name;
  for (char& c : segment) {
    if (c == '_') c = '-';
  }
  return segment + "/";
}

const char* field_type_name(FieldType type) {
  for (const auto& entry : kFieldTypeNames) {
    if (entry.type == type) return entry.name;
  }
  return "string";
}

std::optional<FieldType> parse_field_type(const std::string& name) {
  for (const auto& entry : kFieldTypeNames) {
    if (name == entry.name) return entry.type;
  }
  return std::nullopt;
}

const FieldSchema* ContentType::field(const std::string& field_name) const {
  for (const auto& f : fields) {
    if (f.name == field_name) return &f;
  }
  return nullptr;
}

const ContentType* SiteConfig::type(const std::string& name) const {
  for (const auto& t : types) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const Taxonomy* SiteConfig::taxonomy(const std::string& name) const {
  for (const auto& t : taxonomies) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

const IssueFormConfig* SiteConfig::form(const std::string& type_name) const {
  for (const auto& f : forms) {
    if (f.type == type_name) return &f;
  }
  return nullptr;
}

const LanguageConfig* SiteConfig::language_config(const std::string& code) const {
  for (const auto& l : languages) {
    if (l.code == code) return &l;
  }
  return nullptr;
}

namespace {

void localize(const Localized& texts, const std::string& code, std::string* out) {
  auto it = texts.find(code);
  if (it != texts.end()) *out = it->second;
}

void localize_fields(std::vector<FieldSchema>* fields, const std::string& code) {
  for (auto& field : *fields) {
    localize(field.labels, code, &field.label);
    localize_fields(&field.fields, code);
  }
}

}  // namespace

SiteConfig localized_config(const SiteConfig& config, const std::string& code) {
  SiteConfig out = config;
  localize(config.titles, code, &out.title);
  localize(config.descriptions, code, &out.description);
  for (auto& type : out.types) {
    localize(type.titles, code, &type.title);
    localize(type.singulars, code, &type.singular);
    localize_fields(&type.fields, code);
    for (auto& group : type.backlinks) localize(group.labels, code, &group.label);
  }
  for (auto& taxonomy : out.taxonomies) {
    localize(taxonomy.titles, code, &taxonomy.title);
    localize(taxonomy.singulars, code, &taxonomy.singular);
  }
  return out;
}

std::string text_direction(const std::string& language) {
  static const char* kRightToLeft[] = {"ar", "arc", "ckb", "dv", "fa", "he",
                                       "ps", "sd",  "ug",  "ur", "yi"};
  std::string primary = ascii_lower(language.substr(0, language.find_first_of("-_")));
  for (const char* code : kRightToLeft) {
    if (primary == code) return "rtl";
  }
  return "ltr";
}

std::optional<SiteConfig> parse_site_config(const std::string& text, const std::string& file,
                                            Diagnostics* diags) {
  YAML::Node root;
  if (!load_yaml(text, file, 0, "invalid YAML", &root, diags)) return std::nullopt;
  // yaml-cpp throws where a shape was assumed that the checks missed; that
  // is a bug here, but a message, not an abort.
  try {
    return ConfigParser(file, diags).parse(root);
  } catch (const YAML::Exception& e) {
    diags->error(file, e.mark.line + 1, e.mark.column + 1, "invalid-config",
                 std::string("cannot read this configuration: ") + e.what());
    return std::nullopt;
  }
}

}  // namespace agora
