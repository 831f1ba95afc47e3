// agora mirror SOURCE DEST: bring DEST up to date with a built site (a folder
// or an http(s) URL), moving only what changed and never leaving DEST half
// updated.

#include "cli/commands.h"
#include "output/mirror.h"

namespace agora {

int run_mirror(const CommandArgs& args, const CliEnv& env) {
  MirrorOptions options;
  options.progress_out = env.out;
  options.fs = env.fs;
  MirrorReport report;
  std::string err;
  if (!mirror_site(args.source, args.dest, options, &report, &err)) {
    *env.err << "agora mirror: " << err << "\n";
    return 1;
  }
  *env.out << "agora mirror: " << report.files << " files: " << report.fetched << " fetched, "
           << report.kept << " unchanged, " << report.repaired << " repaired, " << report.deleted
           << " removed\n";
  return 0;
}

}  // namespace agora
