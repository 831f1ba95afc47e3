#include "search/parallel_indexing.h"

#include "util/parallel.h"

namespace agora {

void add_documents(IndexBuilder& builder, const std::vector<SearchDocument>& documents,
                   unsigned threads, const IndexProgress& progress, AnalysisCache* cache) {
  builder.expect_documents(builder.document_count() + documents.size());
  // Up to 64 analyzed documents per thread wait for the merge, which
  // bounds memory however far it lags.
  parallel_in_order<AnalyzedDocument>(
      documents.size(),
      [&](size_t i, AnalyzedDocument& slot) { slot = analyze_with(builder, documents[i], cache); },
      [&](size_t i, AnalyzedDocument& slot) {
        builder.add(std::move(slot));
        if (progress) progress(i + 1);
        return true;
      },
      threads, 64);
}

namespace {

// A document on its way: read, then analysed, in a slot that is reused.
struct ReadDocument {
  SearchDocument doc;
  AnalyzedDocument analyzed;
  bool ok = false;
  std::string error;
};

}  // namespace

bool add_documents(IndexBuilder& builder, size_t count, const DocumentReader& read,
                   std::string& error, unsigned threads) {
  builder.expect_documents(builder.document_count() + count);
  bool ok = true;
  parallel_in_order<ReadDocument>(
      count,
      [&](size_t i, ReadDocument& slot) {
        slot.ok = read(i, slot.doc, slot.error);
        if (slot.ok) slot.analyzed = builder.analyze(slot.doc);
      },
      [&](size_t, ReadDocument& slot) {
        if (!slot.ok) {
          error = std::move(slot.error);
          return ok = false;
        }
        builder.add(std::move(slot.analyzed));
        return true;
      },
      threads, 64);
  return ok;
}

}  // namespace agora
