#pragma once
// The files of a sharded index in one folder (a site's search/, or
// `agora index --shards DIR`), as lunr-shards.js reads them:
//   shards.json     the map: fields, their boosts, pipeline, and each
//                   shard's first and last term, file name and size; small
//                   enough to load with the search page
//   shard-NNN.json  the shards (index_shards.h): postings, no scores
//   lengths.json    every document's field lengths, from which the client
//                   scores the postings as lunr's builder does
//   terms.json      every term in lunr's order, for the queries whose terms
//                   cannot be placed without it (fuzzy, leading wildcard)
//   refs.json       every ref in document order, for queries of only
//                   prohibited terms (lunr returns every other document)
//   docs-NNN.json   optional document store: ref -> what a result shows,
//                   in chunks chosen by a hash of the ref
// With `scripts`, each NAME.json is written as NAME.js, a script that
// stores the same JSON in window.AGORA_SEARCH_FILES["NAME.json"], since
// pages opened from file:// may load scripts but not fetch JSON.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/index_shards.h"

namespace agora {

// One document of the store: its ref and a JSON value (usually an object).
struct StoreEntry {
  std::string ref;
  std::string json;
};

struct ShardFilesOptions {
  bool scripts = false;
  // Document store entries in document order; none: no store is written.
  std::vector<StoreEntry> store;
  size_t store_chunk_documents = 4;  // average documents per store chunk
  // (ref prefix, type name) pairs, for a search page that filters results
  // by type without fetching their documents.
  std::vector<std::pair<std::string, std::string>> types;
};

using NamedFiles = std::vector<std::pair<std::string, std::string>>;  // name, bytes

// FNV-1a (32 bits) over the UTF-16 code units of `ref`: the store chunk of
// a ref is ref_hash(ref) % chunks, here and in lunr-shards.js.
uint32_t ref_hash(std::string_view ref);

// The number of store chunks: the smallest power of two that keeps about
// `per_chunk` documents in each (so the count changes rarely as a site grows).
size_t store_chunk_count(size_t documents, size_t per_chunk);

// Every file of the folder, the map first. The shards' JSON moves into the
// files: a site's index is the largest thing a build holds.
NamedFiles shard_files(IndexShards shards, const ShardFilesOptions& options);

// Which of a batch's shard files, by name (as shard_files names them) and
// IndexShard::digest, are kept as the last build left them: per shard, the
// kept file's size, or -1 when it must be made.
using KeepFiles = std::function<std::vector<int64_t>(const std::vector<std::string>& names,
                                                     const std::vector<std::string>& digests)>;

// The same files, formatted and handed to `emit` `batch_shards` shards at a
// time, so that no more than a batch of the index is held as JSON; the
// other files and the map come in the last batch. Stops at the first batch
// `emit` refuses, and returns false then. With `keep`, each batch's shards
// are described (IndexShard::digest) and offered to it first, and those
// it keeps are neither formatted nor emitted (the map lists them all).
bool stream_shard_files(const ShardPlan& plan, const ShardFilesOptions& options,
                        size_t batch_shards, const std::function<bool(NamedFiles)>& emit,
                        const KeepFiles& keep = nullptr);

}  // namespace agora
