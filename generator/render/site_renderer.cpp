#include "render/site_renderer.h"

#include <algorithm>
#include <atomic>
#include <functional>

#include "render/feeds.h"
#include "render/open_data.h"
#include "render/page_views.h"
#include "render/support_pages.h"
#include "render/view_value.h"
#include "util/human_bytes.h"
#include "util/parallel.h"

namespace agora {

namespace {

std::atomic<uint64_t> g_pages_rendered{0};

// What a page's render needs: the theme's templates, the page's template,
// where the page goes and the words below its view.
struct PageContext {
  TemplateSet* templates;
  const std::string& name;
  std::string* out;
  Diagnostics* diags;
  const TemplateValue* globals;
};
using PageRender = std::function<void(const PageContext&)>;

// Renders the view `make_view()` returns, read in place (render/view_value.h):
// no JSON tree is built for the page.
template <typename F>
PageRender render_view(F make_view) {
  return [make_view = std::move(make_view)](const PageContext& page) {
    const auto view = make_view();
    page.templates->render(page.name, template_value(view), page.out, page.diags, page.globals);
  };
}

struct PageJob {
  std::string dir;   // site-relative directory of the page
  std::string file;  // output file
  std::string template_name;
  bool in_sitemap = true;
  PageRender render;
  // What the same page is called in every language: its directory in the
  // tree for a generated page, "doc:" + group for a document.
  std::string alternate_key;
  std::string lastmod;  // documents
  // A document's page: its own body and history are in it.
  const Document* document = nullptr;
  // Renders in every build: it shows what no input digest covers (the
  // open data's sizes).
  bool always = false;
};

// Whether `job` may stay as the last build wrote it (see PageReuse).
bool reusable(const PageJob& job, const PageReuse* reuse) {
  if (!reuse || job.always) return false;
  return !job.document || !reuse->changed.count(job.document->source_path);
}

// Every page the site has, in a fixed order.
class PagePlanner {
 public:
  PagePlanner(const Site& site, const PageViews& views, const Theme& theme)
      : site_(site), views_(views), theme_(theme) {}

  std::vector<PageJob> plan() {
    add(site_.dir(""), "home", [this] { return views_.home(); });
    for (const auto& type : site_.config.types) {
      paginate(site_.dir(type.name + "/"), site_.by_type.at(type.name).size(), "listing",
               [this, &type](size_t page) { return views_.type_listing(type, page); });
    }
    for (const auto& facet : views_.facets()) {
      paginate(facet.path, facet.documents.size(), "listing",
               [this, &facet](size_t page) { return views_.facet_listing(facet, page); });
    }
    if (const auto& map = views_.gap_map()) {
      add(site_.dir(kGapMapPath), "gap-map", [this] { return views_.gap_map_page(); });
      for (size_t r = 0; r < map->rows.size(); ++r) {
        for (size_t c = 0; c < map->columns.size(); ++c) {
          const GapCell& cell = map->cells[r][c];
          if (cell.documents.empty()) continue;
          paginate(cell.path, cell.documents.size(), "listing",
                   [this, r, c](size_t page) { return views_.gap_cell_listing(r, c, page); });
        }
      }
    }
    for (size_t i = 0; i < site_.documents.size(); ++i) {
      const Document& doc = site_.documents[i];
      // A fallback's page is its original's, in the original's tree.
      if (!site_.has_page(doc)) continue;
      std::string specific = "document-" + doc.type;
      add(doc.path, theme_.files->count(specific) ? specific : "document",
          [this, i] { return views_.document(i); });
      jobs_.back().alternate_key = "doc:" + doc.group;
      jobs_.back().lastmod = document_lastmod(doc);
      jobs_.back().document = &doc;
    }
    for (const auto& taxonomy : site_.config.taxonomies) add_taxonomy(taxonomy);
    if (views_.support_map()) add_support(*views_.support_map());
    add(site_.dir("downloads/"), "downloads", [this] { return views_.downloads(); });
    jobs_.back().always = true;
    add(
        site_.dir("search/"), "search",
        [this] { return views_.plain(site_.dir("search/"), "search"); },
        /*in_sitemap=*/false);
    // One 404 page for the whole site, in the default language.
    if (site_.tree.empty()) {
      jobs_.push_back({"", "404.html", "404", false,
                       render_view([this] { return views_.plain("", "404"); }), "", ""});
    }
    return std::move(jobs_);
  }

