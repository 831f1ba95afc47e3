#pragma once
// The rendered site as the output stage receives it.

#include <map>
#include <string>
#include <string_view>

#include "render/site_files.h"

namespace agora {

// The same shape without owning the bytes, to combine several SiteFiles
// (pages, precompressed copies, the manifest) without copying them.
using SiteView = std::map<std::string, std::string_view>;
SiteView view_of(const SiteFiles& files);

// True for a path that stays inside the directory it is joined to: not
// empty, no leading '/', no empty, "." or ".." segment, no '\\' and no NUL.
// Paths from a mirrored manifest are untrusted and must pass this.
bool is_safe_relative_path(const std::string& path);

}  // namespace agora
