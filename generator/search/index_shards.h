#pragma once
// Term-range shards of one Lunr index, for indexes too large to download
// whole (docs/SEARCH.md). The vocabulary, in lunr's sort order, is cut into
// contiguous ranges of roughly equal compressed size, and each range is
// written as a complete Lunr 2.3.9 index that lunr.Index.load accepts:
//   - invertedIndex: the entries of its terms, with their global _index;
//   - fieldVectors: every field vector cut down to those terms' dimensions
//     (vectors left with no element are omitted).
// Every term keeps its global _index and every element its score, so a
// client that merges the shards a query touches into one lunr.Index scores
// that query exactly as lunr.js scores it on the whole index.
//
// The function of one index, not of a site: a site with several languages
// shards each language's index on its own.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "search/index_builder.h"

namespace agora {

struct ShardOptions {
  // Aimed-at size of one shard after gzip -9. Sizes are estimated from the
  // JSON with a compression ratio measured on a sample of shards, so real
  // shards land around it; a term whose entries alone exceed it gets a
  // shard of its own.
  size_t target_bytes = 20 * 1000;
  unsigned threads = 0;  // formatting threads (0 = all cores)
};

struct IndexShard {
  std::string first_term;  // UTF-8, as in the index
  std::string last_term;
  size_t terms = 0;
  std::string json;  // the shard: a serialized lunr.Index
};

struct IndexShards {
  std::vector<std::string> fields;              // lunr's order
  std::string pipeline_json = "[\"stemmer\"]";  // the search pipeline's labels
  size_t documents = 0;
  size_t terms = 0;
  std::vector<IndexShard> shards;  // in term order; together they hold every term once
  std::string terms_json;          // every term in lunr's order: ["","a","abc",...]
  std::string refs_json;           // every ref in document order
};

class IndexShardWriter;  // index_shards.cpp

// The shards of one index, planned at once and formatted only when asked,
// so that a site's shards go to the output a batch at a time instead of all
// together (at 10,000 documents their JSON is some 190 MB). It keeps the
// builder. REQUIRES: every document has been added to the builder.
class ShardPlan {
 public:
  ShardPlan(std::shared_ptr<const IndexBuilder> builder, const ShardOptions& options);
  ~ShardPlan();
  ShardPlan(const ShardPlan&) = delete;
  ShardPlan& operator=(const ShardPlan&) = delete;

  size_t size() const { return starts_.size() - 1; }  // shards
  // Everything of the IndexShards but the shards themselves.
  IndexShards outline() const;
  // Shards [begin, end), formatted in parallel.
  std::vector<IndexShard> format(size_t begin, size_t end) const;

 private:
  std::shared_ptr<const IndexBuilder> builder_;
  std::unique_ptr<const IndexShardWriter> writer_;
  std::vector<size_t> starts_;  // each shard's first term in term order, then the term count
  unsigned threads_;
};

// Every shard at once. REQUIRES: every document has been added to `builder`.
IndexShards shard_index(const IndexBuilder& builder, const ShardOptions& options);

}  // namespace agora
