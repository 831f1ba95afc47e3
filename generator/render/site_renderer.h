#pragma once
// Render: the Site and its Theme -> every page of the output, keyed by
// site-relative path, handed to a sink in batches. Pages render in parallel; the result does not
// depend on thread timing. Everything that can be wrong was found when the
// site and the theme were loaded: render reads no file.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/site_files.h"
#include "render/theme.h"
#include "render/url.h"
#include "util/diagnostic.h"

namespace agora {

struct RenderOptions {
  UrlStyle style;
  unsigned threads = 0;
  // Pages rendered before they go to the sink: enough to keep every core
  // busy, few enough that memory holds a batch and not the site.
  size_t batch_pages = 1024;
  // The offline bundle, when the build makes one: its file name at the site
  // root and its size, for the link on the home page.
  std::string bundle_file;
  uint64_t bundle_bytes = 0;
  // By language code: the scripts its search page loads after lunr.js, as
  // paths from the site root (the search stage knows them: search_script_paths).
  std::map<std::string, std::vector<std::string>> search_scripts;
};

// Renders every language's pages, each in its own tree (`languages` holds
// one view per language, the default first: see model/languages.h; a site
// with one language is its own view), their feeds, and once for all the
// open data, sitemap, robots.txt, 404 page and the theme's assets. The files
// go to `sink` in batches as they are rendered. Returns false when a
// template recursed without end (the one problem a template check cannot
// see), with an error in diags, or when the sink refused a batch (then
// sink->error() says why).
bool render_site(const std::vector<const Site*>& languages, const Theme& theme,
                 const RenderOptions& options, FileSink* sink, Diagnostics* diags);

// The same, collected in *files.
bool render_site(const std::vector<const Site*>& languages, const Theme& theme,
                 const RenderOptions& options, SiteFiles* files, Diagnostics* diags);

inline bool render_site(const Site& site, const Theme& theme, const RenderOptions& options,
                        SiteFiles* files, Diagnostics* diags) {
  return render_site(std::vector<const Site*>{&site}, theme, options, files, diags);
}

// How many pages render_site has rendered in this process: lets a test show
// that `agora check` renders none.
uint64_t pages_rendered();

}  // namespace agora
