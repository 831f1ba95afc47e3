#include "content/limits.h"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "util/text.h"

namespace agora {

namespace {

struct Line {
  size_t begin = 0;
  std::string_view text;  // without the line end
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  for (size_t pos = 0; pos <= text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({pos, line});
    if (end == text.size()) break;
    pos = end + 1;
  }
  return lines;
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// The line without block quote markers and leading blanks.
std::string_view content_of(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
  return line.substr(i);
}

// "| --- | :-: |": only pipes, dashes, colons and blanks, with a pipe and a dash.
bool is_delimiter_row(std::string_view line) {
  std::string_view rest = content_of(line);
  if (rest.find('|') == std::string_view::npos || rest.find('-') == std::string_view::npos) {
    return false;
  }
  return rest.find_first_not_of("|-: \t") == std::string_view::npos;
}

// Offset in `line` of the unescaped '|' that makes the row wider than
// `columns` cells, or npos.
size_t too_many_cells(std::string_view line, int columns) {
  std::string_view rest = content_of(line);
  size_t start = line.size() - rest.size();
  long long cells = rest.empty() || rest.front() != '|' ? 1 : 0;
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '\\') {
      ++i;
    } else if (rest[i] == '|' && rest.find_first_not_of(" \t", i + 1) != std::string_view::npos) {
      if (++cells > columns) return start + i;
    }
  }
  return std::string_view::npos;
}

// "```" or "~~~" (three or more) after up to three spaces: the fence
// character and its length, or 0.
size_t fence_length(std::string_view line, char* fence) {
  size_t i = 0;
  while (i < line.size() && i < 3 && line[i] == ' ') ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return 0;
  size_t n = line.find_first_not_of(line[i], i) == std::string_view::npos
                 ? line.size() - i
                 : line.find_first_not_of(line[i], i) - i;
  if (n < 3) return 0;
  *fence = line[i];
  return n;
}

class LimitChecker {
 public:
  LimitChecker(const Limits& limits, const std::string& file, std::string_view text,
               Diagnostics* diags)
      : limits_(limits), file_(file), text_(text), diags_(diags) {}

  bool run() {
    size_t before = diags_->error_count();
    if (static_cast<long long>(text_.size()) > limits_.document_bytes) {
      auto [line, column] = line_and_column(text_, static_cast<size_t>(limits_.document_bytes));
      diags_->error(file_, line, column, "document-too-large",
                    "the file is " + std::to_string(text_.size()) + " bytes; the limit is " +
                        std::to_string(limits_.document_bytes) + " (reached on this line)",
                    "split it into several documents, or raise limits.document_bytes in "
                    "site.yaml");
      return false;  // the rest is not worth scanning
    }
    check_control_characters();
    std::vector<Line> lines = split_lines(text_);
    check_tables(lines);
    check_brackets(lines);
    return diags_->error_count() == before;
  }

 private:
  void error_at(size_t offset, const char* code, const std::string& message,
                const std::string& hint) {
    auto [line, column] = line_and_column(text_, offset);
    diags_->error(file_, line, column, code, message, hint);
  }

  static bool is_control(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
  }

  void check_control_characters() {
    // Eight bytes at a time: only a word with a byte below 0x20 (line ends
    // and tabs, mostly) or a DEL is looked at byte by byte. This runs on
    // every document of every build, cache or not.
    constexpr uint64_t kOnes = 0x0101010101010101ULL;
    constexpr uint64_t kHighs = 0x8080808080808080ULL;
    const size_t size = text_.size();
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
      uint64_t word;
      std::memcpy(&word, text_.data() + i, 8);
      const uint64_t below_space = (word - 0x20 * kOnes) & ~word & kHighs;
      const uint64_t del = word ^ (0x7F * kOnes);
      if ((below_space | ((del - kOnes) & ~del & kHighs)) == 0) continue;
      for (size_t j = i; j < i + 8; ++j) {
        if (is_control(static_cast<unsigned char>(text_[j]))) return control_at(j);
      }
    }
    for (; i < size; ++i) {
      if (is_control(static_cast<unsigned char>(text_[i]))) return control_at(i);
    }
  }

  void control_at(size_t offset) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned char>(text_[offset]));
    error_at(offset, "control-character",
             std::string("the control character ") + code + " cannot appear in a document",
             "remove it (an editor may show it as a box or not at all)");
  }

  void check_tables(const std::vector<Line>& lines) {
    for (size_t k = 1; k < lines.size(); ++k) {
      if (!is_delimiter_row(lines[k].text)) continue;
      // The header row, the delimiter row and the body rows up to a blank line.
      for (size_t r = k - 1; r < lines.size() && (r < k + 1 || !is_blank(lines[r].text)); ++r) {
        size_t at = too_many_cells(lines[r].text, limits_.table_columns);
        if (at == std::string_view::npos) continue;
        error_at(lines[r].begin + at, "table-too-wide",
                 "a table row with more than " + std::to_string(limits_.table_columns) + " cells",
                 "split the table, or raise limits.table_columns in site.yaml");
        return;
      }
    }
  }

  void check_brackets(const std::vector<Line>& lines) {
    int open = 0;
    char fence = 0;
    size_t fence_size = 0;
    for (const Line& line : lines) {
      char c = 0;
      if (size_t n = fence_length(line.text, &c); n > 0) {
        if (fence_size == 0) {
          fence = c, fence_size = n;
        } else if (c == fence && n >= fence_size) {
          fence_size = 0;
        }
        continue;
      }
      if (fence_size > 0) continue;  // code: no links in it
      if (is_blank(line.text)) {
        open = 0;  // a new paragraph starts cmark's bracket stack afresh
        continue;
      }
      // Nothing open: only the next '[' matters, unless an odd run of '\\'
      // escapes it. Else each '[', ']' and '\\' does.
      const std::string_view text = line.text;
      for (size_t i = 0; i < text.size();) {
        const size_t at = open == 0 ? text.find('[', i) : text.find_first_of("[]\\", i);
        if (at == std::string_view::npos) break;
        if (open == 0) {
          size_t escapes = 0;
          while (at - escapes > i && text[at - escapes - 1] == '\\') ++escapes;
          i = at + 1;
          if (escapes % 2 == 1) continue;
        } else {
          i = at + (text[at] == '\\' ? 2 : 1);
          if (text[at] == '\\') continue;
          if (text[at] == ']') {
            --open;
            continue;
          }
        }
        if (++open > limits_.bracket_depth) {
          error_at(line.begin + at, "brackets-too-deep",
                   "more than " + std::to_string(limits_.bracket_depth) +
                       " '[' open at once in one paragraph",
                   "close the brackets or write \\[ for a literal one; the limit is "
                   "limits.bracket_depth in site.yaml");
          return;
        }
      }
    }
  }

  const Limits& limits_;
  const std::string& file_;
  std::string_view text_;
  Diagnostics* diags_;
};

}  // namespace

bool check_document_limits(const Limits& limits, const std::string& file, std::string_view text,
                           Diagnostics* diags) {
  return LimitChecker(limits, file, text, diags).run();
}

}  // namespace agora
