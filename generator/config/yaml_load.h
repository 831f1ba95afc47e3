#pragma once
// Parsing YAML text (site.yaml, vocabulary files, front matter) with errors a
// contributor can act on: plain words, placed where the fix goes.

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "util/diagnostic.h"

namespace agora {

// Parses `yaml` into *out. On a syntax error adds one "yaml-syntax" error to
// diags and returns false. The message is `what` + ": " + yaml-cpp's reason in
// plain words; an unclosed '[', '{' or quote is reported where it was opened,
// a tab in the indentation where the tab is, and a quoted value left open at
// the end (which yaml-cpp accepts, swallowing what follows) is an error too.
// `line_offset` is added to every line, for YAML embedded in a larger file.
bool load_yaml(std::string_view yaml, const std::string& file, int line_offset,
               const std::string& what, YAML::Node* out, Diagnostics* diags);

}  // namespace agora
