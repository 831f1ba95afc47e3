#pragma once
// What every response of `agora serve` depends on besides the files: which
// build the served site comes from, and the errors of the last build when it
// failed. The rebuild loop publishes; request threads read and wait.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <vector>

#include "util/diagnostic.h"

namespace agora {

class LiveState {
 public:
  struct Snapshot {
    uint64_t generation = 0;           // builds finished so far, failed ones included
    std::vector<Diagnostic> problems;  // the last build's errors; empty when it succeeded
  };

  Snapshot snapshot() const;
  uint64_t generation() const;

  // A build finished with `problems` (its errors; none when it succeeded):
  // the generation goes up and every waiter wakes.
  void publish(std::vector<Diagnostic> problems);

  // Blocks until the generation differs from `seen`, close() was called or
  // `timeout` passed. Returns the generation then; *closed tells close().
  uint64_t wait_for_change(uint64_t seen, std::chrono::milliseconds timeout, bool* closed) const;

  // Wakes every waiter for good: the server is stopping.
  void close();

 private:
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  Snapshot current_;
  bool closed_ = false;
};

}  // namespace agora
