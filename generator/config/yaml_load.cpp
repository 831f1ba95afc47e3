#include "config/yaml_load.h"

#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "config/yaml_map_reader.h"
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
// "summary: It's here" is text. With max_depth > 0, returns instead the
// first opener nested deeper than max_depth, or npos.
size_t unclosed_opener(std::string_view yaml, size_t end, size_t max_depth = 0) {
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
      if (max_depth > 0 && open.size() > max_depth) return i;
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
    if (c == '\n' || (c != ' ' && c != '\t')) previous = c;
  }
  if (max_depth > 0) return std::string_view::npos;
  return open.empty() ? std::string_view::npos : open.back();
}

// yaml-cpp gives no node identity but the mark: an alias has its anchor's
// node, so its mark; two distinct nodes of one kind never start at the same
// byte. Nodes without a mark (pos -1) are not keyed apart, which only makes
// a walk skip empty values.
using NodeKey = std::pair<int, int>;
NodeKey node_key(const YAML::Node& node) {
  return {node.Mark().pos, static_cast<int>(node.Type())};
}

// Offset of the opening quote of a quoted scalar that is never closed, or
// npos. yaml-cpp accepts such a scalar when the text ends inside it, and it
// swallows every field after it; a contributor needs to hear about the quote.
// An alias shares its anchor's node: `seen` (node positions) makes each
// node visited once, however many aliases name it.
size_t unclosed_quote(const YAML::Node& node, std::string_view yaml, std::set<NodeKey>* seen) {
  if (!seen->insert(node_key(node)).second) return std::string_view::npos;
  if (node.IsMap()) {
    for (const auto& kv : node) {
      size_t found = unclosed_quote(kv.first, yaml, seen);
      if (found == std::string_view::npos) found = unclosed_quote(kv.second, yaml, seen);
      if (found != std::string_view::npos) return found;
    }
    return std::string_view::npos;
  }
  if (node.IsSequence()) {
    for (const auto& item : node) {
      size_t found = unclosed_quote(item, yaml, seen);
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

// Size and depth of a tree with aliases expanded, each node computed once.
struct TreeSize {
  long long nodes = 0;
  int depth = 0;
};

class TreeMeasure {
 public:
  explicit TreeMeasure(const YamlLimits& limits) : limits_(limits) {}

  // Stops early (returning what it has) once past a limit.
  TreeSize measure(const YAML::Node& node, int depth) {
    if (!node.IsMap() && !node.IsSequence()) return {1, 0};
    if (depth > limits_.depth) return {1, limits_.depth + 1};
    NodeKey key = node_key(node);
    if (key.first >= 0) {
      if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    }
    TreeSize size{1, 1};
    auto add = [&](const YAML::Node& child) {
      TreeSize sub = measure(child, depth + 1);
      size.nodes = std::min(size.nodes + sub.nodes, limits_.nodes + 1);
      size.depth = std::max(size.depth, sub.depth + 1);
    };
    for (const auto& item : node) {
      if (node.IsMap()) {
        add(item.first);
        add(item.second);
      } else {
        add(item);
      }
      if (size.nodes > limits_.nodes || size.depth > limits_.depth) break;
    }
    if (key.first >= 0) memo_[key] = size;
    return size;
  }

 private:
  const YamlLimits& limits_;
  std::map<NodeKey, TreeSize> memo_;
};

// The first scalar (in document order) holding a control character.
bool find_control_character(const YAML::Node& node, std::set<NodeKey>* seen, YAML::Node* found,
                            char32_t* cp) {
  if (!seen->insert(node_key(node)).second) return false;
  if (node.IsScalar()) {
    if (!has_control_character(node.Scalar(), cp)) return false;
    *found = node;
    return true;
  }
  if (!node.IsMap() && !node.IsSequence()) return false;
  for (const auto& item : node) {
    if (node.IsMap() ? find_control_character(item.first, seen, found, cp) ||
                           find_control_character(item.second, seen, found, cp)
                     : find_control_character(item, seen, found, cp)) {
      return true;
    }
  }
  return false;
}

// yaml-cpp writes the escapes \_ (U+00A0) and \N (U+0085) of double-quoted
// scalars as single Latin-1 bytes, which are not UTF-8; the text itself was
// checked to be UTF-8, so any such byte came from an escape.
void repair_escapes(const YAML::Node& node, std::set<NodeKey>* seen) {
  if (!seen->insert(node_key(node)).second) return;
  if (node.IsScalar()) {
    const std::string& text = node.Scalar();
    if (is_valid_utf8(text)) return;
    std::string fixed;
    for (size_t pos = 0; pos < text.size();) {
      size_t bad = 0;
      std::string_view rest = std::string_view(text).substr(pos);
      if (is_valid_utf8(rest, &bad)) {
        fixed.append(rest);
        break;
      }
      fixed.append(rest.substr(0, bad));
      append_utf8(static_cast<unsigned char>(rest[bad]), &fixed);
      pos += bad + 1;
    }
    YAML::Node target = node;  // a handle on the same node
    target = fixed;
    return;
  }
  if (!node.IsMap() && !node.IsSequence()) return;
  for (const auto& item : node) {
    if (node.IsMap()) {
      repair_escapes(item.first, seen);
      repair_escapes(item.second, seen);
    } else {
      repair_escapes(item, seen);
    }
  }
}

// Reports a tree past the limits or holding a control character.
bool check_tree(const YAML::Node& root, const std::string& file, int line_offset,
                const std::string& what, const YamlLimits& limits, Diagnostics* diags) {
  TreeSize size = TreeMeasure(limits).measure(root, 1);
  if (size.depth > limits.depth) {
    diags->error(
        file, yaml_line(root, line_offset), yaml_column(root), "yaml-too-deep",
        what + ": values nested more than " + std::to_string(limits.depth) + " levels deep",
        "flatten the structure, or raise limits.yaml_depth in site.yaml");
    return false;
  }
  if (size.nodes > limits.nodes) {
    diags->error(file, yaml_line(root, line_offset), yaml_column(root), "yaml-too-large",
                 what + ": more than " + std::to_string(limits.nodes) +
                     " values once aliases (*name) are expanded",
                 "write the values out instead of repeating aliases, or raise "
                 "limits.yaml_nodes in site.yaml");
    return false;
  }
  std::set<NodeKey> repaired;
  repair_escapes(root, &repaired);
  std::set<NodeKey> seen;
  YAML::Node bad;
  char32_t cp = 0;
  if (find_control_character(root, &seen, &bad, &cp)) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(cp));
    diags->error(file, yaml_line(bad, line_offset), yaml_column(bad), "control-character",
                 what + ": a value holds the control character " + code,
                 "remove it; in double quotes, escapes such as \\x07 or \\e write control "
                 "characters");
    return false;
  }
  return true;
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

bool has_control_character(std::string_view text, char32_t* code_point) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
      *code_point = c;
      return true;
    }
    // C1 controls are U+0080..U+009F, in UTF-8 0xC2 0x80..0x9F.
    if (c == 0xC2 && i + 1 < text.size()) {
      unsigned char next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) {
        *code_point = next;
        return true;
      }
    }
  }
  return false;
}

bool load_yaml(std::string_view yaml, const std::string& file, int line_offset,
               const std::string& what, YAML::Node* out, Diagnostics* diags,
               const YamlLimits& limits) {
  // yaml-cpp recurses once per level of "[[[...": refuse a text nested past
  // the limit before it can exhaust the stack.
  if (size_t deep = unclosed_opener(yaml, yaml.size(), static_cast<size_t>(limits.depth));
      deep != std::string_view::npos) {
    auto [line, column] = line_and_column(yaml, deep);
    diags->error(
        file, line + line_offset, column, "yaml-too-deep",
        what + ": values nested more than " + std::to_string(limits.depth) + " levels deep",
        "flatten the structure, or raise limits.yaml_depth in site.yaml");
    return false;
  }
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
  if (!check_tree(*out, file, line_offset, what, limits, diags)) return false;
  std::set<NodeKey> seen;
  if (size_t quote = unclosed_quote(*out, yaml, &seen); quote != std::string_view::npos) {
    auto [line, column] = line_and_column(yaml, quote);
    diags->error(file, line + line_offset, column, "yaml-syntax",
                 what + ": a quoted value is never closed",
                 "close it with a matching quote at the end of the value");
    return false;
  }
  return true;
}

}  // namespace agora
