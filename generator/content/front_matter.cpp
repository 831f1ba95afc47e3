#include "content/front_matter.h"

#include <algorithm>
#include <tuple>
#include <utility>
#include <vector>

namespace agora {

namespace {

// The line starting at `pos` without its line end; *next is where the
// following line starts (text.size() at the end).
std::string_view line_at(std::string_view text, size_t pos, size_t* next) {
  size_t end = text.find('\n', pos);
  *next = end == std::string_view::npos ? text.size() : end + 1;
  std::string_view line = text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

// yaml-cpp's wording for the mistakes contributors make most, in plain words.
std::string explain_yaml_error(const std::string& message) {
  using namespace YAML::ErrorMsg;
  if (message == END_OF_SEQ_FLOW) return "a list opened with '[' is never closed with ']'";
  if (message == END_OF_MAP_FLOW) return "a mapping opened with '{' is never closed with '}'";
  if (message == EOF_IN_SCALAR) return "a quoted value is never closed";
  if (message == MAP_VALUE) {
    return "unexpected ':' (put a value that contains ': ' in quotes, and start each field at "
           "the beginning of its line)";
  }
  if (message == TAB_IN_INDENTATION) return "a tab in the indentation; indent with spaces";
  if (message == END_OF_MAP || message == END_OF_SEQ) {
    return "the indentation does not line up with the lines above";
  }
  if (message.rfind(INVALID_ESCAPE, 0) == 0) {
    return "unknown escape '\\" + message.substr(std::string(INVALID_ESCAPE).size()) +
           "' in a double-quoted value (write \\\\ for a backslash, or use single quotes)";
  }
  return message;
}

// True when a YAML scalar or flow collection can start after `previous`, the
// last non-blank character.
bool can_start_value(char previous) {
  return std::string_view("\n:[{,-").find(previous) != std::string_view::npos;
}

// Byte offset of the innermost '[', '{' or quote left open before `end`, or
// npos. Quotes count only where a YAML scalar can start, so the apostrophe in
// "summary: It's here" is text.
size_t unclosed_opener(std::string_view yaml, size_t end) {
  std::vector<size_t> open;
  char quote = 0;
  char previous = '\n';  // last non-blank character outside quotes
  for (size_t i = 0; i < end && i < yaml.size(); ++i) {
    char c = yaml[i];
    if (quote) {
      if (quote == '"' && c == '\\') {
        ++i;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < yaml.size() && yaml[i + 1] == '\'') {
          ++i;  // '' is an escaped quote
        } else {
          quote = 0;
          open.pop_back();
          previous = c;
        }
      }
      continue;
    }
    if (c == '#' && (previous == '\n' || i == 0 || yaml[i - 1] == ' ' || yaml[i - 1] == '\t')) {
      while (i < yaml.size() && yaml[i] != '\n') ++i;
      previous = '\n';
      continue;
    }
    if ((c == '"' || c == '\'') && can_start_value(previous)) {
      quote = c;
      open.push_back(i);
    } else if ((c == '[' || c == '{') && can_start_value(previous)) {
      open.push_back(i);
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
    if (c == '\n' || (c != ' ' && c != '\t')) previous = c;
  }
  return open.empty() ? std::string_view::npos : open.back();
}

// Offset of the opening quote of a quoted scalar that is never closed, or
// npos. yaml-cpp accepts such a scalar when the text ends inside it, and it
// swallows every field after it; a contributor needs to hear about the quote.
size_t unclosed_quote(const YAML::Node& node, std::string_view yaml) {
  if (node.IsMap()) {
    for (const auto& kv : node) {
      size_t found = unclosed_quote(kv.first, yaml);
      if (found == std::string_view::npos) found = unclosed_quote(kv.second, yaml);
      if (found != std::string_view::npos) return found;
    }
    return std::string_view::npos;
  }
  if (node.IsSequence()) {
    for (const auto& item : node) {
      size_t found = unclosed_quote(item, yaml);
      if (found != std::string_view::npos) return found;
    }
    return std::string_view::npos;
  }
  if (!node.IsScalar() || node.Mark().pos < 0) return std::string_view::npos;
  size_t start = static_cast<size_t>(node.Mark().pos);
  char quote = start < yaml.size() ? yaml[start] : 0;
  if (quote != '"' && quote != '\'') return std::string_view::npos;
  for (size_t i = start + 1; i < yaml.size(); ++i) {
    if (quote == '"' && yaml[i] == '\\') {
      ++i;
    } else if (yaml[i] == quote) {
      if (quote == '\'' && i + 1 < yaml.size() && yaml[i + 1] == '\'') {
        ++i;
      } else {
        return std::string_view::npos;
      }
    }
  }
  return start;
}

// 1-based line and column of byte `offset` in `text`.
std::pair<int, int> line_and_column(std::string_view text, size_t offset) {
  std::string_view before = text.substr(0, offset);
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  size_t line_start = before.rfind('\n');
  size_t first = line_start == std::string_view::npos ? 0 : line_start + 1;
  return {line, static_cast<int>(offset - first) + 1};
}

// Column (1-based) of a tab in the indentation of 1-based `line`, or 0.
int tab_in_indentation(std::string_view text, int line) {
  size_t pos = 0;
  for (int l = 1; l < line && pos != std::string_view::npos; ++l) {
    pos = text.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  for (size_t i = pos; pos != std::string_view::npos && i < text.size(); ++i) {
    if (text[i] == '\t') return static_cast<int>(i - pos) + 1;
    if (text[i] != ' ') break;
  }
  return 0;
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
                        Diagnostics* diags) {
  FrontMatterSplit split = split_front_matter(text);
  if (!split.found) {
    diags->error(file, 1, 1, "missing-front-matter",
                 "expected front matter: a line '---', YAML fields, and a closing '---'",
                 "start the file with '---', the fields (title, date, summary, ...), then '---'");
    return false;
  }
  if (!split.closed) {
    diags->error(file, 1, 1, "unclosed-front-matter",
                 "front matter opened here is never closed", "add a line '---' after the last field");
    return false;
  }
  out->line_offset = split.yaml_first_line - 1;
  out->body = split.body;
  out->body_first_line = split.body_first_line;
  try {
    out->data = YAML::Load(std::string(split.yaml));
  } catch (const YAML::ParserException& e) {
    int line = e.mark.line + 1, column = e.mark.column + 1;
    std::string message = explain_yaml_error(e.msg);
    // yaml-cpp notices an unclosed bracket or quote where the text ends;
    // the place to fix is where it was opened.
    if (e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW || e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW ||
        e.msg == YAML::ErrorMsg::EOF_IN_SCALAR) {
      size_t end = e.mark.pos <= 0 ? split.yaml.size() : static_cast<size_t>(e.mark.pos);
      size_t opener = unclosed_opener(split.yaml, end);
      if (opener != std::string_view::npos) {
        std::tie(line, column) = line_and_column(split.yaml, opener);
      }
    } else if (int tab = tab_in_indentation(split.yaml, line); tab > 0) {
      // Whatever yaml-cpp calls it, a tab in the indentation is the cause.
      column = tab;
      message = explain_yaml_error(YAML::ErrorMsg::TAB_IN_INDENTATION);
    }
    diags->error(file, line + out->line_offset, column, "yaml-syntax",
                 "invalid YAML in front matter: " + message);
    return false;
  }
  if (size_t quote = unclosed_quote(out->data, split.yaml); quote != std::string_view::npos) {
    auto [line, column] = line_and_column(split.yaml, quote);
    diags->error(file, line + out->line_offset, column, "yaml-syntax",
                 "invalid YAML in front matter: a quoted value is never closed",
                 "close it with a matching quote at the end of the value");
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
