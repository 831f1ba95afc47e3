#include "search/parallel_indexing.h"

#include "util/parallel.h"

namespace agora {

void add_documents(IndexBuilder& builder, const std::vector<SearchDocument>& documents,
                   unsigned threads, const IndexProgress& progress) {
  builder.expect_documents(builder.document_count() + documents.size());
  // Up to 64 analyzed documents per thread wait for the merge, which
  // bounds memory however far it lags.
  parallel_in_order<AnalyzedDocument>(
      documents.size(),
      [&](size_t i, AnalyzedDocument& slot) { slot = builder.analyze(documents[i]); },
      [&](size_t i, AnalyzedDocument& slot) {
        builder.add(std::move(slot));
        if (progress) progress(i + 1);
        return true;
      },
      threads, 64);
}

}  // namespace agora
