#pragma once
// agora build --compare-to DIR|URL: what this build changes on the published
// site, for a pull request's reviewer.

#include <string>

#include "cli/commands.h"

namespace agora {

// Compares args.out (just written) with the manifest of args.compare_to, a
// site folder or an http(s) URL (fetched as `agora mirror` does: capped,
// same-host redirects only). Prints the pages added, changed and removed
// with their URLs under base_url, and writes them as JSON (changes_json) to
// args.compare_out, by default "OUT.changes.json" beside the output folder.
// A source that cannot be read, or a JSON file that cannot be written, is
// an error in *diags.
void report_changes(const CommandArgs& args, const std::string& base_url, const CliEnv& env,
                    Diagnostics* diags);

}  // namespace agora
