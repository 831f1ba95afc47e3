#pragma once
// Suggested matches: for each open request, the offers ranked by how well
// they cover it, with the reasons as data (the theme words them).
//
// The criteria come from site.yaml (`clearing_house.matching.criteria`):
// each compares some term fields of the request with some of the offer,
// e.g. services with services, or countries and regions with countries and
// regions. For one request R, one offer O and one criterion C:
//
//   wanted(C)  = the terms R's C.request fields name, keeping only the most
//                specific (a request for Ghana in Western Africa wants Ghana)
//   covered(C) = the wanted terms that one of O's C.offer terms covers: the
//                same term, or a broader one (a vocabulary parent, or a
//                `broader:` link such as a country's region), so an offer
//                for Africa covers Ghana
//   points(C)  = floor(1000 * weight(C) * |covered| / |wanted|)
//
// A criterion R names no term for gives no points and no reason. O is a
// candidate when its score (the sum of points) is above 0 and it covers at
// least one wanted term of every `required` criterion that R names terms
// for. Candidates are ordered by:
//   1. score, highest first;
//   2. distance, smallest first: the sum over all hits of the covering
//      term's position among the wanted term's broader terms, nearest first
//      (term_and_broader: 0 is the very term, 1 its parent or first broader
//      term, ...), so for Ghana an offer for Ghana comes before one for
//      Africa, and one for Africa before one for the World;
//   3. the offer's slug, in byte order.
// The same site always gives the same order.

#include <vector>

#include "model/site.h"
#include "model/term_coverage.h"

namespace agora {

// One wanted term of the request and the offer term that covers it
// (`offered == wanted` when the offer names the term itself); `steps` is its
// position in term_and_broader(wanted), 0 for the same term.
struct TermHit {
  TermRef wanted;
  TermRef offered;
  int steps = 0;
  bool operator==(const TermHit&) const = default;
};

// How one criterion went: which of the wanted terms the offer covers. A
// criterion with no hits is a gap the reader should know about.
struct CriterionMatch {
  std::string criterion;  // its name in site.yaml
  int weight = 0;
  size_t wanted = 0;  // how many terms the request wants
  std::vector<TermHit> hits;
  int points = 0;
};

struct OfferMatch {
  size_t offer = 0;  // index into Site::documents
  int score = 0;
  int distance = 0;  // steps of all hits together
  // Every criterion the request names terms for, in site.yaml order.
  std::vector<CriterionMatch> criteria;
};

// Every candidate offer for `request`, best first (see above).
std::vector<OfferMatch> rank_offers(const Site& site, const Document& request);

struct RequestSuggestions {
  size_t request = 0;              // index into Site::documents
  std::vector<OfferMatch> offers;  // at most `clearing_house.matching.suggestions`
};

// The open requests, in listing order, each with its best candidates.
// Empty when the clearing-house is not enabled.
std::vector<RequestSuggestions> suggested_matches(const Site& site);

}  // namespace agora
