#pragma once
// Open data: every document's front matter per type, as JSON and as CSV
// (RFC 4180), at data/TYPE.json and data/TYPE.csv, with the content's
// licence (site.yaml license) in each: data/TYPE.json is
//   {"license": {"name", "url"} or null, "documents": [...]}
// and each CSV row ends with a "license" column ("CC BY 4.0 URL") when
// site.yaml names one. The clearing-house's figures (model/dashboard.h) go
// into the requests type's JSON as "figures", and on their own to
// data/REQUESTS-figures.json ({"license", "figures"}) and .csv.

#include <string>

#include <nlohmann/json.hpp>

#include "model/dashboard.h"
#include "model/site.h"
#include "render/site_files.h"

namespace agora {

// Adds data/TYPE.json and data/TYPE.csv for every type to *files.
void add_open_data(const Site& site, SiteFiles* files);

// The JSON array of one type's documents: {slug, url, then the schema's
// fields in order}, newest first. url is relative to the site root.
nlohmann::ordered_json type_data(const Site& site, const ContentType& type);

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or
// a line break, quotes doubled. Lists are joined with "; ", objects written
// as JSON.
std::string type_csv(const Site& site, const ContentType& type);

// The dashboard's rows (dashboard_rows) as CSV, with the licence column.
std::string figures_csv(const Site& site, const Dashboard& dashboard);

std::string csv_field(const std::string& value);

}  // namespace agora
