// agora: the command-line entry point. Everything else is in agoracore.
#include <unistd.h>

#include <iostream>

#include "cli/cli.h"

int main(int argc, char** argv) {
  agora::RealFileSystem fs;
  agora::SystemClock clock;
  agora::CliEnv env{&fs, &clock, &std::cout, &std::cerr, isatty(STDERR_FILENO) == 1};
  return agora::run_cli(argc, argv, env);
}
