#include "model/support_map.h"

#include <algorithm>

#include "model/clearing_house.h"

namespace agora {

namespace {

const std::vector<size_t>& documents_of(const Site& site, const std::string& type) {
  static const std::vector<size_t> kNone;
  auto it = site.by_type.find(type);
  return it == site.by_type.end() ? kNone : it->second;
}

bool provides(const Document& doc, const std::string& field, const std::string& service) {
  for (const auto& terms : doc.term_fields) {
    if (terms.field != field) continue;
    if (std::find(terms.ids.begin(), terms.ids.end(), service) != terms.ids.end()) return true;
  }
  return false;
}

// The columns a document serves (see the header): flags by column index.
std::vector<bool> served_columns(const Site& site, const SupportMap& map, const Document& doc) {
  std::vector<bool> served(map.columns.size(), false);
  const auto& places = site.config.clearing_house.directory.places;
  for (const auto& place : field_terms(doc, places)) {
    int column = place_column(site, map, place);
    if (column >= 0) served[static_cast<size_t>(column)] = true;
    // A place broader than a column serves all of it.
    for (size_t c = 0; c < map.columns.size(); ++c) {
      auto up = term_and_broader(site, {map.regions->name, map.columns[c]->id});
      if (std::find(up.begin() + 1, up.end(), place) != up.end()) served[c] = true;
    }
  }
  return served;
}

// True when an offer of `service` covers one of `places` (any offer of the
// service when there are none).
bool can_serve(const Site& site, const std::vector<TermRef>& places, const std::string& service) {
  const ClearingHouseConfig& house = site.config.clearing_house;
  for (size_t offer : documents_of(site, house.offers_type)) {
    const Document& doc = site.documents[offer];
    if (!provides(doc, house.directory.services, service)) continue;
    if (places.empty()) return true;
    std::vector<TermRef> offered = field_terms(doc, house.directory.places);
    for (const auto& place : places) {
      if (covering_term(site, place, offered)) return true;
    }
  }
  return false;
}

void add_once(std::vector<size_t>* list, size_t index) {
  if (std::find(list->begin(), list->end(), index) == list->end()) list->push_back(index);
}

void fill_needs(const Site& site, SupportMap* map) {
  const ClearingHouseConfig& house = site.config.clearing_house;
  std::map<std::string, size_t> row_of;
  for (size_t r = 0; r < map->rows.size(); ++r) row_of[map->rows[r]->id] = r;
  for (size_t offer : documents_of(site, house.offers_type)) {
    std::vector<bool> served = served_columns(site, *map, site.documents[offer]);
    for (const auto& service : field_terms(site.documents[offer], {house.directory.services})) {
      auto row = row_of.find(service.id);
      if (row == row_of.end()) continue;
      for (size_t c = 0; c < served.size(); ++c) {
        if (served[c]) map->needs[row->second][c].offers.push_back(offer);
      }
    }
  }
  for (size_t request : documents_of(site, house.requests_type)) {
    const Document& doc = site.documents[request];
    if (!is_open(site, doc)) continue;
    std::vector<TermRef> places = most_specific(site, field_terms(doc, house.directory.places));
    std::vector<size_t> columns;
    for (const auto& place : places) {
      int column = place_column(site, *map, place);
      if (column >= 0 && std::find(columns.begin(), columns.end(), column) == columns.end()) {
        columns.push_back(static_cast<size_t>(column));
      }
    }
    if (columns.empty()) map->unplaced.push_back(request);
    for (const auto& service : field_terms(doc, {house.directory.services})) {
      auto row = row_of.find(service.id);
      if (row == row_of.end()) continue;
      bool unmet = !can_serve(site, places, service.id);
      for (size_t c : columns) {
        NeedCell& cell = map->needs[row->second][c];
        add_once(&cell.open, request);
        if (unmet) add_once(&cell.unmet, request);
      }
    }
  }
}

}  // namespace

int place_column(const Site& site, const SupportMap& map, const TermRef& place) {
  for (const auto& up : term_and_broader(site, place)) {
    if (up.taxonomy != map.regions->name) continue;
    for (size_t c = 0; c < map.columns.size(); ++c) {
      if (map.columns[c]->id == up.id) return static_cast<int>(c);
    }
  }
  return -1;
}

std::vector<size_t> directory_documents(const Site& site) {
  std::vector<size_t> out;
  for (const auto& type : site.config.clearing_house.directory.types) {
    const auto& documents = documents_of(site, type);
    out.insert(out.end(), documents.begin(), documents.end());
  }
  return out;
}

std::optional<SupportMap> build_support_map(const Site& site) {
  const ClearingHouseConfig& house = site.config.clearing_house;
  if (!house.enabled || !house.directory.enabled) return std::nullopt;
  const ContentType* requests = site.config.type(house.requests_type);
  const FieldSchema* services = requests ? requests->field(house.directory.services) : nullptr;
  SupportMap map;
  map.services = services ? site.config.taxonomy(services->taxonomy) : nullptr;
  map.regions = site.config.taxonomy(house.directory.regions);
  map.countries = site.config.taxonomy(house.directory.countries);
  if (!map.services || !map.regions || !map.countries) return std::nullopt;
  for (const auto& term : site.vocabularies.at(map.services->name).terms()) {
    map.rows.push_back(&term);
  }
  map.columns = top_level_terms(site.vocabularies.at(map.regions->name));
  map.cells.assign(map.rows.size(), std::vector<SupportCell>(map.columns.size()));
  map.needs.assign(map.rows.size(), std::vector<NeedCell>(map.columns.size()));
  std::map<std::string, size_t> row_of;
  for (size_t r = 0; r < map.rows.size(); ++r) row_of[map.rows[r]->id] = r;
  map.directory = directory_places(site);
  for (const auto& [index, _] : map.directory) {
    const Document& doc = site.documents[index];
    std::vector<bool> served = served_columns(site, map, doc);
    for (const auto& service : field_terms(doc, {house.directory.services})) {
      auto row = row_of.find(service.id);
      if (row == row_of.end()) continue;
      for (size_t c = 0; c < served.size(); ++c) {
        if (served[c]) map.cells[row->second][c].providers.push_back(index);
      }
    }
  }
  fill_needs(site, &map);
  return map;
}

DirectoryPlaces directory_places(const Site& site) {
  DirectoryPlaces out;
  for (size_t index : directory_documents(site)) {
    out.emplace_back(
        index, field_terms(site.documents[index], site.config.clearing_house.directory.places));
  }
  return out;
}

std::vector<CoverageGroup> providers_for(const Site& site, const TermRef& country) {
  return providers_for(site, directory_places(site), country);
}

std::vector<CoverageGroup> providers_for(const Site& site, const DirectoryPlaces& directory,
                                         const TermRef& country) {
  std::vector<CoverageGroup> groups;
  std::vector<TermRef> up = term_and_broader(site, country);
  for (const auto& [index, places] : directory) {
    const TermRef* area = covering_term(up, places);
    if (!area) continue;
    int steps = static_cast<int>(std::find(up.begin(), up.end(), *area) - up.begin());
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const CoverageGroup& g) { return g.area == *area; });
    if (group == groups.end()) {
      groups.push_back({*area, steps, {}});
      group = groups.end() - 1;
    }
    group->documents.push_back(index);
  }
  std::stable_sort(
      groups.begin(), groups.end(),
      [](const CoverageGroup& a, const CoverageGroup& b) { return a.steps < b.steps; });
  return groups;
}

std::vector<size_t> requests_from(const Site& site, const TermRef& country) {
  std::vector<size_t> out;
  const ClearingHouseConfig& house = site.config.clearing_house;
  for (size_t request : documents_of(site, house.requests_type)) {
    auto places = field_terms(site.documents[request], house.directory.places);
    if (std::find(places.begin(), places.end(), country) != places.end()) out.push_back(request);
  }
  return out;
}

}  // namespace agora
