#pragma once
// Plain text out of a cmark-gfm tree: for heading ids and table-of-contents
// labels, summaries, the search index and word counts.

#include <cstddef>
#include <string>
#include <string_view>

struct cmark_node;

namespace agora {

// The text content of `node`'s inlines (a heading, a paragraph, a link):
// text and code spans; soft and hard line breaks become one space; no
// markup, no raw HTML, no footnote markers. Image alt text is included only
// if `include_image_alt` (a heading's id follows GitHub, which reads the
// rendered textContent, where alt text does not appear). Runs of ASCII
// whitespace are collapsed to one space; the result is trimmed.
std::string inline_plain_text(cmark_node* node, bool include_image_alt);

// The text of the whole document, for search indexing: every block's text
// (image alt text included), block boundaries as "\n", table cells
// separated by " ", code blocks verbatim, raw HTML and footnote markers
// dropped, footnote texts at the end. No leading or trailing whitespace.
std::string document_plain_text(cmark_node* root);

// The inline text of the first paragraph (in document order, outside
// footnotes) whose text is not empty; "" if there is none.
std::string first_paragraph_text(cmark_node* root);

// Whitespace-separated tokens that contain at least one ASCII letter or
// digit or any non-ASCII character ("--" and "*" are not words).
size_t count_words(std::string_view plain_text);

}  // namespace agora
