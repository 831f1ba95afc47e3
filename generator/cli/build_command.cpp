// agora build: load, validate, render, index, write. Nothing reaches the
// output folder unless every stage succeeded.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "model/site_loader.h"
#include "output/attachments.h"
#include "output/site_writer.h"
#include "output/weight_report.h"
#include "output/zip_bundle.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "search/site_search.h"
#include "util/human_bytes.h"

namespace agora {

namespace {

constexpr const char* kBundleFile = "agora-offline.zip";
// Below this many documents a build is quick enough to stay silent until its
// summary line.
constexpr size_t kProgressDocuments = 1000;

void report_problems(const Diagnostics& diags, const CommandArgs& args, const CliEnv& env) {
  PrintOptions print;
  print.color = env.color_err;
  size_t slash = args.config.rfind('/');
  print.root = slash == std::string::npos ? "." : args.config.substr(0, slash);
  Diagnostics shown;
  for (const auto& d : diags.items()) {
    // Drafts are the one expected warning of a build; `check` lists them.
    if (d.code == "draft") continue;
    if (d.severity == Severity::kError || !args.quiet) shown.add(d);
  }
  print_diagnostics(shown, *env.fs, print, *env.err);
}

// Pages, assets, attachments and search files in one URL style.
bool render_with_search(const FileSystem& fs, const Site& site, const Theme& theme,
                        const RenderOptions& options, const SiteIndex& index, SiteFiles* files,
                        Diagnostics* diags) {
  return render_site(site, theme, options, files, diags) &&
         add_attachments(fs, site, files, diags) &&
         add_search_files(fs, site, index, options.style, files, diags);
}

// The offline site zipped in memory: libzip writes a file, so go through a
// temporary one next to the output.
bool make_bundle(const FileSystem& fs, const Site& site, const Theme& theme, const SiteIndex& index,
                 const std::string& out, std::string* zip, Diagnostics* diags) {
  RenderOptions offline;
  offline.style.offline = true;
  SiteFiles files;
  if (!render_with_search(fs, site, theme, offline, index, &files, diags)) return false;
  std::string temp = out + ".bundle.tmp";
  std::string err;
  bool ok = write_zip(files, temp, &err) && RealFileSystem().read_file(temp, zip, &err);
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  if (!ok) diags->error(out, 0, 0, "bundle-failed", err);
  return ok;
}

}  // namespace

int run_build(const CommandArgs& args, const CliEnv& env) {
  auto start = env.clock->now();
  Diagnostics diags;
  LoadOptions load;
  load.include_drafts = args.drafts;
  load.history = env.history;
  auto site = load_site(*env.fs, args.config, load, &diags);
  if (site && !args.base_url.empty()) {
    site->config.base_url = args.base_url.back() == '/' ? args.base_url : args.base_url + "/";
  }
  SiteFiles files;
  std::optional<Theme> theme;
  if (site) theme = load_theme(*env.fs, site->config, &diags);
  if (site && theme && !diags.has_errors()) {
    bool verbose = !args.quiet && site->documents.size() >= kProgressDocuments;
    if (verbose) *env.out << "agora build: " << site->documents.size() << " documents loaded\n";
    SearchCorpus corpus = site_search_corpus(*site);
    if (!args.search_corpus.empty()) {
      std::ostringstream text;
      write_search_corpus(corpus, text);
      std::string err;
      if (!env.fs->write_file(args.search_corpus, text.str(), &err)) {
        diags.error(args.search_corpus, 0, 0, "unwritable", err);
      }
    }
    SiteIndex index = build_site_index(*site, corpus);
    RenderOptions render;
    render.style.offline = args.offline;
    std::string zip;
    if (args.bundle && make_bundle(*env.fs, *site, *theme, index, args.out, &zip, &diags)) {
      render.bundle_file = kBundleFile;
      render.bundle_bytes = zip.size();
    }
    if (!diags.has_errors() &&
        render_with_search(*env.fs, *site, *theme, render, index, &files, &diags) && args.bundle) {
      files[kBundleFile] = std::move(zip);
    }
    if (verbose) {
      *env.out << "agora build: search index: " << index.stats.documents << " documents, "
               << index.stats.terms << " terms, " << human_bytes(index.json_bytes);
      if (index.shards) *env.out << " in " << index.shards->shards.size() << " shards";
      *env.out << "\n";
    }
  }
  diags.sort();
  report_problems(diags, args, env);
  if (!site || !theme || diags.has_errors()) {
    *env.err << "agora build: failed; " << args.out << "/ was left as it was\n";
    return 1;
  }

  WriteOptions write;
  // Compressed copies are cached beside site.yaml, keyed by content hash.
  write.cache_dir = join_path(site->config.root, ".agora-cache");
  WriteReport report;
  std::string err;
  if (!write_site(*env.fs, args.out, files, write, &report, &err)) {
    *env.err << "agora build: " << err << "; " << args.out << "/ was left as it was\n";
    return 1;
  }
  if (args.report) {
    std::vector<std::string> types;
    for (const auto& type : site->config.types) types.push_back(type.name);
    *env.out << weight_report(files, types);
  }
  size_t pages = 0;
  for (const auto& [path, _] : files) {
    if (path.ends_with(".html")) ++pages;
  }
  double seconds = std::chrono::duration<double>(env.clock->now() - start).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f s", seconds);
  *env.out << "agora build: " << pages << " pages, " << report.files << " files (" << report.written
           << " written, " << report.unchanged << " unchanged, " << report.deleted
           << " removed) in " << args.out << "/ in " << timing << "\n";
  return 0;
}

}  // namespace agora
