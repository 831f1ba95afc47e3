#pragma once
// The headings of a parsed document, with their final ids.

#include <string>
#include <vector>

struct cmark_node;

namespace agora {

struct HeadingNode {
  cmark_node* node = nullptr;
  int level = 0;     // 1..6
  int line = 0;      // 1-based line in the Markdown body
  std::string text;  // inline_plain_text, explicit id marker removed
  std::string id;    // unique within the document
};

// Every heading in document order. Removes trailing "{#id}" markers from
// the tree (so they are not rendered) and uses them as ids; other headings
// get heading_anchor() of their text, made unique by HeadingIdAllocator.
// Both phases call this on a fresh parse of the same body, so ids agree.
std::vector<HeadingNode> collect_headings(cmark_node* root);

}  // namespace agora