 private:
  // `make_view`: the page's view (render/views.h), made when it renders.
  template <typename F>
  void add(const std::string& dir, const std::string& template_name, F make_view,
           bool in_sitemap = true) {
    jobs_.push_back({dir, page_file(dir), template_name, in_sitemap,
                     render_view(std::move(make_view)), dir.substr(site_.tree.size()), ""});
  }

  // `make_view(page)`: page number `page`'s view.
  template <typename F>
  void paginate(const std::string& first_dir, size_t count, const std::string& template_name,
                F make_view) {
    size_t pages = views_.page_count(count);
    for (size_t page = 1; page <= pages; ++page) {
      add(page_dir(first_dir, page), template_name, [make_view, page] { return make_view(page); });
    }
  }

  // The clearing-house's pages (render/support_pages.h).
  void add_support(const SupportMap& map) {
    add(support_dir(site_), "support", [this] { return views_.support(); });
    for (size_t r = 0; r < map.rows.size(); ++r) {
      for (size_t c = 0; c < map.columns.size(); ++c) {
        if (!map.cells[r][c].providers.empty()) {
          add(support_cell_dir(site_, map, r, c), "providers",
              [this, r, c] { return views_.support_cell(r, c); });
        }
        if (!map.needs[r][c].open.empty()) {
          paginate(needs_cell_dir(site_, map, r, c), map.needs[r][c].open.size(), "listing",
                   [this, r, c](size_t page) { return views_.needs_cell(r, c, page); });
        }
      }
    }
    add(countries_dir(site_, map), "countries", [this] { return views_.countries(); });
    for (const auto& country : site_.vocabularies.at(map.countries->name).terms()) {
      add(country_dir(site_, map, country.id), "providers",
          [this, &country] { return views_.country(country); });
    }
    add(request_support_dir(site_), "request-support", [this] { return views_.request_support(); });
    add(dashboard_dir(site_), "dashboard", [this] { return views_.dashboard(); });
    jobs_.back().always = true;
    add(needs_dir(site_), "needs-map", [this] { return views_.needs_map(); });
  }

  void add_taxonomy(const Taxonomy& taxonomy) {
    // A documents vocabulary's terms are documents with pages of their own.
    if (taxonomy.kind == VocabularyKind::kDocuments) return;
    const TaxonomyIndex& index = site_.taxonomies.at(taxonomy.name);
    if (index.documents.empty()) return;
    add(site_.dir(taxonomy.path()), "taxonomy",
        [this, &taxonomy] { return views_.taxonomy(taxonomy); });
    for (const auto& [id, documents] : index.documents) {
      const Term* term = index.vocabulary->by_id(id);
      paginate(term_path(site_, taxonomy, id), documents.size(), "term",
               [this, &taxonomy, term](size_t page) { return views_.term(taxonomy, *term, page); });
    }
  }

