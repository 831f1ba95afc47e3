#include "render/url.h"

#include <vector>

namespace agora {

namespace {

std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

}  // namespace

std::string relative_url(std::string_view from_dir, std::string_view to, const UrlStyle& style) {
  bool to_dir = to.empty() || to.back() == '/';
  auto from = segments(from_dir);
  auto target = segments(to);
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

bool normalise_path(std::string_view path, std::string* out) {
  std::vector<std::string_view> parts;
  for (auto segment : segments(path)) {
    if (segment == ".") continue;
    if (segment == "..") {
      if (parts.empty()) return false;
      parts.pop_back();
      continue;
    }
    parts.push_back(segment);
  }
  out->clear();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) *out += '/';
    *out += parts[i];
  }
  if (!path.empty() && path.back() == '/' && !out->empty()) *out += '/';
  return true;
}

}  // namespace agora
