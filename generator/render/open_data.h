#pragma once
// Open data: every document's front matter per type, as JSON and as CSV
// (RFC 4180), at data/TYPE.json and data/TYPE.csv.

#include <string>

#include <nlohmann/json.hpp>

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

std::string csv_field(const std::string& value);

}  // namespace agora
