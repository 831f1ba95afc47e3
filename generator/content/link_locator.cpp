#include "content/link_locator.h"

#include <cmark-gfm.h>
#include <cmark-gfm/utf8.h>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>

#include "content/source_map.h"
#include "util/text.h"

namespace agora {
namespace {

constexpr size_t npos = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t'; }

bool is_space(char c) { return is_blank(c) || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_ascii_punct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// Decodes the entity starting at raw[pos] ('&'); on success appends it and
// returns the length consumed, else 0.
size_t decode_entity(std::string_view raw, size_t pos, std::string* out) {
  const size_t semi = raw.find(';', pos);
  if (semi == npos || semi - pos > 32) return 0;
  const std::string_view name = raw.substr(pos + 1, semi - pos - 1);
  static const std::unordered_map<std::string_view, std::string_view> kNamed = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  if (auto it = kNamed.find(name); it != kNamed.end()) {
    *out += it->second;
    return semi - pos + 1;
  }
  if (name.size() < 2 || name[0] != '#') return 0;
  const bool hex = name[1] == 'x' || name[1] == 'X';
  const std::string_view digits = name.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 7) return 0;
  char32_t cp = 0;
  for (char c : digits) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return 0;
    cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  append_utf8(cp, out);
  return semi - pos + 1;
}

struct DestinationToken {
  size_t start = 0;  // offset of the first byte inside any <...>
  std::string_view raw;
};

// Reads a link destination at text[pos] as CommonMark defines it: either
// <...> on one line, or a run of non-space bytes with balanced parentheses.
std::optional<DestinationToken> read_destination(std::string_view text, size_t pos) {
  if (pos >= text.size()) return DestinationToken{pos, {}};
  if (text[pos] == '<') {
    for (size_t i = pos + 1; i < text.size(); ++i) {
      const char c = text[i];
      if (c == '\\' && i + 1 < text.size()) {
        ++i;
      } else if (c == '>') {
        return DestinationToken{pos + 1, text.substr(pos + 1, i - pos - 1)};
      } else if (c == '\n' || c == '<') {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }
  int depth = 0;
  size_t i = pos;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && i + 1 < text.size() && is_ascii_punct(text[i + 1])) {
      ++i;
    } else if (is_space(c) || static_cast<unsigned char>(c) < 0x20) {
      break;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth == 0) break;
      --depth;
    }
  }
  return DestinationToken{pos, text.substr(pos, i - pos)};
}

size_t skip_blanks(std::string_view text, size_t pos) {
  while (pos < text.size() && is_blank(text[pos])) ++pos;
  return pos;
}

// Skips what may precede a definition on its line: indentation, block
// quote markers and list markers.
size_t skip_container_prefix(std::string_view line) {
  size_t i = 0;
  for (;;) {
    const size_t j = skip_blanks(line, i);
    if (j < line.size() && line[j] == '>') {
      i = j + 1;
      continue;
    }
    if (j + 1 < line.size() && (line[j] == '-' || line[j] == '*' || line[j] == '+') &&
        is_blank(line[j + 1])) {
      i = j + 2;
      continue;
    }
    size_t k = j;
    while (k < line.size() && k - j < 9 && line[k] >= '0' && line[k] <= '9') ++k;
    if (k > j && k + 1 < line.size() && (line[k] == '.' || line[k] == ')') &&
        is_blank(line[k + 1])) {
      i = k + 2;
      continue;
    }
    return j;
  }
}

// Whether a destination as written decodes to `url`. Named entities
// beyond decode_destination's few (HTML has over 2,000) are taken to stand
// for any one character, which is enough to tell destinations apart.
bool destination_matches(std::string_view raw, std::string_view url) {
  size_t u = 0;
  const auto expect = [&](std::string_view piece) {
    if (url.substr(u, piece.size()) != piece) return false;
    u += piece.size();
    return true;
  };
  std::string decoded;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size() && is_ascii_punct(raw[i + 1])) {
      if (!expect(raw.substr(++i, 1))) return false;
      continue;
    }
    if (raw[i] != '&') {
      if (!expect(raw.substr(i, 1))) return false;
      continue;
    }
    decoded.clear();
    if (const size_t used = decode_entity(raw, i, &decoded); used > 0) {
      if (!expect(decoded)) return false;
      i += used - 1;
      continue;
    }
    const size_t semi = raw.find(';', i);
    if (semi == npos || semi - i > 32 || semi == i + 1) {
      if (!expect("&")) return false;
      continue;
    }
    // "&name;" is either literal text or an entity we cannot decode.
    if (!expect(raw.substr(i, semi - i + 1))) {
      if (u >= url.size()) return false;
      decode_utf8(url, &u);
    }
    i = semi;
  }
  return u == url.size();
}

