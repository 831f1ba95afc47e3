#include "render/url.h"

#include <vector>

#include "util/path.h"

namespace agora {

std::string relative_url(std::string_view from_dir, std::string_view to, const UrlStyle& style) {
  bool to_dir = to.empty() || to.back() == '/';
  auto from = path_segments(from_dir);
  auto target = path_segments(to);
  size_t common = 0;
  // A file target's last segment is not a directory to descend into.
  size_t target_dirs = to_dir ? target.size() : target.size() - 1;
  while (common < from.size() && common < target_dirs && from[common] == target[common]) ++common;
  std::string url;
  for (size_t i = common; i < from.size(); ++i) url += "../";
  for (size_t i = common; i < target.size(); ++i) {
    url += target[i];
    if (i + 1 < target.size() || to_dir) url += '/';
  }
  if (to_dir) {
    if (style.offline) url += "index.html";
    if (url.empty()) url = "./";
  }
  return url;
}

std::string absolute_url(std::string_view base_url, std::string_view path) {
  std::string url(base_url);
  if (!url.empty() && url.back() != '/') url += '/';
  url += path;
  return url;
}

std::string page_file(std::string_view dir) { return std::string(dir) + "index.html"; }

}  // namespace agora
