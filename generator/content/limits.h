#pragma once
// Bounds checked on a content file before it is parsed. cmark-gfm
// 0.29.0.gfm.6 takes time quadratic in a table's columns and in the '['
// left open in a paragraph ("![[]()" repeated 20,000 times takes seconds),
// so a file that would stall the build is refused up front, with the line
// that crosses the limit and a hint.

#include <string>
#include <string_view>

#include "config/site_config.h"
#include "util/diagnostic.h"

namespace agora {

// Checks `text`, the whole file, against limits.document_bytes,
// table_columns and bracket_depth, and refuses raw control characters (C0
// but tab, line feed and carriage return; DEL), which would reach pages and
// terminals. Adds one error per broken bound ("document-too-large",
// "table-too-wide", "brackets-too-deep", "control-character") and returns
// false if there was any. Linear in the size of the text.
bool check_document_limits(const Limits& limits, const std::string& file, std::string_view text,
                           Diagnostics* diags);

}  // namespace agora
