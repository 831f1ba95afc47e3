#pragma once
// Which terms a document's term fields cover: a term covers itself and every
// narrower term. Broader terms are a vocabulary's parents (Western Africa ->
// Sub-Saharan Africa -> Africa -> World) and a taxonomy's `broader:` links
// to another taxonomy (Ghana -> Western Africa). So an offer that serves
// Africa serves Ghana. Shared by the match ranking, the country pages' "who
// serves this country" and the dashboard's regions.

#include <compare>
#include <string>
#include <vector>

#include "model/site.h"

namespace agora {

struct TermRef {
  std::string taxonomy;
  std::string id;
  auto operator<=>(const TermRef&) const = default;
};

// `term` first, then its broader terms, nearest first: the parent chain,
// then each `broader:` link (in file order) with its own broader terms.
// Each term once; unknown taxonomies and ids give just `term`.
std::vector<TermRef> term_and_broader(const Site& site, const TermRef& term);

// The terms that `fields` of `doc` name, in field order, each once. Fields
// that are not term fields of the document are skipped.
std::vector<TermRef> field_terms(const Document& doc, const std::vector<std::string>& fields);

// Of `terms`, the ones no other term of the list is narrower than: for
// {Ghana, Western Africa} just Ghana, since Ghana is in Western Africa.
std::vector<TermRef> most_specific(const Site& site, const std::vector<TermRef>& terms);

// The first of `offered` that covers `wanted` (is it, or one of its broader
// terms), or null.
const TermRef* covering_term(const Site& site, const TermRef& wanted,
                             const std::vector<TermRef>& offered);

// The same, given term_and_broader(wanted): callers that test many offers
// against one term walk the vocabularies once.
const TermRef* covering_term(const std::vector<TermRef>& wanted_and_broader,
                             const std::vector<TermRef>& offered);

// Documents of `type` whose `fields` cover `term` (a country page's desks
// and offers that serve the country), in listing order (newest first).
std::vector<size_t> documents_covering(const Site& site, const std::string& type,
                                       const std::vector<std::string>& fields, const TermRef& term);

}  // namespace agora
