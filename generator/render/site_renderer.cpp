#include "render/site_renderer.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "model/relations.h"
#include "render/body_render.h"
#include "render/facets.h"
#include "render/feeds.h"
#include "render/link_resolver.h"
#include "render/mustache.h"
#include "render/open_data.h"
#include "render/page_context.h"
#include "util/human_bytes.h"
#include "util/install_paths.h"
#include "util/parallel.h"
#include "util/text.h"

using nlohmann::json;

namespace agora {

namespace {

struct PageJob {
  std::string dir;   // site-relative directory of the page
  std::string file;  // output file; page_file(dir) unless set
  std::string template_name;
  std::function<json()> context;
};

std::map<std::string, long long> attachment_sizes(const FileSystem& fs, const Site& site) {
  std::map<std::string, long long> sizes;
  for (const auto& attachment : site.attachments) {
    sizes[attachment.path] = fs.file_size(join_path(site.config.root, attachment.source_path));
  }
  return sizes;
}

std::vector<RenderedBody> render_bodies(const FileSystem& fs, const Site& site, UrlStyle style,
                                        unsigned threads, Diagnostics* diags) {
  auto sizes = attachment_sizes(fs, site);
  LinkResolver links(site, sizes, style);
  std::vector<RenderedBody> bodies(site.documents.size());
  std::vector<Diagnostics> found(site.documents.size());
  parallel_for(
      site.documents.size(),
      [&](size_t i) {
        bodies[i] = render_body(site.documents[i], site.config.trusted_html, links, &found[i]);
      },
      threads);
  for (const auto& d : found) diags->merge(d);
  return bodies;
}

class PagePlanner {
 public:
  PagePlanner(const Site& site, const PageContext& ctx, const std::vector<RenderedBody>& bodies,
              TemplateSet& templates, const SiteFiles& data_files)
      : site_(site), ctx_(ctx), bodies_(bodies), templates_(templates), data_files_(data_files) {}

  std::vector<PageJob> plan() {
    // Jobs keep references into these two: fill them before adding any.
    const BrowseConfig& browse = site_.config.browse;
    facets_ = plan_facets(site_, browse.facets);
    gap_map_ =
        build_gap_map(site_, GapMapSpec{browse.gap_rows, browse.gap_columns, browse.gap_types});
    add_home();
    for (const auto& type : site_.config.types) add_listing(type);
    for (const auto& facet : facets_) add_facet(facet);
    if (gap_map_) add_gap_map();
    for (size_t i = 0; i < site_.documents.size(); ++i) add_document(i);
    for (const auto& taxonomy : site_.config.taxonomies) add_taxonomy(taxonomy);
    add_downloads();
    jobs_.push_back(
        {"search/", "", "search", [this] { return ctx_.base("search/", "search", "Search"); }});
    jobs_.push_back(
        {"", "404.html", "404", [this] { return ctx_.base("", "404", "Page not found"); }});
    return std::move(jobs_);
  }

  bool has_gap_map() const { return gap_map_.has_value(); }

 private:
  void add_home();
  void add_downloads();
  void add_listing(const ContentType& type);
  void add_facet(const Facet& facet);
  void add_gap_map();
  void add_document(size_t index);
  void add_taxonomy(const Taxonomy& taxonomy);
  void add_paginated(const std::string& first_dir, const std::string& template_name,
                     const std::vector<size_t>& documents,
                     std::function<json(const std::string&)> base);

