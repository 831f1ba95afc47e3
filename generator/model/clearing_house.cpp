#include "model/clearing_house.h"

#include <algorithm>

namespace agora {

namespace {

std::string string_field(const nlohmann::json& object, const std::string& name) {
  if (name.empty()) return "";
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::optional<std::string> first_date_with(const Site& site, const Document& request,
                                           const std::vector<std::string>& statuses) {
  for (const auto& change : status_timeline(site, request)) {
    if (!contains(statuses, change.status)) continue;
    if (change.reported) return std::nullopt;
    return change.date;
  }
  return std::nullopt;
}

const std::vector<size_t>& documents_of(const Site& site, const std::string& type) {
  static const std::vector<size_t> kNone;
  auto it = site.by_type.find(type);
  return it == site.by_type.end() ? kNone : it->second;
}

}  // namespace

bool is_request(const Site& site, const Document& doc) {
  return site.config.clearing_house.enabled && doc.type == site.config.clearing_house.requests_type;
}

bool is_offer(const Site& site, const Document& doc) {
  return site.config.clearing_house.enabled && doc.type == site.config.clearing_house.offers_type;
}

std::string request_status(const Site& site, const Document& request) {
  return string_field(request.fields, site.config.clearing_house.status_field);
}

bool is_example(const Site& site, const Document& request) {
  const std::string& field = site.config.clearing_house.example_field;
  if (field.empty()) return false;
  auto it = request.fields.find(field);
  return it != request.fields.end() && it->is_boolean() && it->get<bool>();
}

bool is_open(const Site& site, const Document& request) {
  return contains(site.config.clearing_house.open_statuses, request_status(site, request));
}

std::vector<StatusChange> status_timeline(const Site& site, const Document& request) {
  const ClearingHouseConfig& house = site.config.clearing_house;
  std::vector<StatusChange> out;
  auto it = request.fields.find(house.timeline_field);
  if (house.timeline_field.empty() || it == request.fields.end() || !it->is_array()) return out;
  for (const auto& entry : *it) {
    StatusChange change{string_field(entry, house.timeline_date),
                        string_field(entry, house.timeline_status), false};
    if (!house.timeline_reported.empty()) {
      auto reported = entry.find(house.timeline_reported);
      change.reported = reported != entry.end() && reported->is_boolean() && reported->get<bool>();
    }
    if (!change.date.empty() && !change.status.empty()) out.push_back(std::move(change));
  }
  return out;
}

std::optional<std::string> opened_date(const Site& site, const Document& request) {
  return first_date_with(site, request, site.config.clearing_house.open_statuses);
}

std::optional<std::string> matched_date(const Site& site, const Document& request) {
  return first_date_with(site, request, site.config.clearing_house.matched_statuses);
}

bool is_successful(const Site& site, const Document& request) {
  return contains(site.config.clearing_house.successful_statuses, request_status(site, request)) &&
         !matched_offers(site, request).empty();
}

std::vector<size_t> matched_offers(const Site& site, const Document& request) {
  const ClearingHouseConfig& house = site.config.clearing_house;
  std::vector<size_t> out;
  for (const auto& field : request.reference_fields) {
    if (field.field != house.matches_field) continue;
    for (const auto& slug : field.slugs) {
      auto it = site.by_key.find(field.type + "/" + slug);
      if (it != site.by_key.end()) out.push_back(it->second);
    }
  }
  return out;
}

std::vector<std::string> offer_providers(const Site& site, const Document& offer) {
  for (const auto& field : offer.term_fields) {
    if (field.field == site.config.clearing_house.provider_field) return field.ids;
  }
  return {};
}

std::vector<size_t> offers_by_provider(const Site& site, const std::string& provider_id) {
  std::vector<size_t> out;
  for (size_t index : documents_of(site, site.config.clearing_house.offers_type)) {
    if (contains(offer_providers(site, site.documents[index]), provider_id)) out.push_back(index);
  }
  return out;
}

std::vector<size_t> requests_taken_up(const Site& site, const std::string& provider_id) {
  std::vector<size_t> out;
  for (size_t index : documents_of(site, site.config.clearing_house.requests_type)) {
    for (size_t offer : matched_offers(site, site.documents[index])) {
      if (contains(offer_providers(site, site.documents[offer]), provider_id)) {
        out.push_back(index);
        break;
      }
    }
  }
  return out;
}

}  // namespace agora
