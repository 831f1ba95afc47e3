#include "serve/live_state.h"

namespace agora {

LiveState::Snapshot LiveState::snapshot() const {
  std::lock_guard lock(mutex_);
  return current_;
}

uint64_t LiveState::generation() const {
  std::lock_guard lock(mutex_);
  return current_.generation;
}

void LiveState::publish(std::vector<Diagnostic> problems) {
  {
    std::lock_guard lock(mutex_);
    ++current_.generation;
    current_.problems = std::move(problems);
  }
  changed_.notify_all();
}

uint64_t LiveState::wait_for_change(uint64_t seen, std::chrono::milliseconds timeout,
                                    bool* closed) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || current_.generation != seen; });
  *closed = closed_;
  return current_.generation;
}

void LiveState::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

}  // namespace agora
