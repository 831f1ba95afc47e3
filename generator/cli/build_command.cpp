// agora build: load, validate, render, index, write. Nothing reaches the
// output folder unless every stage succeeded.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "cli/change_report.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/progress.h"
#include "cli/site_guard.h"
#include "model/languages.h"
#include "model/site_loader.h"
#include "output/attachments.h"
#include "output/site_writer.h"
#include "output/weight_report.h"
#include "output/zip_bundle.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "search/site_search.h"
#include "util/human_bytes.h"
#include "util/parallel.h"

namespace agora {

namespace {

constexpr const char* kBundleFile = "agora-offline.zip";
// Below this many documents a build is quick enough to stay silent until its
// summary line (a terminal still sees the stage under way).
constexpr size_t kProgressDocuments = 1000;

std::string count_of(size_t n, const char* what) { return std::to_string(n) + " " + what; }

void report_problems(const Diagnostics& diags, const CommandArgs& args, const CliEnv& env,
                     const FileSystem& fs) {
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
  print_diagnostics(shown, fs, print, *env.err);
}

// What a build renders: one view per language (the site itself when it has
// one), each with its search index.
struct Languages {
  std::vector<Site> views;  // multilingual sites only
  std::vector<const Site*> sites;
  std::vector<SiteIndex> indexes;
};

// `FILE` for the default language, FILE with ".LANG" before its extension
// for another ("corpus.fr.json").
std::string corpus_file(const std::string& file, const Site& site) {
  if (site.tree.empty()) return file;
  size_t dot = file.rfind('.');
  size_t slash = file.rfind('/');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) {
    return file + "." + site.language;
  }
  return file.substr(0, dot) + "." + site.language + file.substr(dot);
}

Languages languages_of(const Site& site, const CommandArgs& args, FileSystem& fs,
                       Diagnostics* diags) {
  Languages out;
  if (site.config.multilingual()) {
    // Each view copies and re-indexes the whole site: one per core.
    const auto& languages = site.config.languages;
    out.views.resize(languages.size());
    parallel_for(languages.size(),
                 [&](size_t i) { out.views[i] = language_view(site, languages[i].code); });
    for (const auto& view : out.views) out.sites.push_back(&view);
  } else {
    out.sites.push_back(&site);
  }
  for (const Site* view : out.sites) {
    SearchCorpus corpus = site_search_corpus(*view, diags);
    if (!args.search_corpus.empty()) {
      std::ostringstream text;
      write_search_corpus(corpus, text);
      std::string err, file = corpus_file(args.search_corpus, *view);
      if (!fs.write_file(file, text.str(), &err)) diags->error(file, 0, 0, "unwritable", err);
    }
    out.indexes.push_back(build_site_index(*view, corpus));
  }
  return out;
}

// Pages, assets, attachments and search files in one URL style.
bool render_with_search(const FileSystem& fs, const Site& site, const Languages& languages,
                        const Theme& theme, const RenderOptions& options, SiteFiles* files,
                        Diagnostics* diags) {
  // Each language's search page loads the scripts of its pipeline.
  RenderOptions with_scripts = options;
  for (const Site* view : languages.sites) {
    with_scripts.search_scripts[view->language] = search_script_paths(*view);
  }
  if (!render_site(languages.sites, theme, with_scripts, files, diags) ||
      !add_attachments(fs, site, files, diags)) {
    return false;
  }
  for (size_t i = 0; i < languages.sites.size(); ++i) {
    if (!add_search_files(fs, *languages.sites[i], languages.indexes[i], options.style, files,
                          diags)) {
      return false;
    }
  }
  return true;
}

// The offline site zipped in memory: libzip writes a file, so go through a
// temporary one next to the output.
bool make_bundle(const FileSystem& fs, const Site& site, const Languages& languages,
                 const Theme& theme, const std::string& out, std::string* zip, Diagnostics* diags) {
  RenderOptions offline;
  offline.style.offline = true;
  SiteFiles files;
  if (!render_with_search(fs, site, languages, theme, offline, &files, diags)) return false;
  std::string temp = out + ".bundle.tmp";
  std::string err;
  bool ok = write_zip(files, temp, &err) && RealFileSystem().read_file(temp, zip, &err);
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  if (!ok) diags->error(out, 0, 0, "bundle-failed", err);
  return ok;
}

}  // namespace

