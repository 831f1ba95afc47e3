#pragma once
// The command line: a table of subcommands (build, check, new, ...), each a
// row with its name, help, options and handler, as ninja's kTools[].

#include <ostream>
#include <string>

#include "sources/git_history.h"
#include "util/clock.h"
#include "util/file_system.h"

namespace agora {

// Everything a command touches outside itself, so tests can run commands
// against a MemoryFileSystem, a FixedClock and string streams.
struct CliEnv {
  FileSystem* fs = nullptr;
  const Clock* clock = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool color_out = false;     // stdout is a terminal: `check` may colour its report
  bool color_err = false;     // stderr is a terminal: `build` may colour its problems
  bool terminal_out = false;  // stdout is a terminal: progress lines update in place
  // Where pages' last-updated dates and contributors come from; null: none.
  const HistorySource* history = nullptr;
  // The user's secret that seals the compression cache (util/cache_key.h),
  // asked for by the commands that build; null: none.
  std::string (*cache_key)() = nullptr;
};

// Parses argv and runs the chosen command. Returns the process exit code.
int run_cli(int argc, const char* const* argv, const CliEnv& env);

}  // namespace agora
