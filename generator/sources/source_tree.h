#pragma once
// Finds the content files: content/TYPE/SLUG.md documents and the other files
// beside them (images, attachments). Names starting with '_' are skipped.

#include <string>
#include <vector>

#include "config/site_config.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

struct SourceFile {
  std::string path;  // relative to the site root: "content/TYPE/SLUG.md"
  std::string type;
  std::string slug;  // documents only
  bool is_document = false;
};

// Lists sources in path order. Reports Markdown files outside a type folder,
// nested too deep, or with a name that is not lower-case kebab-case, and
// attachments larger than config.attachment_max_bytes.
std::vector<SourceFile> find_sources(const FileSystem& fs, const SiteConfig& config,
                                     Diagnostics* diags);

// True for "best-practice-2.md": lower-case ASCII letters, digits and single
// hyphens, ending in ".md".
bool is_kebab_case_file_name(const std::string& name);

}  // namespace agora