  const Site& site_;
  const PageViews& views_;
  const Theme& theme_;
  std::vector<PageJob> jobs_;
};

}  // namespace

uint64_t pages_rendered() { return g_pages_rendered.load(); }

SiteRenderer::SiteRenderer(const Theme& theme, RenderOptions options, FileSink* sink,
                           Diagnostics* diags)
    : theme_(theme), options_(std::move(options)), sink_(sink), diags_(diags) {}

bool SiteRenderer::take(SiteFiles batch) {
  // After a failure the pages still render, for their diagnostics.
  if (!sink_failed_ && !sink_->add(std::move(batch))) sink_failed_ = true;
  return !sink_failed_;
}

bool SiteRenderer::add_language(const Site& site, const std::vector<std::string>& search_scripts) {
  if (languages_++ == 0) {
    add_open_data(site, &data_files_);
    for (const auto& [path, bytes] : data_files_) data_sizes_[path] = bytes.size();
    base_url_ = site.config.base_url;
    robots_ = robots_txt(site);
  }
  size_t before = diags_->error_count();
  const Words& words = theme_.words_for(site.language);
  PageExtras extras;
  if (!options_.bundle_file.empty()) {
    extras.bundle = Bundle{options_.bundle_file, human_bytes(options_.bundle_bytes)};
  }
  extras.data_sizes = data_sizes_;
  extras.search_scripts = search_scripts;
  PageViews views(site, words, options_.style, std::move(extras));
  // The jobs' context functions point into the planner: it outlives them.
  PagePlanner planner(site, views, theme_);
  std::vector<PageJob> jobs = planner.plan();
  const nlohmann::json globals_json = {{"i18n", words.json()}};
  const TemplateValue globals = TemplateValue::from_json(globals_json);
  const size_t batch_pages = std::max<size_t>(options_.batch_pages, 1);
  for (size_t first = 0; first < jobs.size(); first += batch_pages) {
    const size_t count = std::min(batch_pages, jobs.size() - first);
    std::vector<std::string> out(count);
    std::vector<Diagnostics> found(count);
    // Pages whose inputs did not change, where the sink still has them.
    std::vector<char> kept(count, 0);
    if (options_.reuse && !sink_failed_) {
      std::vector<std::string> offered;
      std::vector<size_t> at;
      for (size_t k = 0; k < count; ++k) {
        if (!reusable(jobs[first + k], options_.reuse)) continue;
        offered.push_back(jobs[first + k].file);
        at.push_back(k);
      }
      if (!offered.empty()) {
        const std::vector<char> taken = sink_->keep(offered);
        for (size_t i = 0; i < at.size(); ++i) kept[at[i]] = taken[i];
      }
    }
    parallel_for(
        count,
        [&](size_t k) {
          if (kept[k]) return;
          const PageJob& job = jobs[first + k];
          // A page grows in a buffer each thread keeps, then is copied
          // once at its size: grown from empty, every page paid for its
          // string's doublings and for faulting in their fresh memory.
          thread_local std::string page;
          page.clear();
          job.render({theme_.templates.get(), job.template_name, &page, &found[k], &globals});
          out[k] = page;
          ++g_pages_rendered;
        },
        options_.threads);
    SiteFiles batch;
    for (size_t k = 0; k < count; ++k) {
      const PageJob& job = jobs[first + k];
      diags_->merge(found[k]);
      if (!kept[k]) batch[job.file] = std::move(out[k]);
      if (job.in_sitemap) {
        pages_.push_back({{job.dir, job.lastmod, {}}, job.alternate_key, site.language});
      }
    }
    take(std::move(batch));
  }
  take({{site.dir("feed.xml"), atom_feed(site)}});
  return diags_->error_count() == before && !sink_failed_;
}

bool SiteRenderer::finish() {
  // Each page lists its versions in every language, itself included.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> versions;
  for (const auto& page : pages_) {
    versions[page.alternate_key].emplace_back(page.language, page.entry.dir);
  }
  std::vector<SitemapEntry> entries;
  entries.reserve(pages_.size());
  for (auto& page : pages_) {
    const auto& all = versions[page.alternate_key];
    if (all.size() > 1) page.entry.alternates = all;
    entries.push_back(std::move(page.entry));
  }
  pages_.clear();
  // A theme asset wins over an open data file at the same path.
  SiteFiles rest = theme_.assets;
  rest.merge(data_files_);
  for (auto& [name, xml] : sitemaps(base_url_, std::move(entries))) rest[name] = std::move(xml);
  rest["robots.txt"] = robots_;
  return take(std::move(rest));
}

bool render_site(const std::vector<const Site*>& languages, const Theme& theme,
                 const RenderOptions& options, FileSink* sink, Diagnostics* diags) {
  SiteRenderer renderer(theme, options, sink, diags);
  bool ok = true;
  for (const Site* language : languages) ok = renderer.add_language(*language, {}) && ok;
  return renderer.finish() && ok;
}

bool render_site(const std::vector<const Site*>& languages, const Theme& theme,
                 const RenderOptions& options, SiteFiles* files, Diagnostics* diags) {
  CollectingSink sink(files);
  return render_site(languages, theme, options, &sink, diags);
}

}  // namespace agora
