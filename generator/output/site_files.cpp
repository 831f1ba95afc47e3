#include "output/site_files.h"

namespace agora {

SiteView view_of(const SiteFiles& files) {
  SiteView view;
  for (const auto& [path, bytes] : files) view.emplace_hint(view.end(), path, bytes);
  return view;
}

bool is_safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string_view segment(path.data() + start, end - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = end + 1;
  }
  return path.find('\\') == std::string::npos && path.find('\0') == std::string::npos;
}

}  // namespace agora
