#pragma once
// Parsing YAML text (site.yaml, vocabulary files, front matter) with errors a
// contributor can act on: plain words, placed where the fix goes.

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "util/diagnostic.h"

namespace agora {

// How much one YAML text may hold. Aliases count once per use: ten levels of
// "&a [*b, *b, ...]" make a tree of billions of values out of 500 bytes,
// and every reader of the tree would walk them all.
struct YamlLimits {
  int depth = 64;            // nesting of mappings and lists
  long long nodes = 100000;  // values in the tree, aliases expanded
};

// Parses `yaml` into *out. On a syntax error adds one "yaml-syntax" error to
// diags and returns false. The message is `what` + ": " + yaml-cpp's reason in
// plain words; an unclosed '[', '{' or quote is reported where it was opened,
// a tab in the indentation where the tab is, and a quoted value left open at
// the end (which yaml-cpp accepts, swallowing what follows) is an error too.
// `line_offset` is added to every line, for YAML embedded in a larger file.
// A tree deeper or larger than `limits` is refused ("yaml-too-deep",
// "yaml-too-large"), and so is a value holding a control character, which
// only a double-quoted escape such as "\x07" or "\e" can write and which
// would reach pages, the feed and terminals ("control-character").
bool load_yaml(std::string_view yaml, const std::string& file, int line_offset,
               const std::string& what, YAML::Node* out, Diagnostics* diags,
               const YamlLimits& limits = {});

// True for the characters no value may hold: C0 controls but tab, line feed
// and carriage return; DEL; and the C1 controls U+0080..U+009F. On true,
// *code_point is the first one.
bool has_control_character(std::string_view text, char32_t* code_point);

}  // namespace agora
