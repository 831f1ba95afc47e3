#pragma once
// Render: the Site and its Theme -> every page of the output, keyed by
// site-relative path, handed to a sink in batches. Pages render in parallel; the result does not
// depend on thread timing. Everything that can be wrong was found when the
// site and the theme were loaded: render reads no file.

#include <cstddef>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/feeds.h"
#include "render/site_files.h"
#include "render/theme.h"
#include "render/url.h"
#include "util/diagnostic.h"

namespace agora {

// What a rebuild may leave as the last build wrote it. A build sets it when
// everything a page shows is as it was for the last build into the same
// output folder (the program, site.yaml, the data, the theme, every
// document's front matter and the build's options) and only documents'
// bodies or histories changed: each page but those documents' own is
// offered to the sink to keep (FileSink::keep), and rendered only if the
// sink cannot. See output/site_inputs.h.
struct PageReuse {
  std::set<std::string> changed;  // source paths of the documents whose pages render
};

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
  // Null: every page renders.
  const PageReuse* reuse = nullptr;
};

// Renders a site one language at a time, so that a build holds one
// language's view of the site in memory, not all of them: add_language()
// for each view, the default language first (a site with one language is
// its own view: see model/languages.h), then finish(). The files go to the
// sink in batches as they are rendered. False when a template recursed
// without end (the one problem a template check cannot see), with an error
// in diags, or when the sink refused a batch (then sink->error() says why);
// after a failure, later pages still render for their diagnostics.
class SiteRenderer {
 public:
  SiteRenderer(const Theme& theme, RenderOptions options, FileSink* sink, Diagnostics* diags);

  // One language's pages and feed, in its own tree. `search_scripts`: the
  // scripts its search page loads after lunr.js, as paths from the site
  // root (the search stage knows them: search_script_paths). The first
  // view's open data is the site's.
  bool add_language(const Site& view, const std::vector<std::string>& search_scripts);
  // Once for all languages: the open data, the sitemap (each page with its
  // versions in every language), robots.txt and the theme's assets.
  bool finish();

 private:
  struct SitemapPage {
    SitemapEntry entry;
    std::string alternate_key;  // what the page is called in every language
    std::string language;
  };
  bool take(SiteFiles batch);

  const Theme& theme_;
  RenderOptions options_;
  FileSink* sink_;
  Diagnostics* diags_;
  bool sink_failed_ = false;
  size_t languages_ = 0;  // added so far
  SiteFiles data_files_;  // the open data, made from the first view
  std::map<std::string, size_t> data_sizes_;
  std::string base_url_, robots_;
  std::vector<SitemapPage> pages_;
};

// Every language's pages with a SiteRenderer, from views already made.
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
