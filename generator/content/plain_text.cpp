#include "content/plain_text.h"

#include <cmark-gfm.h>

namespace agora {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_word_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void append_collapsed(std::string_view text, std::string* out) {
  for (char c : text) {
    if (is_space(c)) {
      if (!out->empty() && out->back() != ' ') out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// Separators are only added after content, so empty blocks and nested
// block ends do not pile up blank lines.
void append_separator(char separator, std::string* out) {
  if (out->empty()) return;
  if (is_space(out->back())) {
    if (separator == '\n' && out->back() == ' ') out->back() = '\n';
    return;
  }
  out->push_back(separator);
}

void trim_end(std::string* out) {
  while (!out->empty() && is_space(out->back())) out->pop_back();
}

bool inside_footnote(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
    if (cmark_node_get_type(p) == CMARK_NODE_FOOTNOTE_DEFINITION) return true;
  }
  return false;
}

bool is_cell(cmark_node* node) {
  return std::string_view(cmark_node_get_type_string(node)) == "table_cell";
}

}  // namespace

std::string inline_plain_text(cmark_node* node, bool include_image_alt) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    switch (cmark_node_get_type(cur)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        append_collapsed(cmark_node_get_literal(cur), &out);
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        append_collapsed(" ", &out);
        break;
      case CMARK_NODE_IMAGE:
        if (!include_image_alt) {
          cmark_iter_reset(iter, cur, CMARK_EVENT_EXIT);
        }
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  trim_end(&out);
  return out;
}

std::string document_plain_text(cmark_node* root) {
  std::string out;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(cur);
    if (event == CMARK_EVENT_EXIT) {
      if (is_cell(cur)) {
        append_separator(' ', &out);
      } else if ((type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) {
        append_separator('\n', &out);
      }
      continue;
    }
    switch (type) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += cmark_node_get_literal(cur);
        break;
      case CMARK_NODE_SOFTBREAK:
        out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      case CMARK_NODE_CODE_BLOCK:
        append_separator('\n', &out);
        out += cmark_node_get_literal(cur);
        append_separator('\n', &out);
        break;
      default:
        break;
    }
  }
  cmark_iter_free(iter);
  trim_end(&out);
  return out;
}

std::string first_paragraph_text(cmark_node* root) {
  std::string found;
  cmark_iter* iter = cmark_iter_new(root);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    if (cmark_node_get_type(cur) != CMARK_NODE_PARAGRAPH) continue;
    if (inside_footnote(cur)) continue;
    found = inline_plain_text(cur, false);
    if (!found.empty()) break;
  }
  cmark_iter_free(iter);
  return found;
}

size_t count_words(std::string_view plain_text) {
  size_t words = 0;
  bool in_token = false;
  bool token_counts = false;
  for (char c : plain_text) {
    if (is_space(c)) {
      if (in_token && token_counts) ++words;
      in_token = token_counts = false;
      continue;
    }
    in_token = true;
    token_counts = token_counts || is_word_char(c);
  }
  if (in_token && token_counts) ++words;
  return words;
}

}  // namespace agora
