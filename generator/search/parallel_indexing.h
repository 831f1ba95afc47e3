#pragma once
// Feeds documents to an IndexBuilder with analysis on worker threads and
// the merge on the calling thread, in document order, so the index is the
// same whatever the thread count.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "search/analysis_cache.h"
#include "search/index_builder.h"

namespace agora {

// Called on the calling thread after each added document (count so far).
using IndexProgress = std::function<void(size_t documents_added)>;

// `threads` = 0 uses std::thread::hardware_concurrency(). With 1 thread,
// everything runs on the calling thread. `cache`, when not null, keeps
// each document's analysis for the next build (see analysis_cache.h).
void add_documents(IndexBuilder& builder, const std::vector<SearchDocument>& documents,
                   unsigned threads = 0, const IndexProgress& progress = nullptr,
                   AnalysisCache* cache = nullptr);

// Documents made as they are analysed: read(i, doc, error) fills document i
// into `doc` (which may hold an earlier document, for its strings' memory)
// or returns false with `error` set. Documents are added in order up to the
// first that fails to read; then returns false with that document's error.
using DocumentReader = std::function<bool(size_t index, SearchDocument& doc, std::string& error)>;
bool add_documents(IndexBuilder& builder, size_t count, const DocumentReader& read,
                   std::string& error, unsigned threads = 0);

}  // namespace agora
