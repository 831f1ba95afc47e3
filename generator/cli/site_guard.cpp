#include "cli/site_guard.h"

#include "util/install_paths.h"

namespace agora {

namespace {

std::string parent_of(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

std::string site_root_of(const std::string& config_path) { return parent_of(config_path); }

void guard_site(ConfinedFileSystem* fs, const std::string& config_path, const std::string& out) {
  fs->guard(site_root_of(config_path));
  if (std::string themes = bundled_themes_dir(); !themes.empty()) fs->guard(themes);
  if (!out.empty()) fs->guard(parent_of(out));
}

}  // namespace agora
