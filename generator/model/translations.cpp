#include "model/translations.h"

#include <algorithm>

#include "config/yaml_map_reader.h"

namespace agora {

namespace {

// Where `key` is written in a document's front matter; the file's first line
// when it is not there.
std::pair<int, int> position_of(const FrontMatter& fm, const std::string& key) {
  if (fm.data.IsMap()) {
    for (const auto& kv : fm.data) {
      if (kv.first.Scalar() == key)
        return {yaml_line(kv.first, fm.line_offset), yaml_column(kv.first)};
    }
  }
  return {1, 1};
}

std::map<std::string, ParsedFile*> by_source(std::vector<ParsedFile>* parsed) {
  std::map<std::string, ParsedFile*> out;
  for (auto& file : *parsed) out[file.doc.source_path] = &file;
  return out;
}

// Folders layout: the documents that share a translation key are versions
// of one; the default language's is the original (else the first, in the
// order site.yaml lists the languages).
void pair_by_key(const SiteConfig& config, std::vector<ParsedFile>* parsed) {
  std::map<std::string, std::vector<ParsedFile*>> by_key;
  for (auto& file : *parsed) {
    if (!file.ok) continue;
    auto key = file.doc.fields.find(config.translation_key);
    if (key != file.doc.fields.end() && key->is_string() && !key->get<std::string>().empty()) {
      by_key[key->get<std::string>()].push_back(&file);
    }
  }
  auto rank = [&](const ParsedFile* f) {
    for (size_t i = 0; i < config.languages.size(); ++i) {
      if (config.languages[i].code == f->doc.language) return i;
    }
    return config.languages.size();
  };
  for (auto& [_, files] : by_key) {
    std::stable_sort(files.begin(), files.end(),
                     [&](const ParsedFile* a, const ParsedFile* b) { return rank(a) < rank(b); });
    for (size_t i = 1; i < files.size(); ++i) {
      // Two versions in one language are two documents, not translations.
      if (files[i]->doc.language == files[0]->doc.language) continue;
      files[i]->doc.original = files[0]->doc.source_path;
    }
  }
}

// The terms or documents a field names, for comparing a translation with
// its original.
std::map<std::string, std::vector<std::string>> named(const Document& doc) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& field : doc.term_fields) out[field.field] = field.ids;
  for (const auto& field : doc.reference_fields) out[field.field] = field.slugs;
  return out;
}

// What a translation does not say, it takes from its original.
void inherit(const Document& original, Document* doc) {
  for (const auto& [name, value] : original.fields.items()) {
    if (!doc->fields.contains(name)) doc->fields[name] = value;
  }
  auto has_terms = [&](const std::string& field) {
    return std::any_of(doc->term_fields.begin(), doc->term_fields.end(),
                       [&](const FieldTerms& t) { return t.field == field; });
  };
  for (const auto& terms : original.term_fields) {
    if (has_terms(terms.field)) continue;
    doc->term_fields.push_back(terms);
    auto& all = doc->terms[terms.taxonomy];
    for (const auto& id : terms.ids) {
      if (std::find(all.begin(), all.end(), id) == all.end()) all.push_back(id);
    }
  }
  for (const auto& refs : original.reference_fields) {
    bool has = std::any_of(doc->reference_fields.begin(), doc->reference_fields.end(),
                           [&](const FieldReferences& r) { return r.field == refs.field; });
    if (!has) doc->reference_fields.push_back(refs);
  }
  if (doc->date.empty()) doc->date = original.date;
  if (doc->updated.empty()) doc->updated = original.updated;
  doc->draft = doc->draft || original.draft;
}

}  // namespace

namespace {

// The schema's name of a front matter key: `key` itself, or the field it
// is an alias of (an imported collection's "description" for "summary").
std::string field_name(const SiteConfig& config, const std::string& type, const std::string& key) {
  const ContentType* content_type = config.type(type);
  if (!content_type) return key;
  for (const auto& field : content_type->fields) {
    if (std::find(field.aliases.begin(), field.aliases.end(), key) != field.aliases.end()) {
      return field.name;
    }
  }
  return key;
}

bool gives_field(const SiteConfig& config, const ParsedFile& file, const std::string& field) {
  const YAML::Node& data = file.front_matter.data;
  if (!data.IsMap()) return false;
  for (const auto& kv : data) {
    if (field_name(config, file.doc.type, kv.first.Scalar()) == field) return true;
  }
  return false;
}

}  // namespace

