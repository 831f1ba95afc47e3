#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "util/parallel.h"

using agora::parallel_in_order;

namespace {

// Uneven work, so items finish out of order.
void pause_for(size_t i) {
  std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 300));
}

}  // namespace

TEST_CASE("parallel_in_order consumes every item once, in order, with what was produced") {
  for (unsigned threads : {1u, 2u, 4u}) {
    for (size_t n : {size_t{0}, size_t{1}, size_t{3}, size_t{200}}) {
      for (size_t ahead : {size_t{1}, size_t{2}, size_t{16}}) {
        std::vector<size_t> seen;
        std::atomic<size_t> started{0}, consumed{0}, most_ahead{0};
        parallel_in_order<std::string>(
            n,
            [&](size_t i, std::string& slot) {
              // Counted before the consumer's count moves on: an upper bound.
              const size_t lead = ++started - consumed;
              for (size_t most = most_ahead;
                   lead > most && !most_ahead.compare_exchange_weak(most, lead);) {
              }
              pause_for(i);
              slot = std::to_string(i);
            },
            [&](size_t i, std::string& slot) {
              CHECK(slot == std::to_string(i));
              seen.push_back(i);
              ++consumed;
              return true;
            },
            threads, ahead);
        REQUIRE(seen.size() == n);
        for (size_t i = 0; i < n; ++i) CHECK(seen[i] == i);
        CHECK(started == n);
        CHECK(most_ahead <= ahead * threads + 1);
      }
    }
  }
}

TEST_CASE("parallel_in_order starts nothing once the consumer says stop") {
  for (unsigned threads : {1u, 2u, 4u}) {
    std::atomic<size_t> produced{0};
    size_t consumed = 0;
    parallel_in_order<std::string>(
        1000,
        [&](size_t i, std::string& slot) {
          pause_for(i);
          slot.assign(100, 'x');
          ++produced;
        },
        [&](size_t i, std::string&) {
          ++consumed;
          return i < 9;
        },
        threads);
    CHECK(consumed == 10);
    // At most a window (2 per thread) beyond the item that stopped it; with
    // one thread, none.
    CHECK(produced >= 10);
    CHECK(produced <= 10 + 2 * threads);
  }
}