// Unicode case folding exactly as cmark-gfm does it when it matches
// reference labels: with its own table (cmark_utf8proc_case_fold), so
// "[STRASSE]" finds "[straße]: ..." here when and only when it does there.
std::string case_fold(std::string_view text) {
  cmark_strbuf folded;
  cmark_strbuf_init(cmark_get_default_mem_allocator(), &folded, 0);
  cmark_utf8proc_case_fold(&folded, reinterpret_cast<const uint8_t*>(text.data()),
                           static_cast<bufsize_t>(text.size()));
  std::string out(reinterpret_cast<const char*>(folded.ptr), static_cast<size_t>(folded.size));
  cmark_strbuf_free(&folded);
  return out;
}

// Labels match as cmark matches them: case folded, whitespace runs
// collapsed to one space, trimmed.
std::string normalize_label(std::string_view label) {
  std::string out;
  for (char c : case_fold(label)) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Offset of the ']' closing the label that starts at text[open] ('['), or
// npos. A label may span lines but not a blank line, and has at most 999
// characters.
size_t find_label_end(std::string_view text, size_t open) {
  const size_t limit = std::min(text.size(), open + 1001);
  for (size_t j = open + 1; j < limit; ++j) {
    if (text[j] == '\\' && j + 1 < limit) {
      ++j;
    } else if (text[j] == '[') {
      return npos;
    } else if (text[j] == ']') {
      return j;
    } else if (text[j] == '\n' &&
               text.find_first_not_of(" \t\r", j + 1) == text.find('\n', j + 1)) {
      return npos;  // blank line
    }
  }
  return npos;
}

struct Definition {
  std::string label;  // normalized
  std::string raw;    // as written, without <...>
  size_t offset = 0;  // of the destination's first byte in the body
};

// The reference definitions of a body, found by scanning its lines (cmark
// consumes them without leaving a node). Lines inside code and HTML blocks
// are skipped; other false positives are harmless because every lookup
// also checks the destination.
class DefinitionIndex {
 public:
  DefinitionIndex(const SourceMap& map, const std::vector<bool>& skip) {
    for (int line = 1; line <= map.line_count(); ++line) {
      if (!skip[line]) scan_line(map, skip, line);
    }
  }

  // The first definition of `label` whose destination is `url`, else the
  // first definition of any label whose destination is `url`. Logarithmic:
  // a document of 20,000 definitions of one label (most of them lines that
  // only look like one) must not make every link scan them all.
  const Definition* find(const std::string& label, const std::string& url) const {
    if (auto it = by_label_url_.find({label, url}); it != by_label_url_.end()) {
      return &defs_[it->second];
    }
    // Named entities decode_destination does not know stand for any
    // character in destination_matches; only the first few definitions of
    // a label are tried that way.
    if (auto it = by_label_.find(label); it != by_label_.end()) {
      for (size_t k = 0; k < it->second.size() && k < kFuzzyTries; ++k) {
        if (destination_matches(defs_[it->second[k]].raw, url)) return &defs_[it->second[k]];
      }
    }
    if (auto it = by_url_.find(url); it != by_url_.end()) {
      return &defs_[it->second];
    }
    return nullptr;
  }

 private:
  void scan_line(const SourceMap& map, const std::vector<bool>& skip, int line) {
    const std::string_view body = map.text();
    const size_t open = map.line_begin(line) + skip_container_prefix(map.line(line));
    if (open + 1 >= map.line_end(line) || body[open] != '[' || body[open + 1] == '^') {
      return;
    }
    const size_t close = find_label_end(body, open);
    if (close == npos || close + 1 >= body.size() || body[close + 1] != ':') {
      return;
    }
    const std::string label = normalize_label(body.substr(open + 1, close - open - 1));
    if (label.empty()) return;
    const int close_line = map.position_of(close).first;
    size_t dest = skip_blanks(body, close + 2);
    if (dest == map.line_end(close_line)) {  // destination on the next line
      if (close_line == map.line_count() || skip[close_line + 1]) return;
      const std::string_view next = map.line(close_line + 1);
      dest = map.line_begin(close_line + 1) + skip_blanks(next, skip_container_prefix(next));
    }
    const auto token = read_destination(body, dest);
    if (!token || token->raw.empty()) return;
    add({label, std::string(token->raw), token->start});
  }

  void add(Definition def) {
    std::string url = decode_destination(def.raw);
    by_label_[def.label].push_back(defs_.size());
    by_label_url_.emplace(std::make_pair(def.label, url), defs_.size());
    by_url_.emplace(std::move(url), defs_.size());
    defs_.push_back(std::move(def));
  }

  static constexpr size_t kFuzzyTries = 8;
  std::vector<Definition> defs_;
  std::map<std::pair<std::string, std::string>, size_t> by_label_url_;  // first of each
  std::unordered_map<std::string, std::vector<size_t>> by_label_;
  std::unordered_map<std::string, size_t> by_url_;
};

bool is_link(cmark_node* node) {
  const cmark_node_type type = cmark_node_get_type(node);
  return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE;
}

bool is_table_part(cmark_node* node) {
  const std::string_view type = cmark_node_get_type_string(node);
  return type == "table_cell" || type == "table_row" || type == "table_header";
}

// The block whose source lines hold a link: a paragraph, a heading or a
// whole table. Tables are searched as one block because cmark-gfm gives a
// header row that took over the last line of a paragraph the paragraph's
// line and a column counted from the paragraph's start.
cmark_node* containing_block(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
    if ((cmark_node_get_type(p) & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK ||
        is_table_part(p)) {
      continue;
    }
    return p;
  }
  return nullptr;
}

// Code and HTML blocks: their lines hold no reference definitions.
std::vector<bool> literal_block_lines(cmark_node* root, int line_count) {
  std::vector<bool> skip(static_cast<size_t>(line_count) + 2, false);
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER ||
        (type != CMARK_NODE_CODE_BLOCK && type != CMARK_NODE_HTML_BLOCK)) {
      continue;
    }
    const int first = std::max(1, cmark_node_get_start_line(node));
    const int last = std::min(line_count, cmark_node_get_end_line(node));
    for (int line = first; line <= last; ++line) skip[line] = true;
  }
  cmark_iter_free(iter);
  return skip;
}

