#pragma once
// Work spread over a few threads. Work is handed out one index at a time,
// so uneven documents balance, and results go into per-index slots or are
// consumed in index order, which keeps the output bytes independent of
// timing.

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace agora {

inline unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

// Runs fn(i) for i in [0, n) on `threads` threads (0: one per core).
template <typename Fn>
void parallel_for(size_t n, Fn&& fn, unsigned threads = 0) {
  if (threads == 0) threads = default_thread_count();
  threads = static_cast<unsigned>(std::min<size_t>(threads, n));
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i = next++; i < n; i = next++) fn(i);
    });
  }
  for (auto& thread : pool) thread.join();
}

// Runs produce(i, slot) for i in [0, n) on `threads` threads while the
// calling thread runs consume(i, slot) in order of i as each is ready, so
// consuming (writing a file, merging into an index) overlaps with
// producing. At most `ahead` items per thread are produced ahead of the
// consumer, each into a slot that is reused, so memory stays bounded and
// buffers kept in slots are allocated once. consume returns false to stop:
// no item is started after that. With one thread, everything runs on the
// calling thread.
template <typename Slot, typename Produce, typename Consume>
void parallel_in_order(size_t n, Produce&& produce, Consume&& consume, unsigned threads = 0,
                       size_t ahead = 2) {
  if (threads == 0) threads = default_thread_count();
  if (threads == 1) {
    Slot slot;
    for (size_t i = 0; i < n; ++i) {
      produce(i, slot);
      if (!consume(i, slot)) return;
    }
    return;
  }
  const size_t window = std::max<size_t>(ahead, 1) * threads;
  std::vector<Slot> slots(std::min(window, n));
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<char> ready(n, 0);
  size_t next = 0;
  size_t consumed = 0;
  bool stop = false;
  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      std::unique_lock lock(mutex);
      for (;;) {
        changed.wait(lock, [&] { return stop || next == n || next < consumed + window; });
        if (stop || next == n) return;
        const size_t i = next++;
        lock.unlock();
        produce(i, slots[i % window]);
        lock.lock();
        ready[i] = 1;
        changed.notify_all();
      }
    });
  }
  for (size_t i = 0; i < n; ++i) {
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return ready[i] != 0; });
    }
    const bool go_on = consume(i, slots[i % window]);
    std::lock_guard lock(mutex);
    consumed = i + 1;
    stop = !go_on;
    changed.notify_all();
    if (stop) break;
  }
  for (auto& thread : pool) thread.join();
}

}  // namespace agora
