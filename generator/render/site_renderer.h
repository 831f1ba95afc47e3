#pragma once
// Render: the Site -> every file of the output, in memory, keyed by
// site-relative path. Pages render in parallel; the result does not depend
// on thread timing.

#include <map>
#include <string>

#include "model/site.h"
#include "render/site_files.h"
#include "render/url.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

struct RenderOptions {
  UrlStyle style;
  unsigned threads = 0;
  // The offline bundle, when the build makes one: its file name at the site
  // root and its size, for the link on the home page.
  std::string bundle_file;
  uint64_t bundle_bytes = 0;
};

// Renders pages, feeds, sitemap and robots.txt and copies the theme's assets
// and the content attachments. Broken links and template errors go to diags;
// returns false if there was any error.
bool render_site(const FileSystem& fs, const Site& site, const RenderOptions& options,
                 SiteFiles* files, Diagnostics* diags);

// The link check alone (what `agora check` runs): renders bodies, keeps
// nothing.
bool check_links(const FileSystem& fs, const Site& site, Diagnostics* diags);

// Parses every template of the site and its theme, reporting syntax errors
// with file, line and column (what `agora check` runs; renders nothing).
bool check_templates(const FileSystem& fs, const SiteConfig& config, Diagnostics* diags);

}  // namespace agora
