#include "render/facets.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/text.h"

namespace agora {

std::string facet_path(const std::string& type, const Taxonomy& taxonomy,
                       const std::string& term_id) {
  return type + "/" + taxonomy.path() + ascii_lower(term_id) + "/";
}

std::vector<Facet> plan_facets(const Site& site, const std::vector<std::string>& taxonomies) {
  std::vector<Facet> facets;
  for (const auto& type : site.config.types) {
    for (const auto& name : taxonomies) {
      const Taxonomy* taxonomy = site.config.taxonomy(name);
      if (!taxonomy || taxonomy->kind == VocabularyKind::kDocuments) continue;
      const TaxonomyIndex& index = site.taxonomies.at(name);
      std::vector<Facet> found;
      for (const auto& [id, documents] : index.documents) {
        Facet facet{type.name,
                    taxonomy,
                    index.vocabulary->by_id(id),
                    {},
                    site.dir(facet_path(type.name, *taxonomy, id))};
        for (size_t doc : documents) {
          if (site.documents[doc].type == type.name) facet.documents.push_back(doc);
        }
        if (!facet.documents.empty()) found.push_back(std::move(facet));
      }
      std::stable_sort(found.begin(), found.end(),
                       [](const Facet& a, const Facet& b) { return a.term->name < b.term->name; });
      for (auto& facet : found) facets.push_back(std::move(facet));
    }
  }
  return facets;
}

namespace {

// Column index of a term: its own, or its nearest ancestor's that is a
// column; -1 when none is (a cycle or an unknown parent stops the climb).
int column_of(const Vocabulary& vocabulary, const std::map<std::string, int>& columns,
              const std::string& id) {
  std::set<std::string> seen;
  const Term* term = vocabulary.by_id(id);
  while (term && seen.insert(term->id).second) {
    auto it = columns.find(term->id);
    if (it != columns.end()) return it->second;
    term = term->parent.empty() ? nullptr : vocabulary.by_id(term->parent);
  }
  return -1;
}

}  // namespace

std::optional<GapMap> build_gap_map(const Site& site, const GapMapSpec& spec) {
  GapMap map;
  map.rows_taxonomy = site.config.taxonomy(spec.rows);
  map.columns_taxonomy = site.config.taxonomy(spec.columns);
  if (!map.rows_taxonomy || !map.columns_taxonomy) return std::nullopt;
  std::set<std::string> types;
  for (const auto& name : spec.types) {
    if (const ContentType* type = site.config.type(name)) {
      types.insert(name);
      map.type_titles.push_back(type->title);
    }
  }
  if (types.empty()) return std::nullopt;

  const Vocabulary& row_vocabulary = site.vocabularies.at(spec.rows);
  const Vocabulary& column_vocabulary = site.vocabularies.at(spec.columns);
  std::map<std::string, int> row_index, column_index;
  for (const auto& term : row_vocabulary.terms()) {
    row_index[term.id] = static_cast<int>(map.rows.size());
    map.rows.push_back(&term);
  }
  map.columns = top_level_terms(column_vocabulary);
  for (size_t c = 0; c < map.columns.size(); ++c)
    column_index[map.columns[c]->id] = static_cast<int>(c);
  map.cells.assign(map.rows.size(), std::vector<GapCell>(map.columns.size()));
  for (size_t r = 0; r < map.rows.size(); ++r) {
    for (size_t c = 0; c < map.columns.size(); ++c) {
      map.cells[r][c].path = site.dir(std::string(kGapMapPath) + ascii_lower(map.rows[r]->id) +
                                      "/" + ascii_lower(map.columns[c]->id) + "/");
    }
  }

  // Site order is type order, newest first: every cell's list comes out in
  // the order listings use.
  for (size_t i = 0; i < site.documents.size(); ++i) {
    const Document& doc = site.documents[i];
    if (!site.shows(doc) || !types.count(doc.type)) continue;
    auto row_ids = doc.terms.find(spec.rows);
    auto column_ids = doc.terms.find(spec.columns);
    if (row_ids == doc.terms.end() || column_ids == doc.terms.end()) continue;
    std::set<int> columns;
    for (const auto& id : column_ids->second) {
      int c = column_of(column_vocabulary, column_index, id);
      if (c >= 0) columns.insert(c);
    }
    for (const auto& id : row_ids->second) {
      auto r = row_index.find(id);
      if (r == row_index.end()) continue;
      for (int c : columns) {
        auto& cell = map.cells[static_cast<size_t>(r->second)][static_cast<size_t>(c)].documents;
        if (cell.empty() || cell.back() != i) cell.push_back(i);
      }
    }
  }
  for (const auto& row : map.cells) {
    for (const auto& cell : row) map.max_count = std::max(map.max_count, cell.documents.size());
  }
  return map;
}

int gap_shade(size_t count, size_t max_count) {
  if (count == 0 || max_count == 0) return 0;
  // Ceiling of 4 * count / max: any document lifts a cell to at least 1.
  return static_cast<int>(std::min<size_t>(4, (4 * count + max_count - 1) / max_count));
}

}  // namespace agora
