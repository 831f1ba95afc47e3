#include "model/term_coverage.h"

#include <algorithm>

namespace agora {

namespace {

const Term* find_term(const Site& site, const TermRef& ref) {
  auto it = site.vocabularies.find(ref.taxonomy);
  return it == site.vocabularies.end() ? nullptr : it->second.by_id(ref.id);
}

void add_with_broader(const Site& site, const TermRef& ref, std::vector<TermRef>* out) {
  if (std::find(out->begin(), out->end(), ref) != out->end()) return;
  out->push_back(ref);
  const Term* term = find_term(site, ref);
  if (!term) return;
  // Parents first: they are nearer than another taxonomy's terms.
  size_t first_parent = out->size();
  for (const Term* parent = term; parent && !parent->parent.empty();) {
    TermRef up{ref.taxonomy, parent->parent};
    if (std::find(out->begin(), out->end(), up) != out->end()) break;  // a cycle
    out->push_back(up);
    parent = find_term(site, up);
  }
  const Taxonomy* taxonomy = site.config.taxonomy(ref.taxonomy);
  if (!taxonomy || taxonomy->broader_taxonomy.empty()) return;
  size_t end = out->size();
  for (size_t i = first_parent - 1; i < end; ++i) {
    const Term* step = find_term(site, (*out)[i]);
    if (!step) continue;
    for (const auto& id : step->broader) {
      add_with_broader(site, {taxonomy->broader_taxonomy, id}, out);
    }
  }
}

}  // namespace

std::vector<TermRef> term_and_broader(const Site& site, const TermRef& term) {
  std::vector<TermRef> out;
  add_with_broader(site, term, &out);
  return out;
}

std::vector<TermRef> field_terms(const Document& doc, const std::vector<std::string>& fields) {
  std::vector<TermRef> out;
  for (const auto& name : fields) {
    for (const auto& field : doc.term_fields) {
      if (field.field != name) continue;
      for (const auto& id : field.ids) {
        TermRef ref{field.taxonomy, id};
        if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
      }
    }
  }
  return out;
}

std::vector<TermRef> most_specific(const Site& site, const std::vector<TermRef>& terms) {
  std::vector<TermRef> out;
  for (const auto& term : terms) {
    bool broader_of_another = false;
    for (const auto& other : terms) {
      if (other == term) continue;
      auto up = term_and_broader(site, other);
      broader_of_another = broader_of_another || std::find(up.begin(), up.end(), term) != up.end();
    }
    if (!broader_of_another) out.push_back(term);
  }
  return out;
}

const TermRef* covering_term(const Site& site, const TermRef& wanted,
                             const std::vector<TermRef>& offered) {
  return covering_term(term_and_broader(site, wanted), offered);
}

const TermRef* covering_term(const std::vector<TermRef>& wanted_and_broader,
                             const std::vector<TermRef>& offered) {
  // Nearest broader term first, so "Ghana" beats "World" when both are offered.
  for (const auto& up : wanted_and_broader) {
    for (const auto& term : offered) {
      if (term == up) return &term;
    }
  }
  return nullptr;
}

std::vector<size_t> documents_covering(const Site& site, const std::string& type,
                                       const std::vector<std::string>& fields,
                                       const TermRef& term) {
  std::vector<size_t> out;
  auto it = site.by_type.find(type);
  if (it == site.by_type.end()) return out;
  const std::vector<TermRef> up = term_and_broader(site, term);
  for (size_t index : it->second) {
    if (covering_term(up, field_terms(site.documents[index], fields))) {
      out.push_back(index);
    }
  }
  return out;
}

}  // namespace agora
