#pragma once
// '/'-separated path arithmetic, independent of the file system.

#include <string>
#include <string_view>
#include <vector>

namespace agora {

// The non-empty segments of a '/'-separated path: "a//b/" -> {"a", "b"}.
std::vector<std::string_view> path_segments(std::string_view path);

// Resolves "a/b/../c" and "./" segments; keeps a trailing '/'. Returns false
// if the path climbs above its start.
bool normalise_path(std::string_view path, std::string* out);

// "content/case-studies/" for "content/case-studies/x.md"; "" for "x.md".
std::string parent_dir(std::string_view path);

}  // namespace agora
