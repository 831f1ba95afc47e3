// agora check: everything build would read, validated; nothing written.

#include "cli/commands.h"
#include "cli/diagnostic_printer.h"
#include "cli/progress.h"
#include "cli/site_guard.h"
#include "model/site_loader.h"
#include "render/template_check.h"
#include "render/theme.h"

namespace agora {

int run_check(const CommandArgs& args, const CliEnv& env) {
  ConfinedFileSystem fs(env.fs);
  guard_site(&fs, args.config, "");
  Diagnostics diags;
  LoadOptions options;
  options.include_drafts = false;
  options.body_html = false;  // check renders nothing
  auto site = load_site(fs, args.config, options, &diags);
  if (site) {
    if (auto theme = load_theme(fs, site->config, &diags)) {
      check_template_contract(*theme, site->config, &diags);
    }
  }
  diags.merge(fs.diagnostics());
  diags.sort();
  PrintOptions print;
  print.format = args.format == "json"     ? DiagnosticFormat::kJson
                 : args.format == "github" ? DiagnosticFormat::kGithub
                                           : DiagnosticFormat::kText;
  print.color = env.color_out && print.format == DiagnosticFormat::kText;
  print.root = site_root_of(args.config);
  print_diagnostics(diags, fs, print, *env.out);
  bool failed = diags.has_errors() || (args.strict && diags.warning_count() > 0);
  if (print.format == DiagnosticFormat::kText && diags.empty()) {
    *env.out << "agora check: " << counted(site ? site->documents.size() : 0, "document")
             << ", no problems found\n";
  }
  return failed ? 1 : 0;
}

}  // namespace agora
