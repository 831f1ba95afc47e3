#pragma once
// Line and column arithmetic over a Markdown body.

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace agora {

// Maps between byte offsets and 1-based (line, byte column) positions.
// Lines end at '\n'; a '\r' before it counts as part of the line.
class SourceMap {
 public:
  explicit SourceMap(std::string_view text);

  std::string_view text() const { return text_; }
  int line_count() const { return static_cast<int>(line_starts_.size()); }

  // Offset of the first byte of `line`. REQUIRES: 1 <= line <= line_count().
  size_t line_begin(int line) const { return line_starts_[line - 1]; }
  // Offset one past the last byte of `line`, excluding its '\n'.
  size_t line_end(int line) const;
  std::string_view line(int line) const;

  // Offset of (line, column), or npos if it lies outside the text or past
  // the end of its line.
  size_t offset_of(int line, int column) const;

  // The (line, column) of a byte offset. REQUIRES: offset <= text().size().
  std::pair<int, int> position_of(size_t offset) const;

  static constexpr size_t npos = static_cast<size_t>(-1);

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
};

}  // namespace agora
