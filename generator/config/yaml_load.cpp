#include "config/yaml_load.h"

#include <tuple>
#include <vector>

#include "util/text.h"

namespace agora {

namespace {

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
  if (message.starts_with(INVALID_ESCAPE)) {
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

bool load_yaml(std::string_view yaml, const std::string& file, int line_offset,
               const std::string& what, YAML::Node* out, Diagnostics* diags) {
  try {
    *out = YAML::Load(std::string(yaml));
  } catch (const YAML::ParserException& e) {
    int line = e.mark.line + 1, column = e.mark.column + 1;
    std::string message = explain_yaml_error(e.msg);
    // yaml-cpp notices an unclosed bracket or quote where the text ends;
    // the place to fix is where it was opened.
    if (e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW || e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW ||
        e.msg == YAML::ErrorMsg::EOF_IN_SCALAR) {
      size_t end = e.mark.pos <= 0 ? yaml.size() : static_cast<size_t>(e.mark.pos);
      size_t opener = unclosed_opener(yaml, end);
      if (opener != std::string_view::npos) std::tie(line, column) = line_and_column(yaml, opener);
    } else if (int tab = tab_in_indentation(yaml, line); tab > 0) {
      // Whatever yaml-cpp calls it, a tab in the indentation is the cause.
      column = tab;
      message = explain_yaml_error(YAML::ErrorMsg::TAB_IN_INDENTATION);
    }
    diags->error(file, line + line_offset, column, "yaml-syntax", what + ": " + message);
    return false;
  }
  if (size_t quote = unclosed_quote(*out, yaml); quote != std::string_view::npos) {
    auto [line, column] = line_and_column(yaml, quote);
    diags->error(file, line + line_offset, column, "yaml-syntax",
                 what + ": a quoted value is never closed",
                 "close it with a matching quote at the end of the value");
    return false;
  }
  return true;
}

}  // namespace agora
