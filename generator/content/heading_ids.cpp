#include "content/heading_ids.h"

#include "util/text.h"

namespace agora {
namespace {

bool is_ascii_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

// github-slugger drops everything its regex classifies as punctuation or
// symbol. Without ICU we approximate that with the blocks where such code
// points live; letters and digits of every script fall outside them.
bool is_dropped_non_ascii(char32_t cp) {
  if (cp < 0xC0) return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return true;
  if (cp >= 0x2000 && cp <= 0x2BFF) return true;  // punctuation .. arrows
  if (cp >= 0x2E00 && cp <= 0x2E7F) return true;  // supplemental punct.
  if (cp >= 0x3000 && cp <= 0x303F) {             // CJK punctuation
    return cp < 0x3005 || cp > 0x3007;
  }
  if (cp >= 0xFE00 && cp <= 0xFE0F) return true;  // variation selectors
  if (cp >= 0xFE10 && cp <= 0xFE1F) return true;
  if (cp >= 0xFE30 && cp <= 0xFE6F) return true;
  if (cp >= 0xFF01 && cp <= 0xFF0F) return true;  // fullwidth punctuation
  if (cp >= 0xFF1A && cp <= 0xFF20) return true;
  if (cp >= 0xFF3B && cp <= 0xFF40) return cp != 0xFF3F;
  if (cp >= 0xFF5B && cp <= 0xFF65) return true;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return true;  // emoji and pictographs
  return false;
}

}  // namespace

std::string heading_anchor(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      ++pos;
      if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c - 'A' + 'a');
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
        out += c;
      } else if (c == ' ') {
        out += '-';
      }
      continue;
    }
    const size_t start = pos;
    const char32_t cp = decode_utf8(text, &pos);
    if (!is_dropped_non_ascii(cp)) out.append(text.substr(start, pos - start));
  }
  if (out.empty()) out = "section";
  return out;
}

bool split_explicit_id(std::string_view text, std::string_view* rest, std::string_view* id) {
  size_t end = text.size();
  while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  if (end < 4 || text[end - 1] != '}') return false;
  const size_t open = text.rfind("{#", end - 1);
  if (open == std::string_view::npos) return false;
  const std::string_view candidate = text.substr(open + 2, end - 1 - open - 2);
  if (candidate.empty()) return false;
  for (char c : candidate) {
    if (!is_ascii_id_char(c) && static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
  }
  size_t rest_end = open;
  while (rest_end > 0 && (text[rest_end - 1] == ' ' || text[rest_end - 1] == '\t')) {
    --rest_end;
  }
  *rest = text.substr(0, rest_end);
  *id = candidate;
  return true;
}

std::string HeadingIdAllocator::claim_explicit(const std::string& id) {
  if (used_.count(id) == 0) {
    used_.insert(id);
    return id;
  }
  return claim(id);
}

std::string HeadingIdAllocator::claim(const std::string& base) {
  if (!taken(base)) {
    used_.insert(base);
    return base;
  }
  int& suffix = next_suffix_[base];
  if (suffix == 0) suffix = 1;
  std::string candidate;
  do {
    candidate = base + "-" + std::to_string(suffix++);
  } while (taken(candidate));
  used_.insert(candidate);
  return candidate;
}

}  // namespace agora