class LinkLocator {
 public:
  LinkLocator(cmark_node* root, std::string_view body)
      : root_(root), map_(body), defs_(map_, literal_block_lines(root, map_.line_count())) {}

  std::vector<LinkSite> run() {
    std::vector<std::pair<size_t, LinkSite>> found;
    cmark_iter* iter = cmark_iter_new(root_);
    cmark_event_type event;
    // Exit order puts an image inside a link's text before the link, which
    // is the order their destinations appear in the source.
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event != CMARK_EVENT_EXIT || !is_link(node)) continue;
      LinkSite site;
      site.node = node;
      site.destination = cmark_node_get_url(node);
      site.is_image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
      const size_t offset = locate(node, site.destination);
      std::tie(site.line, site.column) = map_.position_of(offset);
      found.emplace_back(offset, std::move(site));
    }
    cmark_iter_free(iter);
    std::stable_sort(found.begin(), found.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<LinkSite> sites;
    sites.reserve(found.size());
    for (auto& entry : found) sites.push_back(std::move(entry.second));
    return sites;
  }

 private:
  size_t locate(cmark_node* node, const std::string& url) {
    enter_block(containing_block(node));
    const size_t hint =
        map_.offset_of(cmark_node_get_end_line(node), cmark_node_get_end_column(node));
    const std::string_view text = map_.text();
    if (hint != npos && hint >= cursor_ && text[hint] == ')') {
      if (size_t at = find_inline(hint + 1, url); at != npos) return at;
    }
    if (hint != npos && text[hint] == ']') {
      const size_t open = label_open(hint);
      if (open != npos) {
        const std::string label = label_at(open, hint);
        const Definition* def = defs_.find(label, url);
        return def ? def->offset : open;
      }
    }
    if (size_t at = find_autolink(node, url); at != npos) return at;
    if (size_t at = find_inline(block_end_, url); at != npos) return at;
    if (const Definition* def = defs_.find("", url)) return def->offset;
    return block_start_;
  }

  void enter_block(cmark_node* block) {
    if (block == block_) return;
    block_ = block;
    const int first = block ? cmark_node_get_start_line(block) : 0;
    const int last = block ? cmark_node_get_end_line(block) : 0;
    const std::string_view text = map_.text();
    block_begin_ = (first >= 1 && first <= map_.line_count()) ? map_.line_begin(first) : 0;
    block_end_ = (last >= first && last >= 1 && last <= map_.line_count()) ? map_.line_end(last)
                                                                           : text.size();
    block_start_ = block ? map_.offset_of(first, cmark_node_get_start_column(block)) : npos;
    if (block_start_ == npos) block_start_ = block_begin_;
    cursor_ = block_begin_;
  }

  // The first inline destination "](dest" at or after the cursor, before
  // `limit`, that decodes to `url`. Advances the cursor past it.
  size_t find_inline(size_t limit, const std::string& url) {
    const std::string_view text = map_.text().substr(0, limit);
    for (size_t p = text.find("](", cursor_); p != npos; p = text.find("](", p + 2)) {
      size_t q = skip_blanks(text, p + 2);
      if (q < text.size() && text[q] == '\r') ++q;
      if (q < text.size() && text[q] == '\n') q = skip_blanks(text, q + 1);
      const auto token = read_destination(text, q);
      if (!token) continue;
      if (destination_matches(token->raw, url)) {
        cursor_ = token->start + token->raw.size();
        return token->start;
      }
    }
    return npos;
  }

  // Autolinks show their destination as their text ("<https://x>",
  // "www.x.org" for http://www.x.org, "a@b.org" for mailto:a@b.org).
  size_t find_autolink(cmark_node* node, const std::string& url) {
    cmark_node* child = cmark_node_first_child(node);
    if (!child || cmark_node_get_type(child) != CMARK_NODE_TEXT || cmark_node_next(child)) {
      return npos;
    }
    const std::string_view shown = cmark_node_get_literal(child);
    if (shown.empty()) return npos;
    const bool matches = url == shown || url == std::string("mailto:").append(shown) ||
                         url == std::string("http://").append(shown);
    if (!matches) return npos;
    const std::string_view text = map_.text().substr(0, block_end_);
    const size_t at = text.find(shown, cursor_);
    if (at == npos) return npos;
    cursor_ = at + shown.size();
    return at;
  }

  // The '[' matching the ']' at `close`, or npos. Stays within the block.
  size_t label_open(size_t close) const {
    const std::string_view text = map_.text();
    int depth = 0;
    for (size_t i = close; i > block_begin_;) {
      --i;
      const bool escaped = i > 0 && text[i - 1] == '\\';
      if (escaped) continue;
      if (text[i] == ']') ++depth;
      if (text[i] == '[') {
        if (depth == 0) return i;
        --depth;
      }
    }
    return npos;
  }

  // The reference label of the link whose last ']' is at `close`: the
  // bracket contents, or for a collapsed "[text][]" the text.
  std::string label_at(size_t open, size_t close) const {
    const std::string_view text = map_.text();
    if (close == open + 1 && open > 0 && text[open - 1] == ']') {
      const size_t text_open = label_open(open - 1);
      if (text_open != npos) {
        return normalize_label(text.substr(text_open + 1, open - 2 - text_open));
      }
    }
    return normalize_label(text.substr(open + 1, close - open - 1));
  }

  cmark_node* root_;
  SourceMap map_;
  DefinitionIndex defs_;
  cmark_node* block_ = nullptr;
  size_t block_begin_ = 0;
  size_t block_end_ = 0;
  size_t block_start_ = 0;
  size_t cursor_ = 0;
};

}  // namespace

std::string decode_destination(std::string_view raw) {
  if (raw.size() >= 2 && raw.front() == '<' && raw.back() == '>') {
    raw = raw.substr(1, raw.size() - 2);
  }
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size() && is_ascii_punct(raw[i + 1])) {
      out += raw[++i];
    } else if (c == '&') {
      const size_t used = decode_entity(raw, i, &out);
      if (used == 0) {
        out += c;
      } else {
        i += used - 1;
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<LinkSite> locate_links(cmark_node* root, std::string_view body) {
  return LinkLocator(root, body).run();
}

}  // namespace agora
