#pragma once
// The folders whose symbolic links a command must not follow: the site root
// (content, data, templates, its own themes, the compression cache), the
// bundled themes and the output folder's parent.

#include <string>

#include "util/confined_file_system.h"

namespace agora {

// The folder holding `config_path` ("." when it has none).
std::string site_root_of(const std::string& config_path);

// Guards the site root of config_path, the bundled themes and, when `out`
// is not empty, the folder that holds out (where out, out.staging and
// out.old live).
void guard_site(ConfinedFileSystem* fs, const std::string& config_path, const std::string& out);

}  // namespace agora
