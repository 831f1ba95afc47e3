#pragma once
// The offline bundle: the whole site in one zip to copy to a USB stick.

#include <string>

#include "output/site_files.h"

namespace agora {

// Writes `files` to zip_path (replaced if present) with libzip: one deflated
// entry per file, in path order, every entry dated 1980-01-01 00:00 (the
// earliest DOS time, independent of the time zone) with mode 0644, so equal
// input gives equal bytes. libzip writes to a temporary file and renames it,
// so a failed write leaves any previous zip_path in place. An empty `files`
// or an unsafe path (is_safe_relative_path) is an error.
bool write_zip(const SiteFiles& files, const std::string& zip_path, std::string* err);

}  // namespace agora
