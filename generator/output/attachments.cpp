#include "output/attachments.h"

namespace agora {

bool add_attachments(const FileSystem& fs, const Site& site, SiteFiles* files, Diagnostics* diags) {
  bool ok = true;
  for (const auto& attachment : site.attachments) {
    std::string err;
    if (!fs.read_file(join_path(site.config.root, attachment.source_path),
                      &(*files)[attachment.path], &err)) {
      diags->error(attachment.source_path, 0, 0, "unreadable", err);
      ok = false;
    }
  }
  return ok;
}

}  // namespace agora
