#pragma once
// Render: the Site and its Theme -> every page of the output, in memory,
// keyed by site-relative path. Pages render in parallel; the result does not
// depend on thread timing. Everything that can be wrong was found when the
// site and the theme were loaded: render reads no file.

#include <cstdint>
#include <string>

#include "model/site.h"
#include "render/site_files.h"
#include "render/theme.h"
#include "render/url.h"
#include "util/diagnostic.h"

namespace agora {

struct RenderOptions {
  UrlStyle style;
  unsigned threads = 0;
  // The offline bundle, when the build makes one: its file name at the site
  // root and its size, for the link on the home page.
  std::string bundle_file;
  uint64_t bundle_bytes = 0;
};

// Renders pages, open data, feeds, sitemap and robots.txt, and adds the
// theme's assets. Returns false only when a template recursed without end
// (the one problem a template check cannot see), with an error in diags.
bool render_site(const Site& site, const Theme& theme, const RenderOptions& options,
                 SiteFiles* files, Diagnostics* diags);

// How many pages render_site has rendered in this process: lets a test show
// that `agora check` renders none.
uint64_t pages_rendered();

}  // namespace agora
