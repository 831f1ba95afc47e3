#pragma once
// Runs the real command line in-process against a test file system and a
// fixed clock, capturing what it prints.

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace agora::testing {

struct CliRun {
  int code = 0;
  std::string out;
  std::string err;
};

// `args` without the program name, e.g. {"check", "--format", "json"}.
inline CliRun run_agora(FileSystem* fs, std::vector<const char*> args,
                        const std::string& today = "2024-01-01", bool color_out = false,
                        bool color_err = false, std::string (*cache_key)() = nullptr) {
  FixedClock clock(today);
  std::ostringstream out, err;
  CliEnv env;
  env.fs = fs;
  env.clock = &clock;
  env.out = &out;
  env.err = &err;
  env.color_out = color_out;
  env.color_err = color_err;
  env.cache_key = cache_key;
  args.insert(args.begin(), "agora");
  CliRun run;
  run.code = run_cli(static_cast<int>(args.size()), args.data(), env);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace agora::testing
