#include "config/vocabulary.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include <algorithm>

#include "config/yaml_load.h"
#include "config/yaml_map_reader.h"
#include "util/suggest.h"
#include "util/text.h"

namespace agora {

bool Vocabulary::add(Term term, std::string* conflict) {
  std::vector<std::string> keys{term.id, term.name};
  keys.insert(keys.end(), term.aliases.begin(), term.aliases.end());
  if (by_id_.count(term.id)) {
    *conflict = term.id;
    return false;
  }
  for (const auto& key : keys) {
    auto it = index_.find(key);
    if (it != index_.end() && terms_[it->second].id != term.id) {
      *conflict = key;
      return false;
    }
  }
  size_t index = terms_.size();
  for (const auto& key : keys) index_.emplace(key, index);
  by_id_.emplace(term.id, index);
  terms_.push_back(std::move(term));
  return true;
}

const Term* Vocabulary::find(const std::string& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? nullptr : &terms_[it->second];
}

const Term* Vocabulary::by_id(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &terms_[it->second];
}

bool Vocabulary::add_broader(const std::string& id, const std::string& broader_id) {
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return false;
  auto& broader = terms_[it->second].broader;
  if (std::find(broader.begin(), broader.end(), broader_id) == broader.end()) {
    broader.push_back(broader_id);
  }
  return true;
}

std::string Vocabulary::suggest(const std::string& key) const {
  // Exact match once case and diacritics are ignored wins outright.
  std::string folded = fold_for_matching(key);
  for (const auto& [candidate, index] : index_) {
    if (fold_for_matching(candidate) == folded) {
      return "did you mean '" + terms_[index].name + "'?";
    }
  }
  std::vector<std::string> candidates;
  for (const auto& [candidate, _] : index_) candidates.push_back(candidate);
  std::string match = closest_match(key, candidates);
  if (match.empty()) return "";
  return "did you mean '" + terms_[index_.at(match)].name + "'?";
}

void Vocabulary::localize(const std::string& code) {
  for (auto& term : terms_) {
    if (auto it = term.names.find(code); it != term.names.end()) term.name = it->second;
    if (auto it = term.descriptions.find(code); it != term.descriptions.end()) {
      term.description = it->second;
    }
  }
}

void Vocabulary::rename(const std::string& id, const std::string& name) {
  auto it = by_id_.find(id);
  if (it != by_id_.end()) terms_[it->second].name = name;
}

namespace {

// A scalar, or a mapping of language codes to scalars: the default
// language's text goes to *out, every language's to *per_language.
bool read_localized(YamlMapReader& reader, const char* key, const std::string& language,
                    std::string* out, std::map<std::string, std::string>* per_language,
                    bool required) {
  YAML::Node value = reader.node(key);
  if (!value || !value.IsMap()) return reader.get(key, out, required);
  for (const auto& kv : value) {
    if (kv.second.IsScalar()) (*per_language)[kv.first.Scalar()] = kv.second.Scalar();
  }
  auto own = per_language->find(language);
  if (own == per_language->end()) {
    reader.error(
        value, "missing-language",
        "'" + std::string(key) + "' has no text for the default language '" + language + "'",
        "add " + language + ": ... to it");
    return false;
  }
  *out = own->second;
  return true;
}

}  // namespace

bool parse_vocabulary_file(const std::string& text, const std::string& file, Vocabulary* out,
                           Diagnostics* diags, const std::string& language,
                           const YamlLimits& limits) {
  YAML::Node root;
  if (!load_yaml(text, file, 0, "invalid YAML", &root, diags, limits)) return false;
  if (!root.IsSequence()) {
    diags->error(file, 1, 1, "wrong-type", "a vocabulary file must be a list of terms");
    return false;
  }
  size_t errors_before = diags->error_count();
  for (const auto& item : root) {
    YamlMapReader reader(item, file, "a term", diags);
    if (!reader.is_map()) continue;
    reader.check_keys({"id", "name", "aliases", "description", "parent"});
    Term term;
    if (!read_localized(reader, "name", language, &term.name, &term.names, /*required=*/true)) {
      continue;
    }
    if (!reader.get("id", &term.id)) term.id = slugify(term.name);
    read_localized(reader, "description", language, &term.description, &term.descriptions,
                   /*required=*/false);
    reader.get("parent", &term.parent);
    reader.get("aliases", &term.aliases);
    for (const auto& [code, name] : term.names) {
      if (code != language && name != term.name &&
          std::find(term.aliases.begin(), term.aliases.end(), name) == term.aliases.end()) {
        term.aliases.push_back(name);
      }
    }
    std::string conflict;
    if (!out->add(std::move(term), &conflict)) {
      const Term* existing = out->find(conflict);
      diags->error(file, yaml_line(item), yaml_column(item), "duplicate-term",
                   "'" + conflict + "' already names the term '" +
                       (existing ? existing->name : conflict) + "'",
                   "give each term its own id, name and aliases");
    }
  }
  for (const auto& item : root) {
    // Not a mapping: reported above; yaml-cpp throws on item["..."].
    if (!item.IsMap()) continue;
    std::string parent = item["parent"] ? item["parent"].Scalar() : "";
    if (!parent.empty() && !out->by_id(parent)) {
      diags->error(file, yaml_line(item["parent"]), yaml_column(item["parent"]), "unknown-term",
                   "parent '" + parent + "' is not a term of this vocabulary",
                   out->suggest(parent));
    }
  }
  return diags->error_count() == errors_before;
}

bool parse_broader_file(const std::string& text, const std::string& file, const Vocabulary& broader,
                        Vocabulary* terms, Diagnostics* diags) {
  YAML::Node root;
  if (!load_yaml(text, file, 0, "invalid YAML", &root, diags)) return false;
  if (!root.IsMap()) {
    diags->error(file, 1, 1, "wrong-type",
                 "a file of broader terms must map each term to its broader term(s)");
    return false;
  }
  size_t errors_before = diags->error_count();
  auto unknown = [&](const YAML::Node& at, const Vocabulary& vocabulary, const std::string& side) {
    diags->error(file, yaml_line(at), yaml_column(at), "unknown-term",
                 "'" + at.Scalar() + "' is not a term of the " + side + " vocabulary",
                 vocabulary.suggest(at.Scalar()));
  };
  for (const auto& kv : root) {
    const Term* term = terms->find(kv.first.Scalar());
    if (!term) {
      unknown(kv.first, *terms, "narrower");
      continue;
    }
    std::string id = term->id;
    std::vector<YAML::Node> values;
    if (kv.second.IsSequence()) {
      for (const auto& item : kv.second) values.push_back(item);
    } else {
      values.push_back(kv.second);
    }
    for (const auto& value : values) {
      const Term* target = value.IsScalar() ? broader.find(value.Scalar()) : nullptr;
      if (!target) {
        unknown(value, broader, "broader");
        continue;
      }
      terms->add_broader(id, target->id);
    }
  }
  return diags->error_count() == errors_before;
}

bool parse_iso3166(const std::string& json_text, const std::string& file, Vocabulary* out,
                   Diagnostics* diags) {
  nlohmann::json root = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.contains("3166-1") || !root["3166-1"].is_array()) {
    diags->error(file, 0, 0, "invalid-iso-codes", "cannot read the ISO 3166-1 list",
                 "reinstall Debian's iso-codes package");
    return false;
  }
  for (const auto& country : root["3166-1"]) {
    Term term;
    std::string iso_name = country.value("name", "");
    std::string alpha2 = country.value("alpha_2", "");
    term.id = ascii_lower(alpha2);
    term.name = country.value("common_name", iso_name);
    for (const char* key : {"official_name", "alpha_2", "alpha_3"}) {
      if (country.contains(key)) term.aliases.push_back(country[key].get<std::string>());
    }
    if (iso_name != term.name) term.aliases.push_back(iso_name);
    std::string conflict;
    out->add(std::move(term), &conflict);  // iso-codes has no clashes; keep the first if it did
  }
  return true;
}

std::vector<const Term*> top_level_terms(const Vocabulary& vocabulary) {
  std::vector<const Term*> top;
  for (const auto& term : vocabulary.terms()) {
    const Term* parent = term.parent.empty() ? nullptr : vocabulary.by_id(term.parent);
    if (!parent || parent->parent.empty()) top.push_back(&term);
  }
  return top;
}

}  // namespace agora
