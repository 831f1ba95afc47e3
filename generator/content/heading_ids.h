#pragma once
// Heading anchors: GitHub-style ids, explicit "{#id}" markers, and
// uniqueness within one document.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace agora {

// The anchor GitHub would give a heading with this plain text: ASCII
// letters lower-cased, non-ASCII letters kept as they are, punctuation and
// symbols (ASCII and the common Unicode punctuation, symbol and emoji
// blocks) dropped, each space turned into '-' (runs are not collapsed:
// "a - b" -> "a---b"). "section" if nothing is left. Not unique: see
// HeadingIdAllocator.
std::string heading_anchor(std::string_view text);

// If `text` ends with an explicit id marker "{#id}" (optionally followed by
// spaces), returns true, sets *id to the id and *rest to the text before
// the marker with trailing spaces removed. An id is one or more ASCII
// letters, digits, '-', '_', '.', ':' or non-ASCII characters. Otherwise
// returns false and leaves both untouched.
bool split_explicit_id(std::string_view text, std::string_view* rest, std::string_view* id);

// Hands out ids that are unique within one document, GitHub style: the
// first "intro" stays "intro", later ones become "intro-1", "intro-2", ...,
// skipping any id already taken.
class HeadingIdAllocator {
 public:
  // Marks `id` as taken without handing it out, so generated ids never
  // collide with an explicit id that appears later in the document.
  void reserve(const std::string& id) { reserved_.insert(id); }

  // An explicit id: kept as written the first time it is claimed; a repeat
  // is made unique like a generated one.
  std::string claim_explicit(const std::string& id);

  // A generated id: `base` itself unless taken or reserved.
  std::string claim(const std::string& base);

 private:
  bool taken(const std::string& id) const { return used_.count(id) > 0 || reserved_.count(id) > 0; }

  std::unordered_set<std::string> used_;
  std::unordered_set<std::string> reserved_;
  std::unordered_map<std::string, int> next_suffix_;
};

}  // namespace agora
