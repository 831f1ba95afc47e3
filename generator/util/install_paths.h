#pragma once
// Where Agora's own files (the bundled themes, lunr-languages' scripts) are,
// found from the running executable so a moved or installed binary keeps
// them.

#include <string>

namespace agora {

// The folder that holds the bundled themes, one folder per theme:
//   PREFIX/share/agora/themes   for PREFIX/bin/agora (cmake --install, the .deb)
//   BUILD/share/agora/themes    for BUILD/agora and BUILD/tests/* (a build tree)
// The first that exists wins; AGORA_THEMES_DIR in the environment overrides
// both. "" when none exists.
std::string bundled_themes_dir();

// The folder of the npm package lunr-languages as search pages load it (its
// min/ scripts and its licence), copied there from node_modules at build
// time: PREFIX/share/agora/lunr-languages or BUILD/share/agora/lunr-languages,
// found as above; AGORA_LUNR_LANGUAGES_DIR overrides. "" when none exists.
std::string bundled_lunr_languages_dir();

}  // namespace agora
