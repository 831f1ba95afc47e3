#include "cli/site_guard.h"

#include "util/install_paths.h"
#include "util/path.h"

namespace agora {

namespace {

std::string parent_of(std::string_view path) {
  path = without_trailing_slashes(path);
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : std::string(path.substr(0, slash));
}

}  // namespace

std::string site_root_of(const std::string& config_path) { return parent_of(config_path); }

void guard_site(ConfinedFileSystem* fs, const std::string& config_path, const std::string& out) {
  fs->guard(site_root_of(config_path));
  if (std::string themes = bundled_themes_dir(); !themes.empty()) fs->guard(themes);
  if (!out.empty()) fs->guard(parent_of(out));
}

}  // namespace agora
