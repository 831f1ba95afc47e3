#include "render/mustache_parser.h"

#include <utility>

namespace agora {
namespace {

constexpr std::string_view kSyntaxCode = "template-syntax";

enum class TokenKind {
  kText,
  kVariable,
  kRawVariable,
  kSection,
  kInverted,
  kClose,
  kPartial,
  kParent,
  kBlock,
  kComment,
  kDelimiters,
};

struct Token {
  TokenKind kind = TokenKind::kText;
  std::string text;  // literal text or trimmed tag name
  int line = 0;
  int column = 0;
  bool dynamic = false;
  bool standalone = false;
  bool closes_parent = false;
  std::string indent;  // whitespace between the line start and the tag, if only whitespace
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_space(char c) { return is_blank(c) || c == '\r' || c == '\n'; }

bool all_space(std::string_view s) {
  for (char c : s) {
    if (!is_space(c)) return false;
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string position(int line, int column) {
  return std::to_string(line) + ":" + std::to_string(column);
}

bool opens_container(TokenKind k) {
  return k == TokenKind::kSection || k == TokenKind::kInverted || k == TokenKind::kParent ||
         k == TokenKind::kBlock;
}

// Tags that produce no text of their own may stand alone on a line.
bool may_stand_alone(TokenKind k) {
  return k != TokenKind::kText && k != TokenKind::kVariable && k != TokenKind::kRawVariable;
}

const char* container_word(TokenKind k) {
  switch (k) {
    case TokenKind::kInverted:
      return "inverted section";
    case TokenKind::kParent:
      return "parent";
    case TokenKind::kBlock:
      return "block";
    default:
      return "section";
  }
}

// Turns the source into a flat token list, applying set-delimiter tags and the
// standalone-line rule as it goes.
class Scanner {
 public:
  Scanner(std::string_view src, const std::string& file, std::vector<Diagnostic>* errors)
      : src_(src), file_(file), errors_(errors) {}

  std::vector<Token> scan() {
    while (pos_ < src_.size() && errors_->empty()) {
      size_t tag = src_.find(open_, pos_);
      size_t text_end = tag == std::string_view::npos ? src_.size() : tag;
      add_text(text_end);
      if (tag == std::string_view::npos) break;
      scan_tag(tag);
    }
    finish_line();
    return std::move(tokens_);
  }

 private:
  void advance_to(size_t offset) {
    for (; counted_ < offset; ++counted_) {
      if (src_[counted_] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
  }

  // Adds the text up to `end` one line at a time, so each line can be judged.
  void add_text(size_t end) {
    while (pos_ < end) {
      size_t nl = src_.find('\n', pos_);
      size_t piece_end = (nl == std::string_view::npos || nl >= end) ? end : nl + 1;
      advance_to(pos_);
      Token text;
      text.text = std::string(src_.substr(pos_, piece_end - pos_));
      text.line = line_;
      text.column = column_;
      tokens_.push_back(std::move(text));
      pos_ = piece_end;
      if (src_[piece_end - 1] == '\n') finish_line();
    }
  }

  void error(int line, int column, std::string message, std::string hint = {}) {
    errors_->push_back({file_, line, column, Severity::kError, std::string(kSyntaxCode),
                        std::move(message), std::move(hint)});
  }

  void scan_tag(size_t tag) {
    advance_to(tag);
    const int line = line_;
    const int column = column_;
    size_t p = tag + open_.size();
    char sigil = p < src_.size() ? src_[p] : '\0';
    std::string close = close_;
    TokenKind kind = TokenKind::kVariable;
    switch (sigil) {
      case '{':
        kind = TokenKind::kRawVariable;
        close = "}" + close_;
        break;
      case '&':
        kind = TokenKind::kRawVariable;
        break;
      case '#':
        kind = TokenKind::kSection;
        break;
      case '^':
        kind = TokenKind::kInverted;
        break;
      case '/':
        kind = TokenKind::kClose;
        break;
      case '>':
        kind = TokenKind::kPartial;
        break;
      case '<':
        kind = TokenKind::kParent;
        break;
      case '$':
        kind = TokenKind::kBlock;
        break;
      case '!':
        kind = TokenKind::kComment;
        break;
      case '=':
        kind = TokenKind::kDelimiters;
        close = "=" + close_;
        break;
      default:
        break;
    }
    if (kind != TokenKind::kVariable) ++p;
    size_t end = src_.find(close, p);
    if (end == std::string_view::npos) {
      error(line, column,
            "unclosed tag: '" + open_ + "' at " + position(line, column) + " has no closing '" +
                close + "'",
            "add '" + close + "' to end the tag");
      pos_ = src_.size();
      return;
    }
    std::string_view content = src_.substr(p, end - p);
    pos_ = end + close.size();
    Token token;
    token.kind = kind;
    token.line = line;
    token.column = column;
    token.indent = line_prefix();
    if (kind == TokenKind::kDelimiters) {
      if (!set_delimiters(content, line, column)) return;
    } else if (kind != TokenKind::kComment && !set_name(content, &token)) {
      return;
    }
    track_nesting(&token);
    tokens_.push_back(std::move(token));
  }

  bool set_name(std::string_view content, Token* token) {
    std::string_view name = trim(content);
    if ((token->kind == TokenKind::kPartial || token->kind == TokenKind::kParent) &&
        !name.empty() && name.front() == '*') {
      token->dynamic = true;
      name = trim(name.substr(1));
    }
    if (name.empty()) {
      error(token->line, token->column, "empty tag name at " + position(token->line, token->column),
            "write a name between the delimiters, e.g. " + open_ + "title" + close_);
      return false;
    }
    token->text = std::string(name);
    return true;
  }

  bool set_delimiters(std::string_view content, int line, int column) {
    std::string_view rest = trim(content);
    size_t gap = 0;
    while (gap < rest.size() && !is_space(rest[gap])) ++gap;
    std::string_view open = rest.substr(0, gap);
    std::string_view close = trim(rest.substr(gap));
    bool valid = !open.empty() && !close.empty() && open.find('=') == std::string_view::npos &&
                 close.find('=') == std::string_view::npos;
    for (char c : close) valid = valid && !is_space(c);
    if (!valid) {
      error(line, column,
            "invalid set-delimiter tag '" + std::string(content) +
                "': expected two delimiters separated by whitespace",
            "write it like " + open_ + "=<% %>=" + close_);
      return false;
    }
    open_ = std::string(open);
    close_ = std::string(close);
    return true;
  }

  // Only to know whether a close tag ends a parent, which the standalone rule
  // needs; mismatches are reported later by the tree builder.
  void track_nesting(Token* token) {
    if (opens_container(token->kind)) {
      open_tags_.emplace_back(token->text, token->kind);
    } else if (token->kind == TokenKind::kClose && !open_tags_.empty() &&
               open_tags_.back().first == token->text) {
      token->closes_parent = open_tags_.back().second == TokenKind::kParent;
      open_tags_.pop_back();
    }
  }

  // The whitespace between the start of the current line and here, or empty
  // when the line already holds something else.
  std::string line_prefix() const {
    std::string prefix;
    for (size_t i = line_begin_; i < tokens_.size(); ++i) {
      if (tokens_[i].kind != TokenKind::kText) continue;
      for (char c : tokens_[i].text) {
        if (!is_blank(c)) return {};
      }
      prefix += tokens_[i].text;
    }
    return prefix;
  }

  // A line is standalone when it holds only whitespace and tags that print
  // nothing, with at most one tag besides the tags of a parent: the text around
  // a parent's own tags is ignored anyway, so "{{<parent}}{{$block}}" and
  // "{{/block}}{{/parent}}" count as one tag (spec "Standalone block").
  void finish_line() {
    int tags = 0;
    int non_parent_tags = 0;
    bool standalone = true;
    for (size_t i = line_begin_; i < tokens_.size() && standalone; ++i) {
      const Token& t = tokens_[i];
      if (t.kind == TokenKind::kText) {
        standalone = all_space(t.text);
      } else if (!may_stand_alone(t.kind)) {
        standalone = false;
      } else {
        ++tags;
        if (t.kind != TokenKind::kParent && !t.closes_parent) ++non_parent_tags;
      }
    }
    if (standalone && tags > 0 && non_parent_tags <= 1) remove_line();
    line_begin_ = tokens_.size();
  }

  void remove_line() {
    std::vector<Token> kept;
    for (size_t i = line_begin_; i < tokens_.size(); ++i) {
      if (tokens_[i].kind == TokenKind::kText) continue;
      tokens_[i].standalone = true;
      kept.push_back(std::move(tokens_[i]));
    }
    tokens_.resize(line_begin_);
    for (Token& t : kept) tokens_.push_back(std::move(t));
  }

  std::string_view src_;
  const std::string& file_;
  std::vector<Diagnostic>* errors_;
  std::vector<Token> tokens_;
  std::vector<std::pair<std::string, TokenKind>> open_tags_;
  std::string open_ = "{{";
  std::string close_ = "}}";
  size_t pos_ = 0;
  size_t line_begin_ = 0;  // index of the first token on the current line
  size_t counted_ = 0;     // offset up to which line_/column_ are computed
  int line_ = 1;
  int column_ = 1;
};

std::vector<std::string> split_path(const std::string& name) {
  std::vector<std::string> path;
  if (name == ".") return path;
  size_t start = 0;
  while (true) {
    size_t dot = name.find('.', start);
    path.push_back(name.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return path;
}

TemplateNode make_node(const Token& t) {
  TemplateNode n;
  n.text = t.text;
  n.line = t.line;
  n.column = t.column;
  n.dynamic = t.dynamic;
  n.standalone = t.standalone;
  n.indent = t.indent;
  switch (t.kind) {
    case TokenKind::kVariable:
      n.kind = TemplateNodeKind::kVariable;
      break;
    case TokenKind::kRawVariable:
      n.kind = TemplateNodeKind::kVariable;
      n.escape = false;
      break;
    case TokenKind::kSection:
      n.kind = TemplateNodeKind::kSection;
      break;
    case TokenKind::kInverted:
      n.kind = TemplateNodeKind::kInverted;
      break;
    case TokenKind::kPartial:
      n.kind = TemplateNodeKind::kPartial;
      break;
    case TokenKind::kParent:
      n.kind = TemplateNodeKind::kParent;
      break;
    case TokenKind::kBlock:
      n.kind = TemplateNodeKind::kBlock;
      break;
    default:
      n.kind = TemplateNodeKind::kText;
      break;
  }
  if (n.kind != TemplateNodeKind::kText) n.path = split_path(n.text);
  return n;
}

void append_child(TemplateNode* parent, TemplateNode child) {
  std::vector<TemplateNode>& kids = parent->children;
  if (child.kind == TemplateNodeKind::kText) {
    if (child.text.empty()) return;
    if (!kids.empty() && kids.back().kind == TemplateNodeKind::kText) {
      kids.back().text += child.text;
      return;
    }
  }
  // Text inside a parent tag is ignored: only its blocks are arguments.
  if (parent->kind == TemplateNodeKind::kParent && child.kind != TemplateNodeKind::kBlock) return;
  kids.push_back(std::move(child));
}

struct OpenTag {
  TemplateNode node;
  TokenKind kind;
};

class TreeBuilder {
 public:
  TreeBuilder(const std::string& file, std::vector<Diagnostic>* errors)
      : file_(file), errors_(errors) {
    stack_.push_back({TemplateNode{}, TokenKind::kSection});
  }

  std::vector<TemplateNode> build(const std::vector<Token>& tokens) {
    for (const Token& t : tokens) {
      if (!add(t)) return {};
    }
    if (stack_.size() > 1) {
      const TemplateNode& open = stack_.back().node;
      error(open.line, open.column,
            std::string("unclosed ") + container_word(stack_.back().kind) + " '" + open.text +
                "' opened at " + position(open.line, open.column),
            "add {{/" + open.text + "}}");
      return {};
    }
    return std::move(stack_.front().node.children);
  }

 private:
  void error(int line, int column, std::string message, std::string hint) {
    errors_->push_back({file_, line, column, Severity::kError, std::string(kSyntaxCode),
                        std::move(message), std::move(hint)});
  }

  bool add(const Token& t) {
    if (t.kind == TokenKind::kComment || t.kind == TokenKind::kDelimiters) return true;
    if (opens_container(t.kind)) {
      stack_.push_back({make_node(t), t.kind});
      return true;
    }
    if (t.kind == TokenKind::kClose) return close(t);
    append_child(&stack_.back().node, make_node(t));
    return true;
  }

  bool close(const Token& t) {
    if (stack_.size() == 1) {
      error(t.line, t.column, "closing tag '" + t.text + "' has no open section",
            "remove it or add a matching {{#" + t.text + "}} before it");
      return false;
    }
    const TemplateNode& open = stack_.back().node;
    if (open.text != t.text) {
      error(t.line, t.column,
            "closing tag '" + t.text + "' does not match " + container_word(stack_.back().kind) +
                " '" + open.text + "' opened at " + position(open.line, open.column),
            "close '" + open.text + "' first with {{/" + open.text + "}}");
      return false;
    }
    TemplateNode done = std::move(stack_.back().node);
    stack_.pop_back();
    append_child(&stack_.back().node, std::move(done));
    return true;
  }

  const std::string& file_;
  std::vector<Diagnostic>* errors_;
  std::vector<OpenTag> stack_;
};

// --- Block indentation -----------------------------------------------------

// Removes the longest prefix of `s` that is also a prefix of `ws`.
std::string_view strip_indent(std::string_view s, std::string_view ws) {
  size_t i = 0;
  while (i < s.size() && i < ws.size() && s[i] == ws[i]) ++i;
  return s.substr(i);
}

std::string dedent_text(std::string_view text, std::string_view ws, bool* line_start) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t nl = text.find('\n', i);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(i, end - i);
    out += *line_start ? strip_indent(line, ws) : line;
    *line_start = nl != std::string_view::npos;
    i = end;
  }
  return out;
}

void prepare_block(TemplateNode* block);

// A copy of `nodes` with `ws` removed from the start of every line. Blocks
// inside are re-prepared so their own indentation becomes relative.
std::vector<TemplateNode> dedent(const std::vector<TemplateNode>& nodes, std::string_view ws,
                                 bool line_start) {
  std::vector<TemplateNode> out;
  out.reserve(nodes.size());
  for (const TemplateNode& n : nodes) {
    TemplateNode copy = n;
    switch (n.kind) {
      case TemplateNodeKind::kText:
        copy.text = dedent_text(n.text, ws, &line_start);
        break;
      case TemplateNodeKind::kVariable:
        line_start = false;
        break;
      case TemplateNodeKind::kPartial:
      case TemplateNodeKind::kParent:
        // A parent's children are arguments with their own indentation.
        if (n.standalone) {
          copy.indent = std::string(strip_indent(n.indent, ws));
        } else {
          line_start = false;
        }
        break;
      case TemplateNodeKind::kSection:
      case TemplateNodeKind::kInverted:
      case TemplateNodeKind::kBlock:
        if (!n.standalone) line_start = false;
        copy.children = dedent(n.children, ws, line_start);
        if (n.kind == TemplateNodeKind::kBlock) {
          copy.indent = std::string(strip_indent(n.indent, ws));
          prepare_block(&copy);
        }
        // Where the closing tag leaves us is not recorded; assume mid-line,
        // which only matters for whitespace directly after a closing tag.
        line_start = !copy.children.empty() &&
                     copy.children.back().kind == TemplateNodeKind::kText &&
                     copy.children.back().text.ends_with('\n');
        break;
    }
    out.push_back(std::move(copy));
  }
  return out;
}

std::string leading_blanks(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_blank(s[i])) ++i;
  return std::string(s.substr(0, i));
}

// The indentation of a block's content: for a standalone opening tag, that of
// the first content line (spec "Intrinsic indentation"), falling back to the
// tag's own; inline, the whitespace before the tag.
void prepare_block(TemplateNode* block) {
  if (block->standalone && !block->children.empty()) {
    const TemplateNode& first = block->children.front();
    if (first.kind == TemplateNodeKind::kText) {
      block->indent = leading_blanks(first.text);
    } else if (first.standalone) {
      block->indent = first.indent;
    } else {
      block->indent.clear();
    }
  }
  block->dedented = dedent(block->children, block->indent, block->standalone);
}

void prepare_blocks(std::vector<TemplateNode>* nodes) {
  for (TemplateNode& n : *nodes) {
    prepare_blocks(&n.children);
    if (n.kind == TemplateNodeKind::kBlock) prepare_block(&n);
  }
}

}  // namespace

ParsedTemplate parse_mustache(std::string_view source, std::string file) {
  ParsedTemplate parsed;
  parsed.file = std::move(file);
  std::vector<Token> tokens = Scanner(source, parsed.file, &parsed.errors).scan();
  if (!parsed.ok()) return parsed;
  parsed.nodes = TreeBuilder(parsed.file, &parsed.errors).build(tokens);
  if (parsed.ok()) prepare_blocks(&parsed.nodes);
  return parsed;
}

}  // namespace agora
