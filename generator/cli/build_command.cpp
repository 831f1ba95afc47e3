// agora build: load, validate, render, index, write. Nothing reaches the
// output folder unless every stage succeeded.

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "model/site_loader.h"
#include "output/site_writer.h"
#include "output/weight_report.h"
#include "output/zip_bundle.h"
#include "render/site_renderer.h"

namespace agora {

namespace {

constexpr const char* kBundleFile = "agora-offline.zip";

void report_problems(const Diagnostics& diags, const CommandArgs& args, const CliEnv& env) {
  PrintOptions print;
  print.color = env.color;
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

// The offline site zipped in memory: libzip writes a file, so go through a
// temporary one next to the output.
bool make_bundle(const FileSystem& fs, const Site& site, const std::string& out, std::string* zip,
                 Diagnostics* diags) {
  RenderOptions offline;
  offline.style.offline = true;
  SiteFiles files;
  if (!render_site(fs, site, offline, &files, diags)) return false;
  std::string temp = out + ".bundle.tmp";
  std::string err;
  bool ok = output::write_zip(files, temp, &err) && RealFileSystem().read_file(temp, zip, &err);
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
  auto site = load_site(*env.fs, args.config, load, &diags);
  if (site && !args.base_url.empty()) {
    site->config.base_url = args.base_url.back() == '/' ? args.base_url : args.base_url + "/";
  }
  SiteFiles files;
  if (site && !diags.has_errors()) {
    RenderOptions render;
    render.style.offline = args.offline;
    std::string zip;
    if (args.bundle && make_bundle(*env.fs, *site, args.out, &zip, &diags)) {
      render.bundle_file = kBundleFile;
      render.bundle_bytes = zip.size();
    }
    if (!diags.has_errors() && render_site(*env.fs, *site, render, &files, &diags) && args.bundle) {
      files[kBundleFile] = std::move(zip);
    }
  }
  diags.sort();
  report_problems(diags, args, env);
  if (!site || diags.has_errors()) {
    *env.err << "agora build: failed; " << args.out << "/ was left as it was\n";
    return 1;
  }

  output::WriteOptions write;
  // Compressed copies are cached beside site.yaml, keyed by content hash.
  write.cache_dir = join_path(site->config.root, ".agora-cache");
  output::WriteReport report;
  std::string err;
  if (!output::write_site(*env.fs, args.out, files, write, &report, &err)) {
    *env.err << "agora build: " << err << "; " << args.out << "/ was left as it was\n";
    return 1;
  }
  if (args.report) {
    std::vector<std::string> types;
    for (const auto& type : site->config.types) types.push_back(type.name);
    *env.out << output::weight_report(files, types);
  }
  size_t pages = 0;
  for (const auto& [path, _] : files) {
    if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++pages;
  }
  double seconds = std::chrono::duration<double>(env.clock->now() - start).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f s", seconds);
  *env.out << "agora build: " << pages << " pages, " << report.files << " files ("
           << report.written << " written, " << report.unchanged << " unchanged, "
           << report.deleted << " removed) in " << args.out << "/ in " << timing << "\n";
  return 0;
}

}  // namespace agora
