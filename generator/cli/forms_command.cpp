// agora forms: the GitHub issue forms that site.yaml declares (`forms:`),
// written to .github/ISSUE_TEMPLATE/ so they always match the schema.

#include "cli/commands.h"
#include "cli/site_guard.h"
#include "model/issue_forms.h"
#include "model/site_loader.h"

namespace agora {

int run_forms(const CommandArgs& args, const CliEnv& env) {
  // Guarded as build is: no link in the site or beside the forms folder
  // is read or written through.
  ConfinedFileSystem fs(env.fs);
  guard_site(&fs, args.config, args.forms_out);
  Diagnostics diags;
  LoadOptions options;
  auto site = load_site(fs, args.config, options, &diags);
  if (!site) {
    for (const auto& d : diags.items()) *env.err << format_diagnostic_line(d) << "\n";
    return 1;
  }
  if (site->config.forms.empty()) {
    *env.err << "agora forms: site.yaml declares no forms (see 'forms:')\n";
    return 1;
  }
  for (const auto& form : site->config.forms) {
    std::string path = join_path(args.forms_out, form.file);
    std::string err;
    if (!fs.write_file(path, issue_form_yaml(*site, form), &err)) {
      *env.err << "agora forms: " << err << "\n";
      return 1;
    }
    *env.out << "wrote " << path << "\n";
  }
  return 0;
}

}  // namespace agora
