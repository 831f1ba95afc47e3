#include "util/install_paths.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace agora {

namespace {

// share/agora/NAME beside the executable's prefix or its build tree.
std::string bundled_dir(const char* variable, const char* name) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv(variable); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return "";
  fs::path dir = exe.parent_path();
  for (const fs::path& candidate :
       {dir / ".." / "share" / "agora" / name, dir / "share" / "agora" / name}) {
    if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
  }
  return "";
}

}  // namespace

std::string bundled_themes_dir() { return bundled_dir("AGORA_THEMES_DIR", "themes"); }

std::string bundled_lunr_languages_dir() {
  return bundled_dir("AGORA_LUNR_LANGUAGES_DIR", "lunr-languages");
}

}  // namespace agora
