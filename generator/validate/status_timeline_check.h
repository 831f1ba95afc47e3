#pragma once
// The clearing-house's consistency rules for a request's status (site.yaml
// `clearing_house.requests`): the timeline runs oldest first, the status is
// the timeline's last one, the status date is not before that change, and a
// status that says a match was made names the matched offers.

#include "config/clearing_house_config.h"
#include "content/document.h"
#include "content/front_matter.h"
#include "util/diagnostic.h"

namespace agora {

// Checks `doc`, already validated against its schema (doc.fields holds its
// valid fields), and reports problems at their place in front_matter:
//   timeline-order  (error)   an entry dated before the one above it
//   status-mismatch (error)   status differs from the last timeline entry's
//   status-date     (error)   the status date is before the last change
//   no-matches      (warning) a matched status, but no matched offers named
// Does nothing unless the clearing-house is enabled and doc is a request.
void check_status_timeline(const FrontMatter& front_matter, const ClearingHouseConfig& house,
                           const Document& doc, Diagnostics* diags);

}  // namespace agora
