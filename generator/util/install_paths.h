#pragma once
// Where Agora's own files (the bundled themes) are, found from the running
// executable so a moved or installed binary keeps them.

#include <string>

namespace agora {

// The folder that holds the bundled themes, one folder per theme:
//   PREFIX/share/agora/themes   for PREFIX/bin/agora (cmake --install, the .deb)
//   BUILD/share/agora/themes    for BUILD/agora and BUILD/tests/* (a build tree)
// The first that exists wins; AGORA_THEMES_DIR in the environment overrides
// both. "" when none exists.
std::string bundled_themes_dir();

}  // namespace agora
