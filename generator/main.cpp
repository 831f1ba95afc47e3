// agora: the command-line entry point. Everything else is in agoracore.
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli.h"
#include "util/cache_key.h"

// jemalloc's settings (binaries built without jemalloc ignore them; the
// MALLOC_CONF variable still overrides them). Two arenas instead of
// jemalloc's four per core: a lower peak (606-608 MB against 670 for a
// build into an empty folder; docs/PERFORMANCE.md, "Fewer page faults").
// A fixed count, because one arena per core (percpu_arena) is turned off,
// with a warning on stderr, wherever the process may run on fewer cores
// than the machine has (taskset, a container's cpuset).
// Freed pages are kept for reuse (dirty_decay_ms:-1) instead of being given
// back within 10 s and faulted in again: a build frees and allocates its
// pages, pages' copies and chunks for the whole run. Two alternating warm
// builds of 10,000 documents each: 41.7 and 40.3 s of wall time, 34.8 and
// 39.0 s of user CPU with decay; 29.7 and 25.3 s, 24.5 and 22.6 s without;
// peak RSS 606-608 against 631-644 MB. `agora serve` gives the pages back
// after each rebuild (release_all_free_memory).
// No transparent huge pages (jemalloc's thp:always was set until
// 2026-12-03): in the virtual machines this is measured on, the host takes
// back free memory the guest reports (virtio-balloon free page reporting),
// and a huge page needs a free 2 MB block, which is what gets reported. A
// test program's first touch of 512 MB took 1.79 s in huge pages against
// 0.36 s in 4 KB pages. One-edit rebuilds of 10,000 documents, alternating
// the same binary with and without: 6.3-8.1 s of wall time and 3.7-4.7 s
// of system CPU with huge pages, 5.8-6.0 s and 2.2-2.4 s without; warm
// builds and `agora index` took the same time or less, at a lower peak.
extern "C" {
const char* malloc_conf = "narenas:2,dirty_decay_ms:-1";
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
  env.cache_key = agora::user_cache_key;
  return agora::run_cli(argc, argv, env);
}
