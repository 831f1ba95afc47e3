#include "render/url.h"

#include <string_view>

#include "util/path.h"

namespace agora {

std::string relative_url(std::string_view from_dir, std::string_view to, const UrlStyle& style) {
  const bool to_dir = to.empty() || to.back() == '/';
  const size_t from_count = PathSegments(from_dir).count();
  const size_t target_count = PathSegments(to).count();
  // A file target's last segment is not a directory to descend into.
  const size_t target_dirs = to_dir ? target_count : target_count - 1;
  // Walked in place: every link of every page is made relative here, and
  // two vectors of segments per link were a few percent of a build.
  PathSegments from(from_dir), target(to);
  std::string_view a, b;
  size_t common = 0;
  while (common < from_count && common < target_dirs && from.next(&a) && target.next(&b) &&
         a == b) {
    ++common;
  }
  // `target` has read one segment past the common ones unless they ended
  // the comparison: start again after them.
  PathSegments rest(to);
  for (size_t i = 0; i < common; ++i) rest.next(&b);
  std::string url;
  url.reserve(3 * (from_count - common) + to.size() + 11);
  for (size_t i = common; i < from_count; ++i) url += "../";
  for (size_t i = common; i < target_count; ++i) {
    rest.next(&b);
    url += b;
    if (i + 1 < target_count || to_dir) url += '/';
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
