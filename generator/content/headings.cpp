#include "content/headings.h"

#include <cmark-gfm.h>

#include <string_view>

#include "content/heading_ids.h"
#include "content/plain_text.h"

namespace agora {
namespace {

// cmark splits text at characters that might start markup ('_', '!'...);
// the marker can only be recognised once those pieces are joined, which
// cmark_consolidate_text_nodes (run by the caller) has done.
std::string take_explicit_id(cmark_node* heading) {
  cmark_node* last = cmark_node_last_child(heading);
  if (!last || cmark_node_get_type(last) != CMARK_NODE_TEXT) return {};
  const std::string literal = cmark_node_get_literal(last);
  std::string_view rest, id;
  if (!split_explicit_id(literal, &rest, &id)) return {};
  std::string explicit_id(id);
  if (rest.empty()) {
    cmark_node_free(last);
  } else {
    cmark_node_set_literal(last, std::string(rest).c_str());
  }
  return explicit_id;
}

}  // namespace

std::vector<HeadingNode> collect_headings(cmark_node* root) {
  std::vector<HeadingNode> headings;
  std::vector<std::string> explicit_ids;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING) {
      continue;
    }
    HeadingNode heading;
    heading.node = node;
    heading.level = cmark_node_get_heading_level(node);
    heading.line = cmark_node_get_start_line(node);
    explicit_ids.push_back(take_explicit_id(node));
    heading.text = inline_plain_text(node, false);
    headings.push_back(std::move(heading));
    // Skip the heading's inlines: the marker removal above may have freed
    // a child the iterator would otherwise visit.
    cmark_iter_reset(iter, node, CMARK_EVENT_EXIT);
  }
  cmark_iter_free(iter);

  HeadingIdAllocator ids;
  for (const std::string& id : explicit_ids) {
    if (!id.empty()) ids.reserve(id);
  }
  for (size_t i = 0; i < headings.size(); ++i) {
    headings[i].id = explicit_ids[i].empty() ? ids.claim(heading_anchor(headings[i].text))
                                             : ids.claim_explicit(explicit_ids[i]);
  }
  return headings;
}

}  // namespace agora
