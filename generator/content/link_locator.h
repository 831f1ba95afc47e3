#pragma once
// Where each link and image destination of a document is written.
//
// cmark-gfm 0.29 gives inline nodes positions that are only partly
// reliable (multi-line link text, lazy continuation lines and autolinks
// come out wrong, and reference definitions leave no node at all), so the
// locator searches the source text instead, using cmark's positions only
// as hints that are checked against the text.

#include <string>
#include <string_view>
#include <vector>

struct cmark_node;

namespace agora {

struct LinkSite {
  cmark_node* node = nullptr;
  std::string destination;  // the URL as cmark parsed it (escapes decoded)
  bool is_image = false;
  int line = 0;    // 1-based line in the body
  int column = 0;  // 1-based byte column
};

// Every link and image in the tree parsed from `body`, ordered by the
// position of its destination. The position is that of the destination's
// first byte: inside "(...)" for inline links, inside "<...>" for
// autolinks, the text itself for bare autolinks, and in the reference
// definition's line for [text][label], [label][] and [label]. When no
// match is found in the text (e.g. entities the locator does not decode),
// the position falls back to the start of the containing block.
std::vector<LinkSite> locate_links(cmark_node* root, std::string_view body);

// Decodes a destination as written in the source the way cmark does:
// strips <...>, resolves backslash escapes of ASCII punctuation and the
// entities &amp; &lt; &gt; &quot; &apos; &nbsp; &#N; &#xN;.
std::string decode_destination(std::string_view raw);

}  // namespace agora
