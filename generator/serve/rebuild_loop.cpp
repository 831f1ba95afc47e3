#include "serve/rebuild_loop.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <cstdint>
#include <optional>
#include <thread>

namespace agora {

namespace {

using Clock = std::chrono::steady_clock;

// A build on its own thread, so the loop keeps hearing signals meanwhile.
class BuildThread {
 public:
  BuildThread() : done_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}
  ~BuildThread() {
    if (thread_.joinable()) thread_.join();
    if (done_fd_ >= 0) ::close(done_fd_);
  }
  int done_fd() const { return done_fd_; }
  bool running() const { return thread_.joinable(); }

  void start(const RebuildFunction& rebuild) {
    thread_ = std::thread([this, &rebuild] {
      result_ = rebuild();
      uint64_t one = 1;
      if (::write(done_fd_, &one, sizeof one) < 0) {
        // The loop then waits for the join below, at the next signal.
      }
    });
  }

  // After done_fd() became readable.
  Diagnostics finish() {
    uint64_t count;
    if (::read(done_fd_, &count, sizeof count) < 0) count = 0;
    thread_.join();
    return std::move(result_);
  }

 private:
  int done_fd_;
  std::thread thread_;
  Diagnostics result_;
};

std::vector<Diagnostic> errors_of(const Diagnostics& diags) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::kError) errors.push_back(d);
  }
  return errors;
}

// Drains the signalfd; true when it held SIGINT or SIGTERM.
bool read_signal(int signal_fd) {
  struct signalfd_siginfo info;
  bool stop = false;
  while (::read(signal_fd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) stop = true;
  return stop;
}

}  // namespace

void run_rebuild_loop(ChangeWatcher& watcher, int signal_fd, const RebuildFunction& rebuild,
                      LiveState& live, const RebuildLoopOptions& options) {
  BuildThread build;
  bool stopping = false;
  std::string changed;  // the latest change since the last build started
  // The first build starts at once, as if a change had settled.
  std::optional<Clock::time_point> pending = Clock::now() - options.quiet;
  while (true) {
    if (pending && !build.running() && !stopping && Clock::now() - *pending >= options.quiet) {
      pending.reset();
      if (!changed.empty() && options.out) {
        *options.out << "agora serve: " << changed << " changed; rebuilding\n" << std::flush;
      }
      changed.clear();
      build.start(rebuild);
    }
    if (stopping && !build.running()) return;
    int timeout = -1;
    if (pending && !build.running()) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*pending + options.quiet -
                                                                        Clock::now());
      timeout = static_cast<int>(std::max<int64_t>(0, left.count()));
    }
    struct pollfd fds[3] = {
        {signal_fd, POLLIN, 0}, {watcher.fd(), POLLIN, 0}, {build.done_fd(), POLLIN, 0}};
    if (::poll(fds, 3, timeout) < 0) continue;  // EINTR
    if ((fds[0].revents & POLLIN) && read_signal(signal_fd)) {
      if (stopping) ::_exit(130);  // a second Ctrl-C: do not wait for the build
      stopping = true;
      if (options.on_stop) options.on_stop();
      if (build.running() && options.out) {
        *options.out << "agora serve: stopping once the running build ends (Ctrl-C again to "
                        "quit now)\n"
                     << std::flush;
      }
    }
    if (fds[1].revents & POLLIN) {
      std::vector<std::string> changes = watcher.read_changes();
      if (!changes.empty()) pending = Clock::now();
      // The last path named: an editor's save ends with the file itself
      // (a scratch file written, then renamed over it).
      if (!changes.empty()) changed = changes.back() == "*" ? "the sources" : changes.back();
    }
    if (fds[2].revents & POLLIN) {
      Diagnostics result = build.finish();
      live.publish(errors_of(result));
    }
  }
}

}  // namespace agora
