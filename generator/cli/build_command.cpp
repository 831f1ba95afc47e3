// agora build: load, validate, render, index, write. Nothing reaches the
// output folder unless every stage succeeded.

#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "model/site_loader.h"
#include "output/site_writer.h"
#include "render/site_renderer.h"

namespace agora {

namespace {

void report_problems(const Diagnostics& diags, const CommandArgs& args, const CliEnv& env) {
  PrintOptions print;
  print.color = env.color_err;
  size_t slash = args.config.rfind('/');
  print.root = slash == std::string::npos ? "." : args.config.substr(0, slash);
  Diagnostics shown;
  for (const auto& d : diags.items()) {
    if (d.severity == Severity::kError || !args.quiet) shown.add(d);
  }
  print_diagnostics(shown, *env.fs, print, *env.err);
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
  if (site && !diags.has_errors()) {
    RenderOptions render;
    render.style.offline = args.offline;
    render_site(*env.fs, *site, render, &files, &diags);
  }
  diags.sort();
  // Drafts are the one expected warning of a build; `check` lists them.
  Diagnostics problems;
  for (const auto& d : diags.items()) {
    if (d.code != "draft") problems.add(d);
  }
  report_problems(problems, args, env);
  if (!site || diags.has_errors()) {
    *env.err << "agora build: failed; " << args.out << "/ was left as it was\n";
    return 1;
  }

  output::WriteOptions write;
  write.cache_dir = ".agora-cache";
  output::WriteReport report;
  std::string err;
  if (!output::write_site(*env.fs, args.out, files, write, &report, &err)) {
    *env.err << "agora build: " << err << "; " << args.out << "/ was left as it was\n";
    return 1;
  }
  size_t pages = 0;
  for (const auto& [path, _] : files) {
    if (path.size() >= 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++pages;
  }
  double seconds =
      std::chrono::duration<double>(env.clock->now() - start).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, "%.2f s", seconds);
  *env.out << "agora build: " << pages << " pages, " << report.files << " files ("
           << report.written << " written, " << report.unchanged << " unchanged, "
           << report.deleted << " removed) in " << args.out << "/ in " << timing << "\n";
  return 0;
}

}  // namespace agora
