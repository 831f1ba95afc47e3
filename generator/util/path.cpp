#include "util/path.h"

namespace agora {

bool PathSegments::next(std::string_view* segment) {
  while (pos_ < path_.size()) {
    size_t slash = path_.find('/', pos_);
    if (slash == std::string_view::npos) slash = path_.size();
    const size_t start = pos_;
    pos_ = slash + 1;
    if (slash > start) {
      *segment = path_.substr(start, slash - start);
      return true;
    }
  }
  return false;
}

size_t PathSegments::count() const {
  PathSegments all(path_);
  std::string_view ignored;
  size_t n = 0;
  while (all.next(&ignored)) ++n;
  return n;
}

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> out;
  PathSegments segments(path);
  std::string_view segment;
  while (segments.next(&segment)) out.push_back(segment);
  return out;
}

bool normalise_path(std::string_view path, std::string* out) {
  std::vector<std::string_view> parts;
  for (auto segment : path_segments(path)) {
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

std::optional<std::string_view> path_below(std::string_view root, std::string_view path) {
  if (root.empty() || root == ".") {
    if (path.starts_with("/") || path == ".." || path.starts_with("../")) return std::nullopt;
    return path == "." ? std::string_view() : path;
  }
  if (path == root) return std::string_view();
  if (path.size() > root.size() && path.starts_with(root) &&
      (root.back() == '/' || path[root.size()] == '/')) {
    return path.substr(root.size() + (root.back() == '/' ? 0 : 1));
  }
  return std::nullopt;
}

std::string_view without_trailing_slashes(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

std::string tidy_path(std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  return std::string(without_trailing_slashes(path));
}

std::string folder_name(std::string_view path) {
  if (path.empty()) return "./";
  std::string out(without_trailing_slashes(path));
  if (out != "/") out += '/';
  return out;
}

std::string parent_dir(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash + 1));
}

}  // namespace agora
