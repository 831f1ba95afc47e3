#include "render/site_renderer.h"

#include <atomic>
#include <functional>

#include "render/feeds.h"
#include "render/open_data.h"
#include "render/page_views.h"
#include "render/view_json.h"
#include "util/human_bytes.h"
#include "util/parallel.h"

using nlohmann::json;

namespace agora {

namespace {

std::atomic<uint64_t> g_pages_rendered{0};

struct PageJob {
  std::string dir;   // site-relative directory of the page
  std::string file;  // output file
  std::string template_name;
  bool in_sitemap = true;
  std::function<json()> context;
};

// Every page the site has, in a fixed order.
class PagePlanner {
 public:
  PagePlanner(const Site& site, const PageViews& views, const Theme& theme)
      : site_(site), views_(views), theme_(theme) {}

  std::vector<PageJob> plan() {
    add("", "home", [this] { return to_json(views_.home()); });
    for (const auto& type : site_.config.types) {
      paginate(type.name + "/", site_.by_type.at(type.name).size(), "listing",
               [this, &type](size_t page) { return to_json(views_.type_listing(type, page)); });
    }
    for (const auto& facet : views_.facets()) {
      paginate(facet.path, facet.documents.size(), "listing",
               [this, &facet](size_t page) { return to_json(views_.facet_listing(facet, page)); });
    }
    if (const auto& map = views_.gap_map()) {
      add(kGapMapPath, "gap-map", [this] { return to_json(views_.gap_map_page()); });
      for (size_t r = 0; r < map->rows.size(); ++r) {
        for (size_t c = 0; c < map->columns.size(); ++c) {
          const GapCell& cell = map->cells[r][c];
          if (cell.documents.empty()) continue;
          paginate(cell.path, cell.documents.size(), "listing", [this, r, c](size_t page) {
            return to_json(views_.gap_cell_listing(r, c, page));
          });
        }
      }
    }
    for (size_t i = 0; i < site_.documents.size(); ++i) {
      const Document& doc = site_.documents[i];
      std::string specific = "document-" + doc.type;
      add(doc.path, theme_.files->count(specific) ? specific : "document",
          [this, i] { return to_json(views_.document(i)); });
    }
    for (const auto& taxonomy : site_.config.taxonomies) add_taxonomy(taxonomy);
    add("downloads/", "downloads", [this] { return to_json(views_.downloads()); });
    add(
        "search/", "search", [this] { return to_json(views_.plain("search/", "search")); },
        /*in_sitemap=*/false);
    jobs_.push_back(
        {"", "404.html", "404", false, [this] { return to_json(views_.plain("", "404")); }});
    return std::move(jobs_);
  }

 private:
  void add(const std::string& dir, const std::string& template_name, std::function<json()> context,
           bool in_sitemap = true) {
    jobs_.push_back({dir, page_file(dir), template_name, in_sitemap, std::move(context)});
  }

  void paginate(const std::string& first_dir, size_t count, const std::string& template_name,
                std::function<json(size_t)> context) {
    size_t pages = views_.page_count(count);
    for (size_t page = 1; page <= pages; ++page) {
      add(page_dir(first_dir, page), template_name, [context, page] { return context(page); });
    }
  }

  void add_taxonomy(const Taxonomy& taxonomy) {
    // A documents vocabulary's terms are documents with pages of their own.
    if (taxonomy.kind == VocabularyKind::kDocuments) return;
    const TaxonomyIndex& index = site_.taxonomies.at(taxonomy.name);
    if (index.documents.empty()) return;
    add(taxonomy.path(), "taxonomy",
        [this, &taxonomy] { return to_json(views_.taxonomy(taxonomy)); });
    for (const auto& [id, documents] : index.documents) {
      const Term* term = index.vocabulary->by_id(id);
      paginate(term_path(site_, taxonomy, id), documents.size(), "term",
               [this, &taxonomy, term](size_t page) {
                 return to_json(views_.term(taxonomy, *term, page));
               });
    }
  }

  const Site& site_;
  const PageViews& views_;
  const Theme& theme_;
  std::vector<PageJob> jobs_;
};

}  // namespace

uint64_t pages_rendered() { return g_pages_rendered.load(); }

bool render_site(const Site& site, const Theme& theme, const RenderOptions& options,
                 SiteFiles* files, Diagnostics* diags) {
  size_t before = diags->error_count();
  SiteFiles data_files;
  add_open_data(site, &data_files);
  PageExtras extras;
  if (!options.bundle_file.empty()) {
    extras.bundle = Bundle{options.bundle_file, human_bytes(options.bundle_bytes)};
  }
  for (const auto& [path, bytes] : data_files) extras.data_sizes[path] = bytes.size();
  PageViews views(site, theme.words, options.style, std::move(extras));
  // The jobs' context functions point into the planner: it outlives them.
  PagePlanner planner(site, views, theme);
  std::vector<PageJob> jobs = planner.plan();

  std::vector<std::string> out(jobs.size());
  std::vector<Diagnostics> found(jobs.size());
  const json& words = theme.words.json();
  const json globals = {{"i18n", words}};
  parallel_for(
      jobs.size(),
      [&](size_t i) {
        theme.templates->render(jobs[i].template_name, jobs[i].context(), &out[i], &found[i],
                                &globals);
        ++g_pages_rendered;
      },
      options.threads);
  std::vector<std::string> page_dirs;
  for (size_t i = 0; i < jobs.size(); ++i) {
    diags->merge(found[i]);
    (*files)[jobs[i].file] = std::move(out[i]);
    if (jobs[i].in_sitemap) page_dirs.push_back(jobs[i].dir);
  }
  for (const auto& [path, bytes] : theme.assets) (*files)[path] = bytes;
  files->merge(data_files);
  (*files)["feed.xml"] = atom_feed(site);
  (*files)["sitemap.xml"] = sitemap(site, page_dirs);
  (*files)["robots.txt"] = robots_txt(site);
  return diags->error_count() == before;
}

}  // namespace agora
