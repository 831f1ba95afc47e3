#pragma once
// Browse pages built from taxonomies, with no JavaScript:
//   - facets: one content type narrowed to one term, TYPE/TAXONOMY/TERM/
//     ("case-studies/themes/e-government/"), for every pair that has
//     documents; listings link to them as filter chips;
//   - the gap map: a rows x columns table (themes x regions) counting the
//     documents of some types (initiatives, case studies) in each cell, with
//     a page per non-empty cell, gap-map/ROW/COLUMN/.
// Everything here is a pure function of the Site; page_views.cpp turns the
// results into views.

#include <optional>
#include <string>
#include <vector>

#include "model/site.h"

namespace agora {

struct Facet {
  std::string type;  // content type name
  const Taxonomy* taxonomy = nullptr;
  const Term* term = nullptr;
  std::vector<size_t> documents;  // newest first
  std::string path;               // site-relative directory
};

// "case-studies/themes/e-government/".
std::string facet_path(const std::string& type, const Taxonomy& taxonomy,
                       const std::string& term_id);

// Every (type, term) pair of `taxonomies` (names; missing ones and
// documents vocabularies are skipped) that has documents: in type order,
// then taxonomy order, then term name.
std::vector<Facet> plan_facets(const Site& site, const std::vector<std::string>& taxonomies);

// From site.yaml's browse.gap_map.
struct GapMapSpec {
  std::string rows;
  std::string columns;
  std::vector<std::string> types;
};

struct GapCell {
  std::vector<size_t> documents;  // newest first, each once
  std::string path;               // "gap-map/ROW/COLUMN/"
};

struct GapMap {
  const Taxonomy* rows_taxonomy = nullptr;
  const Taxonomy* columns_taxonomy = nullptr;
  std::vector<const Term*> rows;            // every row term, vocabulary order
  std::vector<const Term*> columns;         // the top-level column terms
  std::vector<std::vector<GapCell>> cells;  // [row][column]
  std::vector<std::string> type_titles;     // "Initiatives", "Case studies"
  size_t max_count = 0;
};

inline constexpr const char* kGapMapPath = "gap-map/";

// The gap map, or nothing when the site lacks the spec's taxonomies or
// types. A document tagged with a narrower column term ("western-africa")
// counts in its nearest top-level ancestor ("africa"); row terms count as
// tagged.
std::optional<GapMap> build_gap_map(const Site& site, const GapMapSpec& spec);

// Shade 0..4 of a cell: 0 only for an empty cell, 4 for the fullest.
int gap_shade(size_t count, size_t max_count);

}  // namespace agora
