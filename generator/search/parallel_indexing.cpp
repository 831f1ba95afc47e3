#include "search/parallel_indexing.h"

#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace agora {

void add_documents(IndexBuilder& builder, const std::vector<SearchDocument>& documents,
                   unsigned threads, const IndexProgress& progress) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const size_t n = documents.size();
  builder.expect_documents(builder.document_count() + n);
  if (threads == 1 || n < 2) {
    for (size_t i = 0; i < n; ++i) {
      builder.add(documents[i]);
      if (progress) progress(i + 1);
    }
    return;
  }
  // A ring of result slots: workers claim document i only once slot
  // i % window has been consumed, which bounds memory to `window` analyzed
  // documents however far the merge lags.
  const size_t window = 64 * static_cast<size_t>(threads);
  std::vector<std::optional<AnalyzedDocument>> slots(window);
  std::mutex mutex;
  std::condition_variable produced, consumed;
  size_t next = 0;    // next document to claim
  size_t merged = 0;  // documents added so far

  auto worker = [&] {
    for (;;) {
      size_t i;
      {
        std::unique_lock lock(mutex);
        consumed.wait(lock, [&] { return next >= n || next < merged + window; });
        if (next >= n) return;
        i = next++;
      }
      AnalyzedDocument doc = builder.analyze(documents[i]);
      {
        std::lock_guard lock(mutex);
        slots[i % window] = std::move(doc);
      }
      produced.notify_one();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
  for (size_t i = 0; i < n; ++i) {
    AnalyzedDocument doc;
    {
      std::unique_lock lock(mutex);
      produced.wait(lock, [&] { return slots[i % window].has_value(); });
      doc = std::move(*slots[i % window]);
      slots[i % window].reset();
      merged = i + 1;
    }
    consumed.notify_all();
    builder.add(std::move(doc));
    if (progress) progress(i + 1);
  }
  for (std::thread& t : pool) t.join();
}

}  // namespace agora
