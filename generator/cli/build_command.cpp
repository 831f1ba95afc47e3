// agora build: load, validate, render, index, write. Nothing reaches the
// output folder unless every stage succeeded.

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <utility>

#include "cli/change_report.h"
#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/progress.h"
#include "cli/site_guard.h"
#include "model/languages.h"
#include "model/site_loader.h"
#include "output/analysis_store.h"
#include "output/attachments.h"
#include "output/body_store.h"
#include "output/front_matter_store.h"
#include "output/output_record.h"
#include "output/precompress.h"
#include "output/site_inputs.h"
#include "output/site_writer.h"
#include "output/weight_report.h"
#include "output/zip_bundle.h"
#include "render/site_renderer.h"
#include "render/theme.h"
#include "search/site_search.h"
#include "util/allocator.h"
#include "util/build_id.h"
#include "util/human_bytes.h"
#include "util/path.h"

namespace agora {

namespace {

constexpr const char* kBundleFile = "agora-offline.zip";
// Below this many documents a build is quick enough to stay silent until its
// summary line (a terminal still sees the stage under way).
constexpr size_t kProgressDocuments = 1000;

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

// One language's search index (and its corpus, when the build was asked to
// write it).
SiteIndex index_of(const Site& view, const CommandArgs& args, FileSystem& fs,
                   AnalysisCache* analyses, Diagnostics* diags) {
  SearchCorpus corpus = site_search_corpus(view, diags);
  if (!args.search_corpus.empty()) {
    std::ostringstream text;
    write_search_corpus(corpus, text);
    std::string err, file = corpus_file(args.search_corpus, view);
    if (!fs.write_file(file, text.str(), &err)) diags->error(file, 0, 0, "unwritable", err);
  }
  return build_site_index(view, corpus, analyses);
}

// The progress line's account of an index of `shards` shards (0: one
// index.json of json_bytes). A sharded index is not measured whole: its
// size is that of the search files written, `search_bytes`.
std::string index_summary(const IndexStats& stats, size_t json_bytes, size_t shards,
                          size_t search_bytes) {
  std::string out = "search index: " + counted(stats.documents, "document") + ", " +
                    counted(stats.terms, "term") + ", ";
  if (shards == 0) return out + human_bytes(json_bytes);
  return out + counted(shards, "shard") + " (" + human_bytes(search_bytes) + " of search files)";
}

// Passes every batch on to another sink, counting its files and pages, and
// measuring them on the way when the build reports page weights (--report).
class CountingSink final : public FileSink {
 public:
  CountingSink(FileSink* next, WeightMeter* meter) : next_(next), meter_(meter) {}
  bool add(SiteFiles batch) override {
    files_ += batch.size();
    for (const auto& [path, bytes] : batch) {
      pages_ += path.ends_with(".html");
      bytes_ += bytes.size();
    }
    if (meter_) meter_->add(batch);
    if (next_->add(std::move(batch))) return true;
    error_ = next_->error();
    return false;
  }
  // A page weight report measures every page: then none is kept.
  std::vector<char> keep(const std::vector<std::string>& paths) override {
    if (meter_) return FileSink::keep(paths);
    std::vector<char> kept = next_->keep(paths);
    for (size_t i = 0; i < paths.size(); ++i) {
      if (!kept[i]) continue;
      ++files_;
      ++kept_;
      pages_ += paths[i].ends_with(".html");
    }
    return kept;
  }
  // Files other than pages (search shards): counted apart.
  std::vector<int64_t> keep_as(const std::vector<std::string>& paths,
                               const std::vector<std::string>& sha256s) override {
    if (meter_) return FileSink::keep_as(paths, sha256s);
    std::vector<int64_t> kept = next_->keep_as(paths, sha256s);
    for (int64_t size : kept) {
      if (size < 0) continue;
      ++files_;
      ++kept_others_;
    }
    return kept;
  }
  size_t kept() const { return kept_; }
  size_t kept_others() const { return kept_others_; }
  size_t files() const { return files_; }
  size_t pages() const { return pages_; }
  size_t bytes() const { return bytes_; }

