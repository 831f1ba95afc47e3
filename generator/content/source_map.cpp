#include "content/source_map.h"

#include <algorithm>

namespace agora {

SourceMap::SourceMap(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' && i + 1 < text.size()) line_starts_.push_back(i + 1);
  }
}

size_t SourceMap::line_end(int line) const {
  if (line < line_count()) return line_starts_[line] - 1;
  // The last line: the text's final '\n', if any, belongs to it.
  const bool newline_at_end = !text_.empty() && text_.back() == '\n';
  return newline_at_end ? text_.size() - 1 : text_.size();
}

std::string_view SourceMap::line(int line) const {
  return text_.substr(line_begin(line), line_end(line) - line_begin(line));
}

size_t SourceMap::offset_of(int line, int column) const {
  if (line < 1 || line > line_count() || column < 1) return npos;
  const size_t offset = line_begin(line) + static_cast<size_t>(column - 1);
  return offset < line_end(line) ? offset : npos;
}

std::pair<int, int> SourceMap::position_of(size_t offset) const {
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t index = static_cast<size_t>(it - line_starts_.begin()) - 1;
  return {static_cast<int>(index + 1), static_cast<int>(offset - line_starts_[index] + 1)};
}

}  // namespace agora