  const Site& site_;
  const PageContext& ctx_;
  const std::vector<RenderedBody>& bodies_;
  TemplateSet& templates_;
  const SiteFiles& data_files_;
  std::vector<PageJob> jobs_;
  std::vector<Facet> facets_;
  std::optional<GapMap> gap_map_;
};

// The open data page: each type's JSON and CSV with their sizes.
void PagePlanner::add_downloads() {
  jobs_.push_back({"downloads/", "", "downloads", [this] {
                     json ctx = ctx_.base("downloads/", "downloads", "Open data");
                     ctx["page"]["breadcrumbs"] =
                         json::array({{{"title", "Home"}, {"url", ctx_.url("downloads/", "")}}});
                     json types = json::array();
                     for (const auto& type : site_.config.types) {
                       json formats = json::array();
                       for (const char* ext : {"json", "csv"}) {
                         std::string path = "data/" + type.name + "." + ext;
                         formats.push_back({{"format", ext == std::string("json") ? "JSON" : "CSV"},
                                            {"url", ctx_.url("downloads/", path)},
                                            {"size", human_bytes(data_files_.at(path).size())}});
                       }
                       types.push_back({{"title", type.title},
                                        {"count", site_.by_type.at(type.name).size()},
                                        {"formats", formats}});
                     }
                     ctx["downloads"] = {{"types", types}};
                     return ctx;
                   }});
}

void PagePlanner::add_home() {
  jobs_.push_back(
      {"", "", "home", [this] {
         json ctx = ctx_.base("", "home", site_.config.title);
         std::vector<size_t> newest = newest_documents(site_, 6);
         json types = json::array();
         for (const auto& type : site_.config.types) {
           types.push_back({{"title", type.title},
                            {"singular", type.singular},
                            {"url", ctx_.url("", type.name + "/")},
                            {"count", site_.by_type.at(type.name).size()}});
         }
         // The facet taxonomies (themes, regions) are the main ways in and show
         // every term in use; the others are one link each.
         json ways_in = json::array(), more = json::array();
         for (const auto& taxonomy : site_.config.taxonomies) {
           const auto& used = site_.taxonomies.at(taxonomy.name).documents;
           if (used.empty()) continue;
           const auto& facets = site_.config.browse.facets;
           bool featured = std::find(facets.begin(), facets.end(), taxonomy.name) != facets.end();
           if (!featured || taxonomy.kind == VocabularyKind::kDocuments) {
             std::string url = taxonomy.kind == VocabularyKind::kDocuments
                                   ? taxonomy.document_type + "/"
                                   : taxonomy.path();
             more.push_back(
                 {{"title", taxonomy.title}, {"url", ctx_.url("", url)}, {"count", used.size()}});
             continue;
           }
           std::vector<std::pair<size_t, const Term*>> by_count;
           for (const auto& [id, docs] : used) {
             by_count.emplace_back(docs.size(), site_.vocabularies.at(taxonomy.name).by_id(id));
           }
           std::stable_sort(by_count.begin(), by_count.end(),
                            [](const auto& a, const auto& b) { return a.first > b.first; });
           json terms = json::array();
           for (const auto& [count, term] : by_count) {
             terms.push_back({{"name", term->name},
                              {"url", ctx_.url("", term_path(site_, taxonomy, term->id))},
                              {"count", count}});
           }
           ways_in.push_back({{"title", taxonomy.title},
                              {"title_lower", ascii_lower(taxonomy.title)},
                              {"id", "by-" + taxonomy.path().substr(0, taxonomy.path().size() - 1)},
                              {"url", ctx_.url("", taxonomy.path())},
                              {"terms", terms}});
         }
         ctx["home"] = {{"latest", ctx_.items("", newest)},
                        {"types", types},
                        {"ways_in", ways_in},
                        {"more", more},
                        {"has_gap_map", gap_map_.has_value()},
                        {"document_count", site_.documents.size()}};
         return ctx;
       }});
}

void PagePlanner::add_paginated(const std::string& first_dir, const std::string& template_name,
                                const std::vector<size_t>& documents,
                                std::function<json(const std::string&)> base) {
  size_t size = static_cast<size_t>(site_.config.page_size);
  size_t pages = std::max<size_t>(1, (documents.size() + size - 1) / size);
  for (size_t page = 1; page <= pages; ++page) {
    std::string dir = page_dir(first_dir, page);
    jobs_.push_back(
        {dir, "", template_name, [=, this, &documents] {
           json ctx = base(dir);
           std::vector<size_t> slice(
               documents.begin() + static_cast<long>((page - 1) * size),
               documents.begin() + static_cast<long>(std::min(documents.size(), page * size)));
           ctx["listing"]["items"] = ctx_.items(dir, slice);
           ctx["listing"]["count"] = documents.size();
           ctx["listing"]["count_label"] = std::to_string(documents.size()) +
                                           (documents.size() == 1 ? " document" : " documents");
           ctx["listing"]["pagination"] = ctx_.pagination(first_dir, page, pages);
           return ctx;
         }});
  }
}

void PagePlanner::add_listing(const ContentType& type) {
  add_paginated(
      type.name + "/", "listing", site_.by_type.at(type.name),
      [this, &type](const std::string& dir) {
        json ctx = ctx_.base(dir, "listing", type.title);
        ctx["page"]["breadcrumbs"] = json::array({{{"title", "Home"}, {"url", ctx_.url(dir, "")}}});
        ctx["listing"] = {{"title", type.title},
                          {"type", type.name},
                          {"filters", facet_filters(ctx_, facets_, type.name, dir, nullptr)}};
        return ctx;
      });
}

void PagePlanner::add_facet(const Facet& facet) {
  const ContentType& type = *site_.config.type(facet.type);
  add_paginated(
      facet.path, "listing", facet.documents, [this, &type, &facet](const std::string& dir) {
        std::string title = type.title + ": " + facet.term->name;
        json ctx = ctx_.base(dir, "facet", title);
        ctx["page"]["breadcrumbs"] =
            json::array({{{"title", "Home"}, {"url", ctx_.url(dir, "")}},
                         {{"title", type.title}, {"url", ctx_.url(dir, type.name + "/")}}});
        ctx["listing"] = {
            {"title", title},
            {"type", type.name},
            {"description", facet.term->description},
            {"term_name", facet.term->name},
            {"term_url", ctx_.url(dir, term_path(site_, *facet.taxonomy, facet.term->id))},
            {"filters", facet_filters(ctx_, facets_, type.name, dir, &facet)}};
        ctx["listing"]["filters"]["all_title"] = "All " + ascii_lower(type.title);
        return ctx;
      });
}

void PagePlanner::add_gap_map() {
  const GapMap& map = *gap_map_;
  jobs_.push_back({kGapMapPath, "", "gap-map", [this] {
                     json ctx = ctx_.base(kGapMapPath, "gap-map", "Gap map");
                     ctx["page"]["breadcrumbs"] =
                         json::array({{{"title", "Home"}, {"url", ctx_.url(kGapMapPath, "")}}});
                     ctx["gap_map"] = gap_map_context(ctx_, site_, *gap_map_, kGapMapPath);
                     return ctx;
                   }});
  for (size_t r = 0; r < map.rows.size(); ++r) {
    for (size_t c = 0; c < map.columns.size(); ++c) {
      const GapCell& cell = map.cells[r][c];
      if (cell.documents.empty()) continue;
      const Term* row = map.rows[r];
      const Term* column = map.columns[c];
      add_paginated(
          cell.path, "listing", cell.documents, [this, row, column](const std::string& dir) {
            std::string title = row->name + " in " + column->name;
            json ctx = ctx_.base(dir, "gap-cell", title);
            ctx["page"]["breadcrumbs"] =
                json::array({{{"title", "Home"}, {"url", ctx_.url(dir, "")}},
                             {{"title", "Gap map"}, {"url", ctx_.url(dir, kGapMapPath)}}});
            ctx["listing"] = {{"title", title},
                              {"kicker", "Gap map"},
                              {"kicker_url", ctx_.url(dir, kGapMapPath)}};
            return ctx;
          });
    }
  }
}

void PagePlanner::add_document(size_t index) {
  const Document& doc = site_.documents[index];
  std::string specific = "document-" + doc.type;
  std::string name = templates_.has(specific) ? specific : "document";
  jobs_.push_back(
      {doc.path, "", name, [this, index] { return ctx_.document(index, bodies_[index]); }});
}

void PagePlanner::add_taxonomy(const Taxonomy& taxonomy) {
  // A documents vocabulary's terms are documents with pages of their own.
  if (taxonomy.kind == VocabularyKind::kDocuments) return;
  const TaxonomyIndex& index = site_.taxonomies.at(taxonomy.name);
  if (index.documents.empty()) return;
  std::string dir = taxonomy.path();
  jobs_.push_back({dir, "", "taxonomy", [this, &taxonomy, &index, dir] {
                     json ctx = ctx_.base(dir, "taxonomy", taxonomy.title);
                     ctx["page"]["breadcrumbs"] =
                         json::array({{{"title", "Home"}, {"url", ctx_.url(dir, "")}}});
                     std::vector<const Term*> terms;
                     for (const auto& [id, _] : index.documents)
                       terms.push_back(index.vocabulary->by_id(id));
                     std::stable_sort(terms.begin(), terms.end(), [](const Term* a, const Term* b) {
                       return a->name < b->name;
                     });
                     json list = json::array();
                     for (const Term* term : terms) {
                       list.push_back({{"name", term->name},
                                       {"description", term->description},
                                       {"url", ctx_.url(dir, term_path(site_, taxonomy, term->id))},
                                       {"count", index.documents.at(term->id).size()}});
                     }
                     ctx["taxonomy"] = {{"title", taxonomy.title},
                                        {"singular", taxonomy.singular},
                                        {"terms", list}};
                     return ctx;
                   }});
  for (const auto& [id, documents] : index.documents) {
    const Term* term = index.vocabulary->by_id(id);
    add_paginated(term_path(site_, taxonomy, id), "term", documents,
                  [this, &taxonomy, term, dir](const std::string& page) {
                    json ctx = ctx_.base(page, "term", term->name);
                    ctx["page"]["breadcrumbs"] =
                        json::array({{{"title", "Home"}, {"url", ctx_.url(page, "")}},
                                     {{"title", taxonomy.title}, {"url", ctx_.url(page, dir)}}});
                    ctx["listing"] = {{"title", term->name}, {"description", term->description}};
                    ctx["term"] = {{"name", term->name},
                                   {"id", term->id},
                                   {"description", term->description},
                                   {"taxonomy", taxonomy.title},
                                   {"singular", taxonomy.singular},
                                   {"taxonomy_url", ctx_.url(page, dir)}};
                    // The same term narrowed to one type: the facet pages.
                    json by_type = json::array();
                    for (const auto& facet : facets_) {
                      if (facet.taxonomy != &taxonomy || facet.term != term) continue;
                      by_type.push_back({{"title", site_.config.type(facet.type)->title},
                                         {"url", ctx_.url(page, facet.path)},
                                         {"count", facet.documents.size()}});
                    }
                    ctx["term"]["has_types"] = by_type.size() > 1;
                    ctx["term"]["types"] = by_type;
                    return ctx;
                  });
  }
}

// A site's own themes/NAME wins; otherwise the themes bundled with Agora, so a
// new site (or a test fixture) needs no copy of the default theme.
std::string theme_dir(const FileSystem& fs, const SiteConfig& config) {
  std::string own = join_path(config.root, "themes/" + config.theme);
  if (fs.is_directory(own)) return own;
  return join_path(bundled_themes_dir(), config.theme);
}

bool copy_tree(const FileSystem& fs, const std::string& dir, SiteFiles* files, Diagnostics* diags) {
  for (const auto& relative : fs.list_files(dir)) {
    std::string err;
    if (!fs.read_file(join_path(dir, relative), &(*files)[relative], &err)) {
      diags->error(join_path(dir, relative), 0, 0, "unreadable", err);
      return false;
    }
  }
  return true;
}

}  // namespace

bool check_templates(const FileSystem& fs, const SiteConfig& config, Diagnostics* diags) {
  size_t before = diags->error_count();
  const std::string ext = ".mustache";
  for (const std::string& dir :
       {join_path(config.root, "templates"), join_path(theme_dir(fs, config), "templates")}) {
    for (const auto& relative : fs.list_files(dir)) {
      if (relative.size() <= ext.size() || !relative.ends_with(ext)) {
        continue;
      }
      std::string path = join_path(dir, relative), text, err;
      if (!fs.read_file(path, &text, &err)) {
        diags->error(path, 0, 0, "unreadable", err);
        continue;
      }
      // Name the file as content diagnostics do, relative to the site root.
      std::string shown = path;
      std::string prefix = config.root + "/";
      if (config.root != "." && shown.starts_with(prefix)) shown = shown.substr(prefix.size());
      if (config.root == "." && shown.starts_with("./")) shown = shown.substr(2);
      for (const auto& d : parse_mustache(text, shown).errors) diags->add(d);
    }
  }
  return diags->error_count() == before;
}

bool check_links(const FileSystem& fs, const Site& site, Diagnostics* diags) {
  size_t before = diags->error_count();
  render_bodies(fs, site, UrlStyle{}, 0, diags);
  return diags->error_count() == before;
}

bool render_site(const FileSystem& fs, const Site& site, const RenderOptions& options,
                 SiteFiles* files, Diagnostics* diags) {
  size_t before = diags->error_count();
  const std::string& root = site.config.root;
  std::vector<RenderedBody> bodies = render_bodies(fs, site, options.style, options.threads, diags);

  const std::string theme = theme_dir(fs, site.config);
  TemplateSet templates(
      directory_template_loader(fs, {join_path(root, "templates"), join_path(theme, "templates")}));
  PageContext ctx(site, options.style);
  if (!options.bundle_file.empty()) {
    ctx.set_bundle(options.bundle_file, human_bytes(options.bundle_bytes));
  }
  // The jobs' context functions point into the planner: it must outlive them.
  SiteFiles data_files;
  add_open_data(site, &data_files);
  PagePlanner planner(site, ctx, bodies, templates, data_files);
  std::vector<PageJob> jobs = planner.plan();

  std::vector<std::string> out(jobs.size());
  std::vector<Diagnostics> found(jobs.size());
  parallel_for(
      jobs.size(),
      [&](size_t i) {
        json context = jobs[i].context();
        context["page"]["has_breadcrumbs"] = !context["page"]["breadcrumbs"].empty();
        if (planner.has_gap_map())
          context["site"]["gap_map_url"] = ctx.url(jobs[i].dir, kGapMapPath);
        templates.render(jobs[i].template_name, context, &out[i], &found[i]);
      },
      options.threads);
  std::vector<std::string> page_dirs;
  for (size_t i = 0; i < jobs.size(); ++i) {
    diags->merge(found[i]);
    const PageJob& job = jobs[i];
    (*files)[job.file.empty() ? page_file(job.dir) : job.file] = std::move(out[i]);
    if (job.file.empty() && job.template_name != "search") page_dirs.push_back(job.dir);
  }

  copy_tree(fs, join_path(theme, "assets"), files, diags);
  copy_tree(fs, join_path(root, "assets"), files, diags);
  for (const auto& attachment : site.attachments) {
    std::string err;
    if (!fs.read_file(join_path(root, attachment.source_path), &(*files)[attachment.path], &err)) {
      diags->error(attachment.source_path, 0, 0, "unreadable", err);
    }
  }
  files->merge(data_files);
  (*files)["feed.xml"] = atom_feed(site);
  (*files)["sitemap.xml"] = sitemap(site, page_dirs);
  (*files)["robots.txt"] = robots_txt(site);
  return diags->error_count() == before;
}

}  // namespace agora
