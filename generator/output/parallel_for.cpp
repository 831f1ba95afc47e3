#include "output/parallel_for.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace agora::output {

void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& fn) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  size_t workers = std::min<size_t>(threads, n);
  if (workers <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  // Items differ wildly in cost (a 300 MB index next to 1 KB pages), so
  // workers pull the next index instead of taking fixed slices.
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) fn(i);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) {
    // Fewer threads is still correct: the remaining workers drain the queue.
    try {
      pool.emplace_back(work);
    } catch (...) {
      break;
    }
  }
  work();
  for (auto& t : pool) t.join();
}

}  // namespace agora::output
