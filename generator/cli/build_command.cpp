// agora build: load, validate, render, index, write. Nothing reaches the
// output folder unless every stage succeeded.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
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
// one). Their search indexes are built up front only for an offline bundle,
// which writes the search files twice.
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

Languages languages_of(const Site& site) {
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
  return out;
}

// One language's search index (and its corpus, when the build was asked to
// write it).
SiteIndex index_of(const Site& view, const CommandArgs& args, FileSystem& fs, Diagnostics* diags) {
  SearchCorpus corpus = site_search_corpus(view, diags);
  if (!args.search_corpus.empty()) {
    std::ostringstream text;
    write_search_corpus(corpus, text);
    std::string err, file = corpus_file(args.search_corpus, view);
    if (!fs.write_file(file, text.str(), &err)) diags->error(file, 0, 0, "unwritable", err);
  }
  return build_site_index(view, corpus);
}

// The progress line's account of an index.
std::string index_summary(const SiteIndex& index) {
  std::string out = "search index: " + count_of(index.stats.documents, "documents, ") +
                    count_of(index.stats.terms, "terms, ") + human_bytes(index.json_bytes);
  if (index.shards) out += " in " + count_of(index.shards->shards.size(), "shards");
  return out;
}

// Every language's search files in one URL style, to `sink`. The indexes of
// `languages` are used when they were built; otherwise each is built here
// and let go once its files are handed over, so that one index at a time is
// in memory. *summary: the first language's index, for the progress line.
bool add_search(FileSystem& fs, const CommandArgs& args, const Languages& languages, UrlStyle style,
                const SiteFiles& assets, FileSink* sink, std::string* summary, Diagnostics* diags) {
  for (size_t i = 0; i < languages.sites.size(); ++i) {
    const Site& view = *languages.sites[i];
    // The index moves into its files (the bundle's indexes are copied).
    SiteIndex index =
        languages.indexes.empty() ? index_of(view, args, fs, diags) : languages.indexes[i];
    if (i == 0 && summary) *summary = index_summary(index);
    SiteFiles search;
    if (!add_search_files(fs, view, std::move(index), style, assets, &search, diags) ||
        !sink->add(std::move(search))) {
      return false;
    }
  }
  return true;
}

// Pages, assets and attachments in one URL style, to `sink`.
bool render_pages(const FileSystem& fs, const Site& site, const Languages& languages,
                  const Theme& theme, const RenderOptions& options, FileSink* sink,
                  Diagnostics* diags) {
  SiteFiles attached;
  if (!add_attachments(fs, site, &attached, diags) || !sink->add(std::move(attached))) {
    return false;
  }
  // Each language's search page loads the scripts of its pipeline.
  RenderOptions with_scripts = options;
  for (const Site* view : languages.sites) {
    with_scripts.search_scripts[view->language] = search_script_paths(*view);
  }
  return render_site(languages.sites, theme, with_scripts, sink, diags);
}

// The offline site zipped in memory: libzip writes a file, so go through a
// temporary one next to the output.
bool make_bundle(FileSystem& fs, const CommandArgs& args, const Site& site,
                 const Languages& languages, const Theme& theme, std::string* zip,
                 Diagnostics* diags) {
  RenderOptions offline;
  offline.style.offline = true;
  SiteFiles files;
  CollectingSink sink(&files);
  if (!add_search(fs, args, languages, offline.style, theme.assets, &sink, nullptr, diags) ||
      !render_pages(fs, site, languages, theme, offline, &sink, diags)) {
    return false;
  }
  std::string temp = args.out + ".bundle.tmp";
  std::string err;
  bool ok = write_zip(files, temp, &err) && RealFileSystem().read_file(temp, zip, &err);
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  if (!ok) diags->error(args.out, 0, 0, "bundle-failed", err);
  return ok;
}

// Hands every batch to the site writer, measuring it on the way when the
// build reports page weights (--report).
class BuildSink final : public FileSink {
 public:
  BuildSink(SiteWriter* writer, WeightMeter* meter) : writer_(writer), meter_(meter) {}
  bool add(SiteFiles batch) override {
    files_ += batch.size();
    for (const auto& [path, _] : batch) pages_ += path.ends_with(".html");
    if (meter_) meter_->add(batch);
    if (writer_->add(std::move(batch))) return true;
    error_ = writer_->error();
    return false;
  }
  size_t files() const { return files_; }
  size_t pages() const { return pages_; }

