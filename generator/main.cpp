// agora: the command-line entry point. Everything else is in agoracore.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli.h"

// jemalloc's settings (binaries built without jemalloc ignore them; the
// MALLOC_CONF variable still overrides them). In the virtual machines this
// is measured on, a fault on fresh memory costs about 20 us: with huge
// pages `agora index` of 10,000 documents took 4,600 faults where it took
// 68,000, and 2.0-3.0 s where it took 3.4; a rebuild of that site used
// 37 s of CPU where it used 44. Huge pages alone raised the peak of a
// build into an empty folder from 647 to 689 MB (a partly used 2 MB page
// is resident whole); with two arenas instead of jemalloc's four per core
// it was 606-608 MB, with four 670 (docs/PERFORMANCE.md, "Fewer page
// faults"). A fixed count, because one arena per core (percpu_arena) is
// turned off, with a warning on stderr, wherever the process may run on
// fewer cores than the machine has (taskset, a container's cpuset).
// Freed pages are kept for reuse (dirty_decay_ms:-1) instead of being given
// back within 10 s and faulted in again: a build frees and allocates its
// pages, pages' copies and chunks for the whole run. Two alternating warm
// builds of 10,000 documents each: 41.7 and 40.3 s of wall time, 34.8 and
// 39.0 s of user CPU with decay; 29.7 and 25.3 s, 24.5 and 22.6 s without;
// peak RSS 606-608 against 631-644 MB. `agora serve` gives the pages back
// after each rebuild (release_all_free_memory).
extern "C" {
const char* malloc_conf = "thp:always,narenas:2,dirty_decay_ms:-1";
}

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
