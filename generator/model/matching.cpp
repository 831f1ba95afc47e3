#include "model/matching.h"

#include <algorithm>
#include <tuple>

#include "model/clearing_house.h"

namespace agora {

namespace {

// What a request wants under one criterion: its most specific terms, each
// with term_and_broader(term). The same for every offer, so worked out once.
struct Wanted {
  const MatchCriterion* criterion;
  std::vector<TermRef> terms;
  std::vector<std::vector<TermRef>> up;  // per term
};

std::vector<Wanted> wanted_by(const Site& site, const Document& request) {
  std::vector<Wanted> out;
  for (const auto& criterion : site.config.clearing_house.criteria) {
    Wanted wanted{
        &criterion, most_specific(site, field_terms(request, criterion.request_fields)), {}};
    if (wanted.terms.empty()) continue;
    for (const auto& term : wanted.terms) wanted.up.push_back(term_and_broader(site, term));
    out.push_back(std::move(wanted));
  }
  return out;
}

// Hit the wanted terms with `offered` ones; fills match.hits and points.
void cover(const Wanted& wanted, const std::vector<TermRef>& offered, CriterionMatch* match) {
  match->wanted = wanted.terms.size();
  for (size_t t = 0; t < wanted.terms.size(); ++t) {
    const std::vector<TermRef>& up = wanted.up[t];
    for (size_t steps = 0; steps < up.size(); ++steps) {
      if (std::find(offered.begin(), offered.end(), up[steps]) == offered.end()) continue;
      match->hits.push_back({wanted.terms[t], up[steps], static_cast<int>(steps)});
      break;
    }
  }
  match->points =
      static_cast<int>(1000LL * match->weight * static_cast<long long>(match->hits.size()) /
                       static_cast<long long>(wanted.terms.size()));
}

// How `offer` covers the request, whether or not it is a candidate.
OfferMatch match_wanted(const Site& site, const std::vector<Wanted>& wanted, size_t offer) {
  OfferMatch match;
  match.offer = offer;
  const Document& offer_doc = site.documents[offer];
  for (const Wanted& want : wanted) {
    CriterionMatch result;
    result.criterion = want.criterion->name;
    result.weight = want.criterion->weight;
    cover(want, field_terms(offer_doc, want.criterion->offer_fields), &result);
    match.score += result.points;
    for (const auto& hit : result.hits) match.distance += hit.steps;
    match.criteria.push_back(std::move(result));
  }
  return match;
}

bool is_candidate(const Site& site, const OfferMatch& match) {
  if (match.score <= 0) return false;
  for (const auto& result : match.criteria) {
    for (const auto& criterion : site.config.clearing_house.criteria) {
      if (criterion.name == result.criterion && criterion.required && result.hits.empty()) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

std::vector<OfferMatch> rank_offers(const Site& site, const Document& request) {
  std::vector<OfferMatch> out;
  auto it = site.by_type.find(site.config.clearing_house.offers_type);
  if (it == site.by_type.end()) return out;
  const std::vector<Wanted> wanted = wanted_by(site, request);
  for (size_t offer : it->second) {
    OfferMatch match = match_wanted(site, wanted, offer);
    if (is_candidate(site, match)) out.push_back(std::move(match));
  }
  std::sort(out.begin(), out.end(), [&](const OfferMatch& a, const OfferMatch& b) {
    const std::string& slug_a = site.documents[a.offer].slug;
    const std::string& slug_b = site.documents[b.offer].slug;
    return std::tie(b.score, a.distance, slug_a) < std::tie(a.score, b.distance, slug_b);
  });
  return out;
}

std::vector<RequestSuggestions> suggested_matches(const Site& site) {
  std::vector<RequestSuggestions> out;
  const ClearingHouseConfig& house = site.config.clearing_house;
  if (!house.enabled) return out;
  auto it = site.by_type.find(house.requests_type);
  if (it == site.by_type.end()) return out;
  for (size_t request : it->second) {
    if (!is_open(site, site.documents[request])) continue;
    RequestSuggestions suggestions{request, rank_offers(site, site.documents[request])};
    if (suggestions.offers.size() > static_cast<size_t>(house.suggestions)) {
      suggestions.offers.resize(static_cast<size_t>(house.suggestions));
    }
    out.push_back(std::move(suggestions));
  }
  return out;
}

}  // namespace agora
