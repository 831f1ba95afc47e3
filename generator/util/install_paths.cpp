#include "util/install_paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace agora {

std::string bundled_themes_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("AGORA_THEMES_DIR"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  fs::path dir = exe.parent_path();
  for (const fs::path& candidate :
       {dir / ".." / "share" / "agora" / "themes", dir / "share" / "agora" / "themes"}) {
    if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  return "";
}

}  // namespace agora