std::map<std::string, std::set<std::string>> inherited_fields(
    const SiteConfig& config, const std::vector<ParsedFile>& parsed) {
  std::map<std::string, std::set<std::string>> out;
  if (config.translation_layout != TranslationLayout::kFiles) return out;
  std::map<std::string, const ParsedFile*> sources;
  for (const auto& file : parsed) sources[file.doc.source_path] = &file;
  for (const auto& file : parsed) {
    if (!file.ok || !file.doc.is_translation()) continue;
    auto original = sources.find(file.doc.original);
    if (original == sources.end() || !original->second->ok) continue;
    const YAML::Node& data = original->second->front_matter.data;
    std::set<std::string>& fields = out[file.doc.source_path];
    if (data.IsMap()) {
      for (const auto& kv : data) {
        fields.insert(field_name(config, original->second->doc.type, kv.first.Scalar()));
      }
    }
    // A translation shows its own title and summary, never the original's.
    fields.erase(kTitleField);
    fields.erase(kSummaryField);
  }
  return out;
}

void pair_translations(const SiteConfig& config, std::vector<ParsedFile>* parsed) {
  if (config.translation_layout == TranslationLayout::kFolders) pair_by_key(config, parsed);
  auto sources = by_source(parsed);
  for (auto& file : *parsed) {
    Document& doc = file.doc;
    doc.group = doc.key();
    if (!file.ok || !doc.is_translation()) continue;
    auto it = sources.find(doc.original);
    if (it == sources.end()) {
      file.diags.error(doc.source_path, 1, 1, "translation-without-original",
                       "this translation has no original: " + doc.original + " does not exist",
                       "add the original, or rename this file without its language suffix");
      doc.original.clear();
      continue;
    }
    ParsedFile& original = *it->second;
    if (!original.ok) continue;  // the original's own errors say why
    doc.group = original.doc.key();
    if (original.doc.type != doc.type) {
      file.diags.error(doc.source_path, 1, 1, "translation-type",
                       "this translation is a " + doc.type + " document, its original " +
                           original.doc.source_path + " a " + original.doc.type + " document",
                       "move it to content/" + doc.language + "/" + original.doc.type + "/");
      continue;
    }
    for (const char* field : {kTitleField, kSummaryField}) {
      if (gives_field(config, file, field)) continue;
      // A summary the schema does not require is made from the translation's
      // own first paragraph, in its own language.
      const ContentType* type = config.type(doc.type);
      const FieldSchema* schema = type ? type->field(field) : nullptr;
      if (field != std::string(kTitleField) && schema && !schema->required) continue;
      file.diags.error(doc.source_path, file.front_matter.body_first_line - 1, 1,
                       "translation-untranslated",
                       std::string("a translation needs its own '") + field + "'",
                       std::string("add ") + field + ": in " + doc.language +
                           " above this line; the original's would show in the wrong language");
    }
    // Terms and references must agree: one document, one set of facts.
    auto own = named(doc), theirs = named(original.doc);
    for (const auto& [field, ids] : own) {
      auto other = theirs.find(field);
      std::vector<std::string> a = ids, b = other == theirs.end() ? std::vector<std::string>{}
                                                                  : other->second;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a == b) continue;
      auto [line, column] = position_of(file.front_matter, field);
      file.diags.error(doc.source_path, line, column, "translation-mismatch",
                       "'" + field + "' names other terms or documents than in the original, " +
                           original.doc.source_path,
                       "give the same values as the original, or leave the field out to inherit "
                       "them");
    }
    inherit(original.doc, &doc);
  }
}

void check_translation_dates(const std::vector<ParsedFile>& parsed, Diagnostics* diags) {
  std::map<std::string, const Document*> sources;
  for (const auto& file : parsed) {
    if (file.ok) sources[file.doc.source_path] = &file.doc;
  }
  for (const auto& file : parsed) {
    const Document& doc = file.doc;
    if (!file.ok || !doc.is_translation() || doc.last_updated.empty()) continue;
    auto original = sources.find(doc.original);
    if (original == sources.end() || original->second->last_updated.empty()) continue;
    if (doc.last_updated >= original->second->last_updated) continue;
    diags->warning(doc.source_path, 1, 1, "translation-outdated",
                   "this translation was last changed on " + doc.last_updated + ", its original " +
                       doc.original + " on " + original->second->last_updated,
                   "bring the translation up to date with " + doc.original + ", then commit it");
  }
}

}  // namespace agora
