#include "content/front_matter.h"

#include "config/yaml_load.h"

namespace agora {

namespace {

// The line starting at `pos` without its line end; *next is where the
// following line starts (text.size() at the end).
std::string_view line_at(std::string_view text, size_t pos, size_t* next) {
  size_t end = text.find('\n', pos);
  *next = end == std::string_view::npos ? text.size() : end + 1;
  std::string_view line =
      text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

FrontMatterSplit split_front_matter(std::string_view text) {
  FrontMatterSplit split;
  size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t next = 0;
  if (!is_fence(line_at(text, start, &next), false)) {
    split.body = text.substr(start);
    return split;
  }
  split.found = true;
  split.yaml_first_line = 2;
  const size_t yaml_start = next;
  int line_number = 2;
  for (size_t pos = next; pos < text.size(); pos = next, ++line_number) {
    std::string_view line = line_at(text, pos, &next);
    if (is_fence(line, true)) {
      split.closed = true;
      split.yaml = text.substr(yaml_start, pos - yaml_start);
      split.body = text.substr(next);
      split.body_first_line = line_number + 1;
      return split;
    }
  }
  split.yaml = text.substr(yaml_start);
  return split;
}

bool parse_front_matter(std::string_view text, const std::string& file, FrontMatter* out,
                        Diagnostics* diags, const YamlLimits& limits) {
  return parse_front_matter(text, file, out, diags, limits, nullptr);
}

bool parse_front_matter(std::string_view text, const std::string& file, FrontMatter* out,
                        Diagnostics* diags, const YamlLimits& limits,
                        const FrontMatterCache* cache) {
  FrontMatterSplit split = split_front_matter(text);
  if (!split.found) {
    diags->error(file, 1, 1, "missing-front-matter",
                 "expected front matter: a line '---', YAML fields, and a closing '---'",
                 "start the file with '---', the fields (title, date, summary, ...), then '---'");
    return false;
  }
  if (!split.closed) {
    diags->error(file, 1, 1, "unclosed-front-matter", "front matter opened here is never closed",
                 "add a line '---' after the last field");
    return false;
  }
  out->line_offset = split.yaml_first_line - 1;
  out->body = split.body;
  out->body_first_line = split.body_first_line;
  out->tree_id = cache ? cache->id(split.yaml, limits) : std::string();
  out->tree_kept = !out->tree_id.empty() && cache->find(out->tree_id, &out->data);
  if (out->tree_kept) return true;  // kept only from a document that had no diagnostic
  if (!load_yaml(split.yaml, file, out->line_offset, "invalid YAML in front matter", &out->data,
                 diags, limits)) {
    return false;
  }
  if (!out->data.IsMap()) {
    diags->error(file, split.yaml_first_line, 1, "front-matter-not-mapping",
                 "front matter must be a mapping of field names to values",
                 "write one 'field: value' per line");
    return false;
  }
  return true;
}

}  // namespace agora