 private:
  FileSink* next_;
  WeightMeter* meter_;
  size_t files_ = 0, pages_ = 0, bytes_ = 0, kept_ = 0, kept_others_ = 0;
};

// A build's search indexes: each language's is built when its turn comes
// and let go once its files are handed over, unless `keep` (the offline
// bundle's pass keeps them for the site's, which writes the search files
// again); `kept` are used instead of building when there are.
struct SearchIndexes {
  bool keep = false;
  // The last build's search shard records, when its shards may be kept,
  // and this build's (see ShardKeeping).
  std::optional<ShardRecords> shards_before;
  ShardRecords shards_made;
  std::vector<SiteIndex> kept;
  // The first language's view, when its index was built ahead of the
  // pages (see build_site) and it is not the site itself: rendering takes
  // it rather than making it again.
  std::optional<Site> first_view;
  // Each language's analysis cache (output/analysis_store.h), in a folder
  // of `analysis_dir` named by its code ("" = none), let go once its index
  // is built and saved after the swap.
  FileSystem* cache_fs = nullptr;
  std::string analysis_dir;
  std::string seal_key;
  std::map<std::string, std::unique_ptr<AnalysisStore>> analyses;
  AnalysisStore* analysis(const std::string& code) {
    const bool plain =
        !code.empty() && code.find_first_not_of(
                             "abcdefghijklmnopqrstuvwxyz"
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == std::string::npos;
    if (cache_fs == nullptr || analysis_dir.empty() || !plain) return nullptr;
    auto& store = analyses[code];
    store = std::make_unique<AnalysisStore>(*cache_fs, join_path(analysis_dir, code),
                                            program_build_id(), seal_key);
    return store.get();
  }
  // The index of language `code` over `view`, through its analysis cache.
  SiteIndex build(const Site& view, const std::string& code, const CommandArgs& args,
                  FileSystem& fs, Diagnostics* diags) {
    AnalysisStore* store = analysis(code);
    SiteIndex index = index_of(view, args, fs, store, diags);
    if (store) store->release();
    return index;
  }
  bool save(std::string* err) {
    if (analyses.empty()) return true;
    bool ok = true;
    for (auto& [code, store] : analyses) ok = store->save(err) && ok;
    // A language the site no longer has leaves no folder behind.
    std::set<std::string> gone;
    for (const std::string& file : cache_fs->list_tree(analysis_dir).files) {
      const std::string code = file.substr(0, file.find('/'));
      if (!analyses.count(code)) gone.insert(code);
    }
    for (const std::string& code : gone) {
      ok = cache_fs->remove_all(join_path(analysis_dir, code), err) && ok;
    }
    return ok;
  }
};

// The code of the site's i-th language, in the order pages are made.
const std::string& language_code(const Site& site, size_t i) {
  return site.config.multilingual() ? site.config.languages[i].code : site.language;
}

// The view of language `code`, or none when it is the site itself.
std::optional<Site> own_view(const Site& site, const std::string& code) {
  if (is_language_view(site, code)) return std::nullopt;
  return language_view(site, code);
}

// Attachments, then each language's search files and pages in one URL style,
// to `sink`, and last what all languages share (see SiteRenderer). One
// language at a time: its view of the site is made when its turn comes and
// let go after, so that one view and one index are in memory at once. The
// default language's is usually the loaded site itself (is_language_view),
// which saves making its indexes again. `progress`, when not null, shows a
// line per language.
bool build_languages(FileSystem& fs, const CommandArgs& args, const Site& site, const Theme& theme,
                     const RenderOptions& options, SearchIndexes* indexes, CountingSink* sink,
                     Progress* progress, Diagnostics* diags) {
  SiteFiles attached;
  if (!add_attachments(fs, site, &attached, diags) || !sink->add(std::move(attached))) {
    return false;
  }
  SiteRenderer renderer(theme, options, sink, diags);
  const bool multilingual = site.config.multilingual();
  const size_t languages = multilingual ? site.config.languages.size() : 1;
  bool ok = true;
  auto code_of = [&](size_t i) -> const std::string& { return language_code(site, i); };
  auto view_of = [&](size_t i) { return own_view(site, code_of(i)); };
  // The next language's view is made on another thread while this one's
  // index and pages are: planning pages leaves the other core mostly idle
  // (a view was 0.33 s of one core at 10,000 documents in six languages).
  std::future<std::optional<Site>> next = std::async(std::launch::deferred, [&] {
    return indexes->first_view ? std::exchange(indexes->first_view, std::nullopt) : view_of(0);
  });
  for (size_t i = 0; i < languages; ++i) {
    const std::string& code = code_of(i);
    if (progress) progress->begin("indexing and rendering " + code);
    const size_t files_before = sink->files();
    std::optional<Site> own = next.get();
    if (i + 1 < languages) next = std::async(std::launch::async, view_of, i + 1);
    const Site& view = own ? *own : site;
    SiteIndex index;
    if (i < indexes->kept.size()) {
      index = indexes->keep ? indexes->kept[i] : std::move(indexes->kept[i]);
    } else {
      index = indexes->build(view, code, args, fs, diags);
      if (indexes->keep) indexes->kept.push_back(index);
    }
    const IndexStats stats = index.stats;
    const size_t json_bytes = index.json.size(), shards = index.shards ? index.shards->size() : 0;
    const size_t bytes_before = sink->bytes();
    // The index moves into its files.
    const ShardKeeping keeping{
        indexes->shards_before && options.reuse ? &*indexes->shards_before : nullptr,
        &indexes->shards_made};
    if (!add_search_files(fs, view, std::move(index), options.style, theme.assets, sink, diags,
                          keeping)) {
      return false;
    }
    const std::string summary =
        index_summary(stats, json_bytes, shards, sink->bytes() - bytes_before);
    ok = renderer.add_language(view, search_script_paths(view)) && ok;
    if (progress) {
      progress->done(code + ": " + summary + "; " + counted(sink->files() - files_before, "file"));
    }
  }
  return renderer.finish() && ok;
}

// The offline site zipped in memory: libzip writes a file, so go through a
// temporary one next to the output.
bool make_bundle(FileSystem& fs, const CommandArgs& args, const Site& site, const Theme& theme,
                 SearchIndexes* indexes, std::string* zip, Diagnostics* diags) {
  RenderOptions offline;
  offline.style.offline = true;
  SiteFiles files;
  CollectingSink collect(&files);
  CountingSink sink(&collect, nullptr);
  if (!build_languages(fs, args, site, theme, offline, indexes, &sink, nullptr, diags)) {
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

}  // namespace

std::string shard_records_path(const std::string& record) { return record + "-shards"; }

std::vector<std::string> record_files(const std::string& record) {
  return {record, shard_records_path(record)};
}

Diagnostics build_site(const CommandArgs& args, const CliEnv& env, BuildState* state) {
  auto start = env.clock->now();
  ConfinedFileSystem fs(env.fs);
  guard_site(&fs, args.config, args.out);
  Diagnostics diags;
  LoadOptions load;
  load.include_drafts = args.drafts;
  load.history = env.history;
  // Packing pays where every page renders and memory peaks: a build into
  // an empty folder. A rebuild keeps most pages, and the copy (0.45 s of one
  // core at 10,000 documents) came before anything else could start; one
  // that renders every page peaks about 10% higher unpacked.
  load.pack = !fs.exists(args.out);
  Progress progress(env.out, env.terminal_out, !args.quiet, env.clock, "agora build");
  // The cache's own guard: a link in it is refused like any other, but costs
  // only the cache (see precompress.h), never the build.
  ConfinedFileSystem cache_fs(env.fs);
  guard_site(&cache_fs, args.config, args.out);
  // Compressed copies are cached beside site.yaml, keyed by content hash.
  const std::string cache_dir = join_path(site_root(args.config), ".agora-cache");
  // The user's secret that seals its entries: without it, the compression
  // cache is checked the slow way and the others are not used.
  const std::string cache_key = env.cache_key ? env.cache_key() : "";
  // What the last build left in the output, for this one to trust without
  // reading (see output_record.h), and what it was made from (see
  // site_inputs.h); one per site, and agora serve keeps its own.
  const std::string record_path =
      state && !state->record.empty() ? state->record : join_path(cache_dir, "output-record");
  // Listing the output's trees, reading their manifests and the output
  // record need nothing from the site, and at 10,000 documents took 4.6 s
  // on one core before the first page: they run while the documents load.
  // What the last build made of each search shard (see ShardRecords),
  // beside the record and read with it.
  const std::string shards_path = shard_records_path(record_path);
  struct Surveyed {
    OutputSurvey output;
    OutputRecord record;
    ShardRecords shards;
  };
  std::future<Surveyed> survey =
      std::async(std::launch::async, [&fs, &cache_fs, &args, &record_path, &shards_path] {
        Surveyed found;
        found.output = survey_output(fs, args.out);
        // The record speaks only of files in the output folder: with none
        // (a first build, or one after the folder was removed) it is not
        // worth reading.
        if (found.output.live.exists) {
          found.record = OutputRecord::load(cache_fs, record_path, args.out, precompress_tag());
          std::string text, err;
          if (cache_fs.read_file(shards_path, &text, &err))
            found.shards = parse_shard_records(text);
        }
        release_free_memory();
        return found;
      });
  // Bodies parsed by the last build: an edit parses its own document only.
  // Read and written like the compression cache, not through the input
  // log: the cache is not what the site is made from.
  BodyStore bodies(cache_fs, join_path(cache_dir, "bodies"), program_build_id(), cache_key);
  load.bodies = &bodies;
  // Front matter parsed by the last build, likewise.
  FrontMatterStore trees(cache_fs, join_path(cache_dir, "front-matter"), program_build_id(),
                         cache_key);
  load.trees = &trees;
  progress.begin("loading documents");
  // What the site is loaded from, for this build to compare with the last
  // one's and keep the pages nothing changed (see output/site_inputs.h).
  InputLog inputs_log(&fs);
  auto site = load_site(inputs_log, args.config, load, &diags);
  if (site && !args.base_url.empty()) {
    site->config.base_url = args.base_url.back() == '/' ? args.base_url : args.base_url + "/";
  }
  progress.set_results_shown(site && site->documents.size() >= kProgressDocuments);
  std::optional<Theme> theme;
  if (site) theme = load_theme(inputs_log, site->config, &diags);
  if (site) progress.done(counted(site->documents.size(), "document") + " loaded");
  // The documents hold copies: the files read go. What is new is saved
  // after the swap.
  bodies.release();
  trees.release();
  // The options pages show. The offline bundle's size is on the home page
  // and is known only once it is made: a build that makes one keeps no
  // page, and leaves nothing for the next to compare.
  std::string inputs;
  if (site && theme && !args.bundle) {
    const std::string settings = "offline " + std::to_string(args.offline) + "\ndrafts " +
                                 std::to_string(args.drafts) + "\nbase_url " +
                                 site->config.base_url;
    inputs = site_inputs(inputs_log, *site, program_build_id(), settings);
  }

  WriteOptions write;
  write.cache_fs = &cache_fs;
  if (site) {
    write.cache_dir = cache_dir;
    write.encodings = site->config.compress;
    write.precompress = !write.encodings.empty();
    // Only a process that builds again (agora serve) keeps the copies.
    write.memo = state ? &state->compressed : nullptr;
    write.cache_key = cache_key;
    write.record = record_path;
    write.inputs = inputs;
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
  CountingSink sink(&writer, meter ? &*meter : nullptr);
  // What the search pipeline made of each document, likewise.
  SearchIndexes indexes;
  indexes.cache_fs = &cache_fs;
  indexes.analysis_dir = join_path(cache_dir, "analysis");
  indexes.seal_key = cache_key;
  bool written = false;
  if (site && theme && !diags.has_errors()) {
    RenderOptions render;
    render.style.offline = args.offline;
    std::string zip;
    if (args.bundle) {
      progress.begin("making the offline bundle");
      indexes.keep = true;
      if (make_bundle(fs, args, *site, *theme, &indexes, &zip, &diags)) {
        render.bundle_file = kBundleFile;
        render.bundle_bytes = zip.size();
      }
      progress.done(human_bytes(zip.size()) + " offline bundle");
    }
    // The first language's index needs nothing of the output: it is made
    // while the survey of the output ends, which a rebuild would wait for.
    if (!args.bundle) {
      const std::string& code = language_code(*site, 0);
      indexes.first_view = own_view(*site, code);
      const Site& view = indexes.first_view ? *indexes.first_view : *site;
      indexes.kept.push_back(indexes.build(view, code, args, fs, &diags));
    }
    Surveyed surveyed = survey.get();
    const std::optional<PageReuse> reuse = page_reuse(surveyed.record.inputs(), inputs);
    if (reuse) render.reuse = &*reuse;
    indexes.shards_before = std::move(surveyed.shards);
    if (!diags.has_errors() && writer.open(&surveyed.output, &surveyed.record)) {
      written =
          build_languages(fs, args, *site, *theme, render, &indexes, &sink, &progress, &diags) &&
          (!args.bundle || sink.add({{kBundleFile, std::move(zip)}}));
    }
  }
  // What the survey found (a link in the output) is reported whether or not
  // the build got as far as the writer, so the messages do not depend on
  // which thread finished first.
  if (survey.valid()) survey.wait();
  diags.merge(fs.diagnostics());
  diags.sort();
  report_problems(diags, args, env, fs);
  if (!site || !theme || diags.has_errors()) {
    *env.err << "agora build: failed; " << folder_name(args.out) << " was left as it was\n";
    if (!diags.has_errors()) diags.error(args.config, 0, 0, "build-failed", "nothing was built");
    return diags;
  }

  // Freeing the loaded site took 0.45 s of one core at 10,000 documents,
  // after everything else: it now goes while the output is swapped in.
  const std::string base_url = site->config.base_url;
  auto freed =
      std::async(std::launch::async, [loaded = std::move(site)]() mutable { loaded.reset(); });
  WriteReport report;
  progress.begin("swapping the site in");
  written = written && writer.commit(&report);
  progress.set_results_shown(false);
  progress.done("");
  if (!written) {
    *env.err << "agora build: " << writer.error() << "; " << folder_name(args.out)
             << " was left as it was\n";
    diags.error(args.out, 0, 0, "write-failed", writer.error());
    return diags;
  }
  {
    std::string cache_err;  // costs the next build time only
    bodies.save(&cache_err);
    trees.save(&cache_err);
    indexes.save(&cache_err);
    cache_fs.write_file_atomic(shards_path, shard_records_text(indexes.shards_made), &cache_err);
  }
  if (report.precompress.cache_refused) {
    *env.err << "agora build: warning: " << write.cache_dir
             << " is a symbolic link; the compression cache was not used\n";
  }
  if (meter) *env.out << format_weight_report(meter->weights());
  double seconds = std::chrono::duration<double>(env.clock->now() - start).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f s", seconds);
  *env.out << "agora build: " << sink.pages() << " pages";
  // Pages whose inputs did not change stayed as the last build wrote them.
  if (sink.kept()) *env.out << " (" << sink.kept() << " unchanged, not rendered)";
  // Search shards whose inputs did not change, likewise.
  if (sink.kept_others())
    *env.out << ", " << sink.kept_others() << " other files unchanged, not made";
  *env.out << ", " << report.files << " files (" << report.written << " written, "
           << report.unchanged << " unchanged, " << report.deleted << " removed) in "
           << folder_name(args.out) << " in " << timing << "\n";
  if (!args.compare_to.empty()) report_changes(args, base_url, env, &diags);
  return diags;
}

int run_build(const CommandArgs& args, const CliEnv& env) {
  return build_site(args, env, nullptr).has_errors() ? 1 : 0;
}

}  // namespace agora