 private:
  SiteWriter* writer_;
  WeightMeter* meter_;
  size_t files_ = 0, pages_ = 0;
};

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
  std::optional<Theme> theme;
  if (site) theme = load_theme(fs, site->config, &diags);
  if (site) progress.done(count_of(site->documents.size(), "documents loaded"));

  // The cache's own guard: a link in it is refused like any other, but costs
  // only the cache (see precompress.h), never the build.
  ConfinedFileSystem cache_fs(env.fs);
  guard_site(&cache_fs, args.config, args.out);
  WriteOptions write;
  write.cache_fs = &cache_fs;
  if (site) {
    // Compressed copies are cached beside site.yaml, keyed by content hash.
    write.cache_dir = join_path(site->config.root, ".agora-cache");
    write.encodings = site->config.compress;
    write.precompress = !write.encodings.empty();
    // Only a process that builds again (agora serve) keeps the copies.
    write.memo = state ? &state->compressed : nullptr;
    // What this build leaves in the output, for the next one to trust
    // without reading (see output_record.h); one per site.
    write.record = join_path(write.cache_dir, "output-record");
  }
  // Files go to the output's staging folder as they are rendered; only a
  // build without errors is swapped in (see SiteWriter).
  SiteWriter writer(fs, args.out, write);
  std::optional<WeightMeter> meter;
  if (site && args.report) {
    std::vector<std::string> types;
    for (const auto& type : site->config.types) types.push_back(type.name);
    meter.emplace(types);
  }
  BuildSink sink(&writer, meter ? &*meter : nullptr);
  bool written = false;
  if (site && theme && !diags.has_errors()) {
    progress.begin("building the search index");
    Languages languages = languages_of(*site);
    RenderOptions render;
    render.style.offline = args.offline;
    std::string zip;
    if (args.bundle) {
      // The bundle and the site each write the search files.
      for (const Site* view : languages.sites) {
        languages.indexes.push_back(index_of(*view, args, fs, &diags));
      }
      if (make_bundle(fs, args, *site, languages, *theme, &zip, &diags)) {
        render.bundle_file = kBundleFile;
        render.bundle_bytes = zip.size();
      }
    }
    std::string indexed;
    if (!diags.has_errors() && writer.open() &&
        add_search(fs, args, languages, render.style, theme->assets, &sink, &indexed, &diags)) {
      progress.done(indexed);
      progress.begin("rendering and writing pages");
      written = render_pages(fs, *site, languages, *theme, render, &sink, &diags) &&
                (!args.bundle || sink.add({{kBundleFile, std::move(zip)}}));
      progress.done(count_of(sink.files(), "files rendered"));
    }
  }
  diags.merge(fs.diagnostics());
  diags.sort();
  report_problems(diags, args, env, fs);
  if (!site || !theme || diags.has_errors()) {
    *env.err << "agora build: failed; " << args.out << "/ was left as it was\n";
    if (!diags.has_errors()) diags.error(args.config, 0, 0, "build-failed", "nothing was built");
    return diags;
  }

  WriteReport report;
  progress.begin("swapping the site in");
  written = written && writer.commit(&report);
  progress.set_results_shown(false);
  progress.done("");
  if (!written) {
    *env.err << "agora build: " << writer.error() << "; " << args.out << "/ was left as it was\n";
    diags.error(args.out, 0, 0, "write-failed", writer.error());
    return diags;
  }
  if (report.precompress.cache_refused) {
    *env.err << "agora build: warning: " << write.cache_dir
             << " is a symbolic link; the compression cache was not used\n";
  }
  if (meter) *env.out << format_weight_report(meter->weights());
  double seconds = std::chrono::duration<double>(env.clock->now() - start).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f s", seconds);
  *env.out << "agora build: " << sink.pages() << " pages, " << report.files << " files ("
           << report.written << " written, " << report.unchanged << " unchanged, " << report.deleted
           << " removed) in " << args.out << "/ in " << timing << "\n";
  if (!args.compare_to.empty()) report_changes(args, site->config.base_url, env, &diags);
  return diags;
}

int run_build(const CommandArgs& args, const CliEnv& env) {
  return build_site(args, env, nullptr).has_errors() ? 1 : 0;
}

}  // namespace agora
