#pragma once
// '/'-separated path arithmetic, independent of the file system.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

// The non-empty segments of a '/'-separated path, one at a time, without
// a vector: "a//b/" gives "a", then "b".
class PathSegments {
 public:
  explicit PathSegments(std::string_view path) : path_(path) {}
  // The next segment into *segment; false after the last.
  bool next(std::string_view* segment);
  // How many segments the whole path has.
  size_t count() const;

 private:
  std::string_view path_;
  size_t pos_ = 0;
};

// All of them at once: "a//b/" -> {"a", "b"}.
std::vector<std::string_view> path_segments(std::string_view path);

// Resolves "a/b/../c" and "./" segments; keeps a trailing '/'. Returns false
// if the path climbs above its start.
bool normalise_path(std::string_view path, std::string* out);

// The part of `path` below `root` ("b/c" for "a/b/c" below "a", empty for
// the root itself), or nothing when `path` is not under it. Root "." (or
// "") holds every relative path that does not climb out of it.
std::optional<std::string_view> path_below(std::string_view root, std::string_view path);

// `path` without the '/'s at its end, but "/" for the root: "a/b" for
// "a/b//", "/" for "//".
std::string_view without_trailing_slashes(std::string_view path);

// `path` without its leading "./"s and its trailing '/'s, as the file
// systems key and compare paths: "a/b" for "././a/b/", "/" for "/".
std::string tidy_path(std::string_view path);

// A folder's name as messages show it, with one '/' at the end: "public/"
// for "public", "public/" and "public//"; "/" for "/", "./" for "".
std::string folder_name(std::string_view path);

// "content/case-studies/" for "content/case-studies/x.md"; "" for "x.md".
std::string parent_dir(std::string_view path);

}  // namespace agora
