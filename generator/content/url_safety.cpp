#include "content/url_safety.h"

#include <string>

namespace agora {
namespace {

// The scheme and what follows it, lower-cased, with the characters a
// browser's URL parser strips removed: the first 40 bytes are enough to
// decide.
std::string canonical_prefix(std::string_view url) {
  size_t i = 0;
  while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
  std::string out;
  for (; i < url.size() && out.size() < 40; ++i) {
    const char c = url[i];
    if (c == '\t' || c == '\n' || c == '\r') continue;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

}  // namespace

bool is_dangerous_url(std::string_view url) {
  const std::string prefix = canonical_prefix(url);
  for (std::string_view safe :
       {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"}) {
    if (prefix.starts_with(safe)) return false;
  }
  for (std::string_view bad : {"javascript:", "vbscript:", "file:", "data:"}) {
    if (prefix.starts_with(bad)) return true;
  }
  return false;
}

}  // namespace agora
