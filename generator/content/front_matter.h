#pragma once
// Splits a Markdown file into its YAML front matter and its body, and parses
// the YAML with positions that point into the Markdown file.

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>

#include "config/yaml_load.h"
#include "content/front_matter_cache.h"
#include "util/diagnostic.h"

namespace agora {

struct FrontMatterSplit {
  bool found = false;       // the file starts with a "---" line
  bool closed = false;      // ... and a closing "---" (or "...") line follows
  std::string_view yaml;    // text between the fences
  int yaml_first_line = 0;  // 1-based line in the file of yaml's first line
  std::string_view body;    // everything after the closing fence
  int body_first_line = 1;  // 1-based line in the file of body's first line
};

// Pure split; accepts "\n" and "\r\n" line ends and a UTF-8 byte-order mark.
FrontMatterSplit split_front_matter(std::string_view text);

struct FrontMatter {
  YAML::Node data;  // a mapping, or null when the file has none
  std::string_view body;
  int body_first_line = 1;
  int line_offset = 0;     // add to a YAML mark's 1-based line to get the file's line
  std::string tree_id;     // what the front matter cache calls this YAML ("" without one)
  bool tree_kept = false;  // data was built back from the cache: it has no marks
};

// Splits and parses. Errors (no front matter, unclosed fence, YAML syntax,
// not a mapping) are reported at the file's line and column; returns false then.
// `limits` bounds the YAML (see load_yaml).
bool parse_front_matter(std::string_view text, const std::string& file, FrontMatter* out,
                        Diagnostics* diags, const YamlLimits& limits = {});
// The same, with trees kept between builds: a tree `cache` keeps is built
// back instead of parsed (out->tree_kept), without marks. Keeping the trees
// parsed is the caller's (out->tree_id names them).
bool parse_front_matter(std::string_view text, const std::string& file, FrontMatter* out,
                        Diagnostics* diags, const YamlLimits& limits,
                        const FrontMatterCache* cache);

}  // namespace agora
