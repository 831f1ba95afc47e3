#pragma once
// The content files that are not documents (images, PDFs), copied into the
// output at their site paths.

#include "model/site.h"
#include "render/site_files.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

// Adds every attachment of `site` to *files; an unreadable one is an error.
bool add_attachments(const FileSystem& fs, const Site& site, SiteFiles* files, Diagnostics* diags);

}  // namespace agora
