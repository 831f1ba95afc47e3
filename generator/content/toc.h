#pragma once
// Table of contents: a flat list of entries and its nested HTML form.

#include <string>
#include <vector>

namespace agora {

struct TocEntry {
  int level = 0;     // heading level, 1..6
  std::string id;    // the heading's id attribute
  std::string text;  // the heading's plain text

  bool operator==(const TocEntry&) const = default;
};

// Nested ordered lists, one <ol> per level of nesting:
//   <ol>\n<li><a href="#a">A</a>\n<ol>\n<li><a href="#b">B</a></li>\n</ol>\n
//   </li>\n</ol>\n
// An entry deeper than the previous one opens a list inside it, whatever
// the gap in levels (h2 then h4 nests one step); an entry closes every
// list whose parent entry is not shallower than it (h2, h4, h3: the h3 is
// the h4's sibling). Entries shallower than the first stay in the
// outermost list. "" for an empty toc. Ids and
// text are HTML-escaped.
std::string render_toc_html(const std::vector<TocEntry>& toc);

}  // namespace agora
