#pragma once
// Reading the clearing-house out of the site, by the roles site.yaml gives
// (`clearing_house:`): a request's status, timeline and matched offers, who
// provides an offer, and what an organization offered and took up. The
// render stage reads these; none of them names a field.

#include <optional>
#include <string>
#include <vector>

#include "model/site.h"

namespace agora {

// One dated status change of a request's timeline.
struct StatusChange {
  std::string date;  // YYYY-MM-DD
  std::string status;
  bool reported = false;  // the date is when a source reported it, not of the change
};

// True when the clearing-house is enabled and `doc` is of its requests type.
bool is_request(const Site& site, const Document& doc);
bool is_offer(const Site& site, const Document& doc);

// The request's status ("" when it has none).
std::string request_status(const Site& site, const Document& request);
// True when the request is illustrative (its example field is true).
bool is_example(const Site& site, const Document& request);
// True when the request's status is one of the open statuses.
bool is_open(const Site& site, const Document& request);
// The timeline's entries that have a date and a status, in file order.
std::vector<StatusChange> status_timeline(const Site& site, const Document& request);
// The day the request was opened: the first timeline entry with an open
// status. The day it was matched: the first entry with a matched status.
// Either is nullopt when there is no such entry, or when that entry's date
// is only the day a source reported it.
std::optional<std::string> opened_date(const Site& site, const Document& request);
std::optional<std::string> matched_date(const Site& site, const Document& request);
// A successful matching case: a request with a successful status that names
// at least one matched offer. (The dashboard counts examples apart.)
bool is_successful(const Site& site, const Document& request);

// Indexes of the offers the request names as matched, in its order.
std::vector<size_t> matched_offers(const Site& site, const Document& request);
// Term ids of the offer's providers (the provider field).
std::vector<std::string> offer_providers(const Site& site, const Document& offer);
// An organization's offers (provider names it), in listing order.
std::vector<size_t> offers_by_provider(const Site& site, const std::string& provider_id);
// The requests an organization took up: those matched with one of its
// offers, in listing order.
std::vector<size_t> requests_taken_up(const Site& site, const std::string& provider_id);

}  // namespace agora
