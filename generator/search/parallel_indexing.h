#pragma once
// Feeds documents to an IndexBuilder with analysis on worker threads and
// the merge on the calling thread, in document order, so the index is the
// same whatever the thread count.
#include <cstddef>
#include <functional>
#include <vector>

#include "search/index_builder.h"

namespace agora {

// Called on the calling thread after each added document (count so far).
using IndexProgress = std::function<void(size_t documents_added)>;

// `threads` = 0 uses std::thread::hardware_concurrency(). With 1 thread,
// everything runs on the calling thread.
void add_documents(IndexBuilder& builder, const std::vector<SearchDocument>& documents,
                   unsigned threads = 0, const IndexProgress& progress = nullptr);

}  // namespace agora
