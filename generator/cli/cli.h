#pragma once
// The command line: a table of subcommands (build, check, new, ...), each a
// row with its name, help, options and handler, as ninja's kTools[].

#include <ostream>

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
  bool color = false;  // stderr/stdout is a terminal
};

// Parses argv and runs the chosen command. Returns the process exit code.
int run_cli(int argc, const char* const* argv, const CliEnv& env);

}  // namespace agora
