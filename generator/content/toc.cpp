#include "content/toc.h"

#include <algorithm>

#include "util/text.h"

namespace agora {

std::string render_toc_html(const std::vector<TocEntry>& toc) {
  if (toc.empty()) return {};
  std::string out = "<ol>\n";
  // Levels of the open lists; the innermost list's <li> is still open
  // after the first entry.
  std::vector<int> open_levels{toc.front().level};
  bool item_open = false;
  for (const TocEntry& entry : toc) {
    // Close the lists this entry is not deeper than.
    while (open_levels.size() > 1 && entry.level <= open_levels[open_levels.size() - 2]) {
      out += "</li>\n</ol>\n";
      open_levels.pop_back();
    }
    if (item_open && entry.level > open_levels.back()) {
      out += "\n<ol>\n";
      open_levels.push_back(entry.level);
    } else if (item_open) {
      out += "</li>\n";
      // An h3 after an h4 under the same h2 is the h4's sibling; later h4s
      // nest under it.
      open_levels.back() = std::min(open_levels.back(), entry.level);
    }
    out += "<li><a href=\"#" + escape_html(entry.id) + "\">" + escape_html(entry.text) + "</a>";
    item_open = true;
  }
  for (size_t i = 1; i < open_levels.size(); ++i) out += "</li>\n</ol>\n";
  out += "</li>\n</ol>\n";
  return out;
}

}  // namespace agora
