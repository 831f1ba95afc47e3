#pragma once
// Term-range shards of one Lunr index, for indexes too large to download
// whole (docs/SEARCH.md). The vocabulary, in lunr's sort order, is cut into
// contiguous ranges of roughly equal compressed size. A shard holds what
// its terms' entries in lunr's inverted index hold, and no score:
//   - docs: each document its postings name, once: [number, ref, ...], in
//     document order (number = place in refs.json);
//   - terms: [term, _index, F1, ..., Fn] with one array per field of
//     [doc, tf, ...] (doc = place in docs; with positions, each posting
//     is followed by its tf [start, length] pairs, flattened).
// lunr-shards.js computes each field-vector element from it as lunr's
// builder does (BM25 over the field lengths in lengths.json), so a client
// that merges the shards a query touches scores that query exactly as
// lunr.js scores it on the whole index. Scores move with every document's
// length; the postings do not, so an edit changes only the shards of the
// terms it adds or removes.
//
// The function of one index, not of a site: a site with several languages
// shards each language's index on its own.
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "search/index_builder.h"

namespace agora {

// The format of the shards and of their map (shard_files.h), as shards.json
// names it: a change to either changes it, and so every shard's digest.
inline constexpr const char* kShardFormat = "agora-lunr-shards/2";

struct ShardOptions {
  // Aimed-at size of one shard deflated (gzip level 6). Sizes are estimated from the
  // JSON with a compression ratio measured on a sample of shards, so real
  // shards land around it; a term whose postings alone exceed it gets a
  // shard of its own.
  size_t target_bytes = 20 * 1000;
  unsigned threads = 0;  // formatting threads (0 = all cores)
};

struct IndexShard {
  std::string first_term;  // UTF-8, as in the index
  std::string last_term;
  size_t terms = 0;
  // 16 hex digits of the SHA-256 of what the JSON is made from (the
  // format, the terms, their ids and postings, and the numbers and refs of
  // the documents they name), with the program that formats it (see
  // kShardFormat): a rebuild that finds the digest unchanged since its last
  // build keeps that build's shard unformatted.
  std::string digest;  // only from ShardPlan::describe
  std::string json;    // the shard (see above); empty when only described
};

struct IndexShards {
  std::vector<std::string> fields;              // lunr's order
  std::string pipeline_json = "[\"stemmer\"]";  // the search pipeline's labels
  size_t documents = 0;
  size_t terms = 0;
  std::vector<IndexShard> shards;  // in term order; together they hold every term once
  std::string terms_json;          // every term in lunr's order: ["","a","abc",...]
  std::string refs_json;           // every ref in document order
  // {"sums":[...],"widths":[...],"lengths":[...]}: each field's total
  // length; then per field a string of every document's length in that
  // field, in document order, each in base 36 (0-9a-z) padded to the
  // field's width; then, when a document has a boost other than 1,
  // "boosts":[...] by document.
  std::string lengths_json;
  std::vector<double> field_boosts;  // as lunr applies them (0 means 1)
  bool positions = false;            // postings carry token positions
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
  // Shards [begin, end), formatted in parallel, without digests.
  std::vector<IndexShard> format(size_t begin, size_t end) const;
  // Shards [begin, end) without their JSON, digests made in parallel.
  std::vector<IndexShard> describe(size_t begin, size_t end) const;
  // The JSON of each of `shards` (as describe(begin, ...) gave them) that
  // `wanted` marks, in parallel.
  void format_wanted(size_t begin, std::vector<IndexShard>* shards,
                     const std::vector<char>& wanted) const;

 private:
  std::shared_ptr<const IndexBuilder> builder_;
  std::unique_ptr<const IndexShardWriter> writer_;
  std::vector<size_t> starts_;  // each shard's first term in term order, then the term count
  unsigned threads_;
};

// Every shard at once. REQUIRES: every document has been added to `builder`.
IndexShards shard_index(const IndexBuilder& builder, const ShardOptions& options);

}  // namespace agora