Diagnostics build_site(const CommandArgs& args, const CliEnv& env, BuildState* state) {
  auto start = env.clock->now();
  ConfinedFileSystem fs(env.fs);
  guard_site(&fs, args.config, args.out);
  Diagnostics diags;
  LoadOptions load;
  load.include_drafts = args.drafts;
  load.history = env.history;
  Progress progress(env.out, env.terminal_out, !args.quiet, env.clock, "agora build");
  progress.begin("loading documents");
  auto site = load_site(fs, args.config, load, &diags);
  if (site && !args.base_url.empty()) {
    site->config.base_url = args.base_url.back() == '/' ? args.base_url : args.base_url + "/";
  }
  progress.set_results_shown(site && site->documents.size() >= kProgressDocuments);
  SiteFiles files;
  std::optional<Theme> theme;
  if (site) theme = load_theme(fs, site->config, &diags);
  if (site) progress.done(count_of(site->documents.size(), "documents loaded"));
  if (site && theme && !diags.has_errors()) {
    progress.begin("building the search index");
    Languages languages = languages_of(*site, args, fs, &diags);
    const SiteIndex& index = languages.indexes.front();
    std::string indexed = "search index: " + count_of(index.stats.documents, "documents, ") +
                          count_of(index.stats.terms, "terms, ") + human_bytes(index.json_bytes);
    if (index.shards) indexed += " in " + count_of(index.shards->shards.size(), "shards");
    progress.done(indexed);
    progress.begin("rendering pages");
    RenderOptions render;
    render.style.offline = args.offline;
    std::string zip;
    if (args.bundle && make_bundle(fs, *site, languages, *theme, args.out, &zip, &diags)) {
      render.bundle_file = kBundleFile;
      render.bundle_bytes = zip.size();
    }
    if (!diags.has_errors() &&
        render_with_search(fs, *site, languages, *theme, render, &files, &diags) && args.bundle) {
      files[kBundleFile] = std::move(zip);
    }
    progress.done(count_of(files.size(), "files rendered"));
  }
  diags.merge(fs.diagnostics());
  diags.sort();
  report_problems(diags, args, env, fs);
  if (!site || !theme || diags.has_errors()) {
    *env.err << "agora build: failed; " << args.out << "/ was left as it was\n";
    if (!diags.has_errors()) diags.error(args.config, 0, 0, "build-failed", "nothing was built");
    return diags;
  }

  WriteOptions write;
  // Compressed copies are cached beside site.yaml, keyed by content hash.
  write.cache_dir = join_path(site->config.root, ".agora-cache");
  write.encodings = site->config.compress;
  write.precompress = !write.encodings.empty();
  write.memo = &state->compressed;
  WriteReport report;
  std::string err;
  progress.begin("writing files");
  bool written = write_site(fs, args.out, files, write, &report, &err);
  progress.set_results_shown(false);
  progress.done("");
  if (!written) {
    *env.err << "agora build: " << err << "; " << args.out << "/ was left as it was\n";
    diags.error(args.out, 0, 0, "write-failed", err);
    return diags;
  }
  if (report.precompress.cache_refused) {
    *env.err << "agora build: warning: " << write.cache_dir
             << " is a symbolic link; the compression cache was not used\n";
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
  if (!args.compare_to.empty()) report_changes(args, site->config.base_url, env, &diags);
  return diags;
}

int run_build(const CommandArgs& args, const CliEnv& env) {
  BuildState state;
  return build_site(args, env, &state).has_errors() ? 1 : 0;
}

}  // namespace agora
