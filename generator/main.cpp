// agora: the command-line entry point. Everything else is in agoracore.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  agora::RealFileSystem fs;
  agora::SystemClock clock;
  agora::GitHistory history;
  agora::CliEnv env;
  env.fs = &fs;
  env.clock = &clock;
  env.out = &std::cout;
  env.err = &std::cerr;
  // https://no-color.org: a set, non-empty NO_COLOR turns colour off.
  const char* no_color = std::getenv("NO_COLOR");
  bool color = !(no_color && *no_color);
  env.color_out = color && isatty(STDOUT_FILENO) == 1;
  env.color_err = color && isatty(STDERR_FILENO) == 1;
  env.terminal_out = isatty(STDOUT_FILENO) == 1;
  env.history = &history;
  return agora::run_cli(argc, argv, env);
}
