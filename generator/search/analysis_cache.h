#pragma once
// What the search pipeline made of each document, kept between builds.
// Analysis (lower-casing, tokenizing, stop words, stemming) was 0.9 s of
// CPU of a rebuild after one edit at 10,000 documents, made again for every
// unchanged document; reading it back takes a fraction of that. The stage
// that owns files and hashes implements the store (output/analysis_store.h);
// this stage says what an analysis is written as.

#include <string>
#include <string_view>
#include <vector>

#include "search/index_builder.h"

namespace agora {

class AnalysisCache {
 public:
  virtual ~AnalysisCache() = default;
  // The name the cache knows the analysis of `key` by (see
  // IndexBuilder::analysis_key); "" when the cache keeps nothing.
  virtual std::string id(std::string_view key) const = 0;
  // The fields `id` names, when kept. Thread-safe.
  virtual bool find(const std::string& id, std::vector<AnalyzedField>* fields) const = 0;
  // Keeps the fields analysed from what `id` names. Thread-safe.
  virtual void store(const std::string& id, const std::vector<AnalyzedField>& fields) = 0;
};

// A document's analysed fields as bytes, and back (the term hashes are
// made again, not kept); decode_analysis returns false for bytes
// encode_analysis did not make.
std::string encode_analysis(const std::vector<AnalyzedField>& fields);
bool decode_analysis(std::string_view bytes, std::vector<AnalyzedField>* fields);

// builder.analyze(doc), or what `cache` kept of it; a document analysed
// afresh is stored. `cache` may be null.
AnalyzedDocument analyze_with(const IndexBuilder& builder, const SearchDocument& doc,
                              AnalysisCache* cache);

}  // namespace agora
