#include "content/shortcodes.h"

#include <cctype>

namespace agora {

namespace {

// A line that opens or closes a fenced code block: three or more ` or ~
// after at most three spaces. Returns the fence character and length.
std::optional<std::pair<char, size_t>> fence_of(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return std::nullopt;
  char c = line[i];
  size_t n = 0;
  while (i + n < line.size() && line[i + n] == c) ++n;
  if (n < 3) return std::nullopt;
  return std::make_pair(c, n);
}

struct Tag {
  size_t end = 0;  // one past the closing delimiter
  std::string name;
  bool closing = false;
};

// The shortcode tag starting at body[at] ("{{<" or "{{%"), if it is one.
std::optional<Tag> tag_at(std::string_view body, size_t at) {
  if (body.substr(at, 2) != "{{" || at + 2 >= body.size()) return std::nullopt;
  char kind = body[at + 2];
  if (kind != '<' && kind != '%') return std::nullopt;
  const std::string close = std::string(1, kind == '<' ? '>' : '%') + "}}";
  size_t end = body.find(close, at + 3);
  if (end == std::string_view::npos) return std::nullopt;
  Tag tag;
  tag.end = end + 3;
  size_t i = at + 3;
  while (i < end && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
  if (i < end && body[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < end && std::isspace(static_cast<unsigned char>(body[i]))) ++i;
  size_t name_start = i;
  while (i < end && !std::isspace(static_cast<unsigned char>(body[i])) && body[i] != '/') ++i;
  tag.name = std::string(body.substr(name_start, i - name_start));
  if (tag.name.empty()) return std::nullopt;
  return tag;
}

}  // namespace

std::optional<std::string> strip_shortcodes(std::string_view body, int first_line,
                                            const std::string& file, Diagnostics* diags) {
  if (body.find("{{<") == std::string_view::npos && body.find("{{%") == std::string_view::npos) {
    return std::nullopt;
  }
  std::string out;
  out.reserve(body.size());
  bool changed = false;
  std::optional<std::pair<char, size_t>> open_fence;
  int line = first_line;
  size_t line_start = 0;
  size_t i = 0;
  while (i < body.size()) {
    if (i == line_start) {
      size_t eol = body.find('\n', i);
      std::string_view text = body.substr(i, eol == std::string_view::npos ? body.npos : eol - i);
      auto fence = fence_of(text);
      if (open_fence) {
        if (fence && fence->first == open_fence->first && fence->second >= open_fence->second) {
          open_fence.reset();
        }
      } else if (fence) {
        open_fence = fence;
      }
      if (open_fence || fence) {  // a code line, or a fence line: copied as is
        size_t next = eol == std::string_view::npos ? body.size() : eol + 1;
        out.append(body.substr(i, next - i));
        i = line_start = next;
        ++line;
        continue;
      }
    }
    char c = body[i];
    if (c == '`') {  // a code span: copied up to its closing run of backticks
      size_t run = 0;
      while (i + run < body.size() && body[i + run] == '`') ++run;
      std::string ticks(run, '`');
      size_t close = body.find(ticks, i + run);
      size_t eol = body.find("\n\n", i);
      if (close != std::string_view::npos && (eol == std::string_view::npos || close < eol)) {
        for (size_t end = close + run; i < end; ++i) {
          out += body[i];
          if (body[i] == '\n') {
            ++line;
            line_start = i + 1;
          }
        }
        continue;
      }
      out.append(ticks);
      i += run;
      continue;
    }
    if (c == '{') {
      if (auto tag = tag_at(body, i)) {
        if (!tag->closing) {
          diags->warning(file, line, static_cast<int>(i - line_start) + 1, "shortcode",
                         "Hugo shortcode '" + tag->name +
                             "' is not supported: its tags are dropped and the text between "
                             "them kept",
                         "write the content as Markdown (an image, a link, a quote) instead");
        }
        for (size_t k = i; k < tag->end; ++k) {
          if (body[k] != '\n') continue;
          out += '\n';
          ++line;
          line_start = k + 1;
        }
        i = tag->end;
        changed = true;
        continue;
      }
    }
    out += c;
    ++i;
    if (c == '\n') {
      ++line;
      line_start = i;
    }
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace agora
