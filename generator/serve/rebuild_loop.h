#pragma once
// The heart of `agora serve`: wait for a change, let the edits settle,
// rebuild, tell the open pages; stop cleanly on Ctrl-C.

#include <chrono>
#include <functional>
#include <ostream>

#include "serve/change_watcher.h"
#include "serve/live_state.h"
#include "util/diagnostic.h"

namespace agora {

// One rebuild: builds the site into the served folder (through staging and a
// swap, so a failed build leaves the last good site in place) and returns
// every problem found. The incremental build plugs in here.
using RebuildFunction = std::function<Diagnostics()>;

struct RebuildLoopOptions {
  // A rebuild starts once the sources have been quiet this long, so an
  // editor's save (write, rename, touch) or a `git checkout` is one build.
  std::chrono::milliseconds quiet{150};
  // Called once, as soon as a stop signal arrives, even while a build runs:
  // the server stops listening and frees its port at once.
  std::function<void()> on_stop;
  std::ostream* out = nullptr;  // "agora serve: ..." progress lines
};

// Builds once, then rebuilds after every change the watcher reports, one
// build at a time on a thread of its own, publishing each outcome (its
// errors, or none) to `live`. Returns after SIGINT or SIGTERM arrives on
// `signal_fd` (a signalfd for both) and the running build, if any, has
// finished; a second signal while it finishes ends the process with 130.
void run_rebuild_loop(ChangeWatcher& watcher, int signal_fd, const RebuildFunction& rebuild,
                      LiveState& live, const RebuildLoopOptions& options);

}  // namespace agora
