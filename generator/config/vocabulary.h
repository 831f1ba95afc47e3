#pragma once
// A taxonomy's vocabulary: the terms a document may use, found by id, name or
// alias, with suggestions for near misses.

#include <map>
#include <string>
#include <vector>

#include "config/yaml_load.h"
#include "util/diagnostic.h"

namespace agora {

struct Term {
  std::string id;    // used in URLs: TAXONOMY/ID/
  std::string name;  // shown to readers, in the default language
  std::string description;
  std::string parent;  // id of the parent term, or ""
  std::vector<std::string> aliases;
  // Broader terms in another taxonomy (the taxonomy's `broader:`), e.g. a
  // country's region; ids of that taxonomy's terms.
  std::vector<std::string> broader;
  // Per language, when the vocabulary gives them: name: {en: World, fr: Monde}.
  std::map<std::string, std::string> names, descriptions;
};

class Vocabulary {
 public:
  // Adds a term; returns false when its id, name or an alias is already taken.
  bool add(Term term, std::string* conflict);
  // The term written as `key` (its id, name or an alias, exactly), or null.
  const Term* find(const std::string& key) const;
  const Term* by_id(const std::string& id) const;
  // "did you mean 'X'?" for an unknown key, matching names and ids while
  // ignoring case and diacritics; "" when nothing is close.
  std::string suggest(const std::string& key) const;

  const std::vector<Term>& terms() const { return terms_; }
  // Adds `broader_id` to the broader terms of term `id`; false if no such term.
  bool add_broader(const std::string& id, const std::string& broader_id);

  // Shows every term's name and description in language `code` where the
  // vocabulary gives them (for one language's pages).
  void localize(const std::string& code);
  // Shows term `id` as `name` (a document's title in another language).
  void rename(const std::string& id, const std::string& name);

 private:
  std::vector<Term> terms_;
  std::map<std::string, size_t> index_;  // id, name, aliases -> term
  std::map<std::string, size_t> by_id_;
};

// Parses a vocabulary data file: a YAML list of {id, name, aliases, description,
// parent}. id defaults to the slug of name. Errors name file:line:col.
// A name or description may be given per language ({en: World, fr: Monde});
// `language` is the default language, whose text is the term's own; the
// other languages' names are aliases too, so front matter may use them.
bool parse_vocabulary_file(const std::string& text, const std::string& file, Vocabulary* out,
                           Diagnostics* diags, const std::string& language = "en",
                           const YamlLimits& limits = {});

// Reads a file of broader terms: a YAML mapping from a term of `terms`
// (written as its id, name or an alias) to one term of `broader`, or a list
// of them, and records them in each term's `broader`. Unknown terms on
// either side are errors with suggestions.
bool parse_broader_file(const std::string& text, const std::string& file, const Vocabulary& broader,
                        Vocabulary* terms, Diagnostics* diags);

// Reads the ISO 3166-1 list of Debian's iso-codes (json/iso_3166-1.json):
// id = lower-case alpha-2, name = common name (or name); the official name,
// the ISO name and the alpha-2 and alpha-3 codes are aliases.
bool parse_iso3166(const std::string& json_text, const std::string& file, Vocabulary* out,
                   Diagnostics* diags);

// Where Debian's iso-codes puts the ISO 3166-1 list.
inline constexpr const char* kIso3166Path = "/usr/share/iso-codes/json/iso_3166-1.json";

// Top-level terms of a vocabulary: those with no parent, or whose parent has
// none ("africa" under "world"). Vocabulary order.
std::vector<const Term*> top_level_terms(const Vocabulary& vocabulary);

}  // namespace agora
