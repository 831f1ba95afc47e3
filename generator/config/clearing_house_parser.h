#pragma once
// Parsing of the site.yaml blocks that give types roles beyond their schema:
// `clearing_house:` (requests, offers, statuses, matching, dashboard) and
// `forms:` (GitHub issue forms). Used by parse_site_config once the types are
// known, so every name is checked against them.

#include <yaml-cpp/yaml.h>

#include <string>

#include "config/site_config.h"
#include "util/diagnostic.h"

namespace agora {

// Fills config->clearing_house from `node` (absent: stays disabled). Reports
// unknown keys, unknown types, fields and status values, and fields of the
// wrong field type, at their position in `file`.
void parse_clearing_house(const YAML::Node& node, const std::string& file, SiteConfig* config,
                          Diagnostics* diags);

// Fills config->forms from `node`, a mapping of type name -> form. Every
// field a form asks must be a field of its type that a form can ask (not a
// list of objects), and every required field must be asked or set.
void parse_issue_forms(const YAML::Node& node, const std::string& file, SiteConfig* config,
                       Diagnostics* diags);

}  // namespace agora
