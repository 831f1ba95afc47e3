#pragma once
// Who can help where, and where requests go unmet: the data of the "Find
// support" pages and of the needs gap map, from site.yaml's
// `clearing_house.directory` (docs/CLEARING-HOUSE.md).
//
// Rows are the terms of the services field's taxonomy, in vocabulary order;
// columns are the top-level terms of the regions taxonomy (the World, each
// continent, the M49 groupings). A place term (a country or region a
// document names in its place fields) rolls up to the first column among
// itself and its broader terms: Ghana -> Western Africa -> ... -> Africa.
//
// A document of the directory's types (a help desk, an offer) serves a
// column when one of its place terms rolls up to it (it works in the
// column or part of it), or is broader than the column's term (an offer for
// the World serves Africa). It provides a service when its services field
// names it.
//
// An open request counts in the columns its most specific place terms roll
// up to, once per service it needs. It is unmet for a service when no
// document of the offers type provides the service and covers one of those
// place terms (model/term_coverage.h); a request with no place is met by
// any offer of the service.

#include <string>
#include <utility>
#include <vector>

#include "model/site.h"
#include "model/term_coverage.h"

namespace agora {

struct SupportCell {
  std::vector<size_t> providers;  // directory documents, listing order
};

struct NeedCell {
  std::vector<size_t> open;    // open requests needing the row's service here
  std::vector<size_t> unmet;   // of those, the ones no offer can serve
  std::vector<size_t> offers;  // offers of the service that serve the column
};

// Each directory document (index) with the terms of its place fields.
using DirectoryPlaces = std::vector<std::pair<size_t, std::vector<TermRef>>>;

struct SupportMap {
  const Taxonomy* services = nullptr;           // the rows' taxonomy
  const Taxonomy* regions = nullptr;            // the columns' taxonomy
  const Taxonomy* countries = nullptr;          // a page per term
  std::vector<const Term*> rows;                // every service, vocabulary order
  std::vector<const Term*> columns;             // top-level regions, vocabulary order
  std::vector<std::vector<SupportCell>> cells;  // [row][column]
  std::vector<std::vector<NeedCell>> needs;     // [row][column]
  // Open requests that name no place, so sit in no column.
  std::vector<size_t> unplaced;
  // directory_places(site), kept for the country pages.
  DirectoryPlaces directory;
};

// Nothing when the clearing-house or its directory is not configured, or
// names taxonomies the site lacks.
std::optional<SupportMap> build_support_map(const Site& site);

// The directory's documents (desks, then offers, as site.yaml lists the
// types), each in listing order.
std::vector<size_t> directory_documents(const Site& site);

// The directory's documents with their place terms.
DirectoryPlaces directory_places(const Site& site);

// The column `place` rolls up to, or -1.
int place_column(const Site& site, const SupportMap& map, const TermRef& place);

// The directory documents that serve a country, grouped by the nearest of
// their place terms that covers it: the country itself first, then its
// region, ..., the World (term_and_broader order).
struct CoverageGroup {
  TermRef area;                   // the covering term
  int steps = 0;                  // its position in term_and_broader(country)
  std::vector<size_t> documents;  // listing order
};
std::vector<CoverageGroup> providers_for(const Site& site, const TermRef& country);
// The same over directory_places(site), for callers that ask for many countries.
std::vector<CoverageGroup> providers_for(const Site& site, const DirectoryPlaces& directory,
                                         const TermRef& country);

// The requests of the requests type that name `country` in a place field,
// in listing order.
std::vector<size_t> requests_from(const Site& site, const TermRef& country);

}  // namespace agora
