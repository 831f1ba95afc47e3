#pragma once
// The clearing-house roles of site.yaml: which content type holds requests
// for support and which holds offers, which of their fields carry the status,
// its timeline and the matches, and which fields the match ranking compares.
// The generator names none of these; site.yaml does, under `clearing_house:`.

#include <string>
#include <vector>

namespace agora {

// One thing the match ranking compares, e.g. the services a request needs
// against the services an offer gives. Every field is a list-of-terms field;
// a request term is covered by an offer term that is the same term or one of
// its broader terms (vocabulary parents, and `broader:` links between
// taxonomies, e.g. a country's region).
struct MatchCriterion {
  std::string name;                         // names the criterion in reasons
  std::vector<std::string> request_fields;  // fields of the requests type
  std::vector<std::string> offer_fields;    // fields of the offers type
  int weight = 1;                           // points for full coverage
  bool required = false;                    // an offer covering none of it is no candidate
  int line = 0;                             // where it is declared in site.yaml
};

// The "Find support" pages: who can help (help desks, offers) by service and
// by region, a page per country, and the needs gap map of open requests
// against offers. Every field named here is a list-of-terms field of the
// directory's types and of the requests type alike.
struct SupportDirectory {
  bool enabled = false;             // site.yaml has a directory block
  std::vector<std::string> types;   // who can help, e.g. help desks and offers
  std::string services;             // the field of what is offered and asked
  std::vector<std::string> places;  // the fields of where, e.g. countries, regions
  std::string countries;            // taxonomy with a page per term
  std::string regions;              // taxonomy whose top-level terms are the columns
};

struct ClearingHouseConfig {
  bool enabled = false;  // site.yaml has a clearing_house block

  std::string requests_type;    // the type of requests for support
  std::string status_field;     // enum field: where a request stands now
  std::string status_date;      // date field: the day the status was known true
  std::string timeline_field;   // list-of-objects: the dated status changes
  std::string timeline_date;    // date field of a timeline item
  std::string timeline_status;  // enum field of a timeline item (status values)
  // Boolean field of a timeline item, optional: true when the date is the
  // day a source reported the status, not the day it changed. Such dates
  // count for no median and no quarter.
  std::string timeline_reported;
  std::string matches_field;  // list-of-references to the offers type
  std::string example_field;  // boolean: true marks an illustrative request

  std::string offers_type;     // the type of offers of support
  std::string provider_field;  // list-of-terms of a documents vocabulary: who offers

  // Which status values mean what; each a subset of the status field's values.
  std::vector<std::string> open_statuses;        // awaiting a match: gets suggestions
  std::vector<std::string> matched_statuses;     // a match was made (first one dates it)
  std::vector<std::string> successful_statuses;  // a finished, successful case

  std::vector<MatchCriterion> criteria;
  int suggestions = 3;  // offers suggested per open request

  // The request fields the dashboard counts by (the status field, term fields).
  std::vector<std::string> dashboard_fields;

  SupportDirectory directory;
  // Where people without a GitHub account send a request; "" for none.
  std::string email;
};

}  // namespace agora
