#pragma once
// Precompressed copies (.gz, .br) of text files, so servers can send them
// as is and mirrors ship them ready.

#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "output/site_files.h"

namespace agora {
class FileSystem;
}

namespace agora {

// Files must be strictly larger than this to get compressed copies.
inline constexpr size_t kPrecompressMinBytes = 1024;

// True when the extension names a text format worth compressing (html, css,
// js, json, xml, txt, svg, csv, webmanifest, ...). Case-insensitive.
bool is_text_path(std::string_view path);

// The levels are where more CPU stops buying bytes. On the pages and search
// files of a 1,000-document site (bench/gen-bench-site.js, 2,356 text files,
// 54.7 MB; CPU seconds of node's zlib, one core, loaded machine) the copies
// came to:
//
//   gzip 9: 22.1%, 2.5 s       gzip 6: 22.6%, 1.3 s
//   brotli 11: 16.9%, 113 s    brotli 9: 19.9%, 39 s    brotli 7: 20.0%, 3.3 s
//   brotli 6: 20.1%, 2.3 s     brotli 5: 20.3%, 2.3 s   brotli 4: 21.7%, 1.7 s
//
// Brotli 11 saves a reader 16% of brotli 6's bytes for 48 times its CPU; on
// every edit the search shards change and would be compressed again, and a
// 10,000-document cold build would spend about 20 CPU minutes on it. So:
// gzip 6 and brotli 6, for every size.
//
// gzip is made by libdeflate, not zlib. On every tenth text file of a
// 10,000-document build (4,747 files, 141.9 MB; CPU seconds, one core,
// quiet machine, 2026-12-01):
//
//   zlib 6: 20.79%, 1.82 s      libdeflate 6: 20.50%, 0.91 s
//   libdeflate 9: 20.13%, 2.44 s
//   decompressing them all: zlib 0.32 s, libdeflate 0.13 s (brotli 0.27 s)
//
// Half the CPU for smaller files. A build without its output folder
// reads every cache entry it reuses, and checks it: by its seal when it has
// one made with this user's key (a SHA-256 of the copy), else by
// decompressing it. At 10,000 documents (bench/gen-bench-site.js, 94,162
// copies; builds into an empty folder, alternated, 2026-12-03) the seals
// took the user CPU of a build from 23.4-23.7 s to 18.2-18.5 s.

// gzip (RFC 1952) by libdeflate at level 6. The header is fixed, no file
// name, mtime 0, OS byte 3 (Unix), so equal input gives equal bytes
// everywhere.
std::string gzip_compress(std::string_view bytes);

// Brotli, quality 6, window 22, text mode. Deterministic.
std::string brotli_compress(std::string_view bytes);

// Decompress gzip or brotli bytes into *out, refusing (false) anything that
// is not one complete, well-formed stream or that would grow past max_bytes:
// a cache entry must decompress to exactly the page, and nothing may make
// the build inflate a bomb.
bool gzip_decompress(std::string_view compressed, size_t max_bytes, std::string* out);
bool brotli_decompress(std::string_view compressed, size_t max_bytes, std::string* out);

// True when a compressed copy saves at least 10% of the raw size.
bool saves_enough(size_t raw_bytes, size_t compressed_bytes);

// Names the compressors and their settings: copies made under another tag
// are not this build's (see OutputRecord).
std::string precompress_tag();

struct PrecompressStats {
  size_t candidates = 0;       // text files over the size threshold
  size_t compressed = 0;       // encodings computed in this run
  size_t cache_hits = 0;       // encodings taken from the cache (or the memo)
  size_t kept = 0;             // copies the output already held (see Precompressor::add)
  size_t memo_hits = 0;        // of which from the memo
  size_t cache_rejected = 0;   // cache entries that did not decompress to their input
  size_t sealed_hits = 0;      // of cache_hits, those taken on their seal, not decompressed
  bool cache_refused = false;  // the cache folder is a symbolic link: not used
};

// A cache entry computed by a run, to be stored once the site is in place
// (see store_precompress_cache).
struct PrecompressCacheWrite {
  std::string path;   // the cache entry
  std::string bytes;  // its bytes, unless `from` is set
  // Else the site file that holds the same bytes (PAGE.br), relative to the
  // folder store_precompress_cache is given: linked, so a build never holds
  // its new entries in memory.
  std::string from;
  bool replaces = false;  // a rejected entry is in the way: removed first
};
using PrecompressCacheWrites = std::vector<PrecompressCacheWrite>;

// For every file of `files` with a text path and more than
// kPrecompressMinBytes, adds PATH.gz and PATH.br (those of `encodings` that
// are named there: "gzip", "br") to *variants when each saves enough. A variant whose path is
// already in `files` is left out. Compression runs on up to `threads` threads (0 = hardware). When
// cache_dir is not empty, encodings are read from and written to cache_dir through fs, keyed by the
// sha256 of the input, so a rebuild compresses only changed content; a cache that cannot be written
// only costs time, so it is not an error.
//
// The cache is not trusted: an entry is used only when it decompresses to
// exactly its input (anything else is recomputed and counted in
// cache_rejected), or when its name carries a seal made with `seal_key`
// and its bytes (an HMAC: see seal_key below), and a cache_dir that is a
// symbolic link is not used at all. New entries are written atomically
// (see FileSystem::write_file_atomic); when `deferred` is not null they are
// appended to it instead, for store_precompress_cache once the output is
// safely in place, so a build killed before then leaves the cache as it
// was. *stats may be null.
//
// `memo`, when not null, holds the encodings one process made or checked in
// an earlier call (agora serve's rebuilds): an entry found there is used as
// it is, without reading or checking the cache, and afterwards the memo
// holds exactly this call's encodings.
//
// `seal_key`, when not empty, is a secret of the user's (util/cache_key.h):
// entries are then written as SHA.TAG.SEAL, SEAL an HMAC under the key of
// SHA.TAG and the entry's SHA-256, and an entry whose seal holds is used
// without decompressing it. Whoever can write the cache but does not hold
// the key (a cache restored from another machine's build) cannot make a
// seal that holds: their entries are checked by decompression, as without
// a key. Without a key, entries are SHA.TAG and always decompressed.
using PrecompressMemo = std::unordered_map<std::string, std::string>;
void precompress_site(FileSystem& fs, const SiteFiles& files, const std::string& cache_dir,
                      unsigned threads, SiteFiles* variants, PrecompressStats* stats,
                      PrecompressCacheWrites* deferred = nullptr,
                      const std::vector<std::string>& encodings = {"br", "gzip"},
                      PrecompressMemo* memo = nullptr, const std::string& seal_key = "");

// precompress_site for a site that arrives in batches (the site writer's):
// the statistics, the deferred cache entries and the memo add up over
// every batch, and a copy is never made for a path the site already has.
class Precompressor {
 public:
  enum class CacheWrites {
    kNow,       // each batch's new entries are written at once
    kDeferred,  // kept, bytes and all, in cache_writes()
    // Kept in cache_writes() as links to the copies the site writes
    // (`from`); copies too small to write keep their bytes.
    kDeferredLinks,
  };
  // `seal_key` as for precompress_site.
  Precompressor(FileSystem& fs, std::string cache_dir, std::vector<std::string> encodings,
                unsigned threads, PrecompressMemo* memo, CacheWrites writes,
                std::string seal_key = "");

  // Adds the copies of `files` to *variants. `shas`: the sha256 hex of each
  // file, in the order of `files`, or empty to have them computed here.
  // taken(PATH) is true for a path the site has outside `files`.
  // kept(PATH, VARIANT, SHA), when given, is true when the output already
  // holds VARIANT made from PATH's bytes of hash SHA, untouched: it is
  // neither made nor read, only named in *kept_variants.
  // *variant_shas, when not null, gets the sha256 hex of each copy added
  // to *variants whose bytes were hashed here (to check or make a seal),
  // by path, so a caller that needs them does not hash the copy again.
  using KeptCopy = std::function<bool(const std::string&, const std::string&, const std::string&)>;
  void add(const SiteFiles& files, const std::vector<std::string>& shas,
           const std::function<bool(const std::string&)>& taken, SiteFiles* variants,
           const KeptCopy& kept = {}, std::vector<std::string>* kept_variants = nullptr,
           std::map<std::string, std::string>* variant_shas = nullptr);
  // Leaves in the memo exactly the encodings of every add() since the start.
  void finish();
  // The copies add() would consider for a file of `bytes` bytes at `path`
  // (PATH.gz, PATH.br, as the encodings name them), each made when it saves
  // enough; none for a small or binary file.
  std::vector<std::string> candidate_variants(const std::string& path, size_t bytes) const;
  // Counts `copies` copies of `files` files the output kept without add()
  // seeing them (see SiteWriter::keep).
  void count_kept(size_t files, size_t copies) {
    stats_.candidates += files;
    stats_.kept += copies;
  }

  const PrecompressStats& stats() const { return stats_; }
  PrecompressCacheWrites& cache_writes() { return writes_; }

 private:
  // The seals the cache holds for entry NAME (SHA.TAG), "" for an entry
  // without one; its folder is listed on first use. Thread-safe.
  std::vector<std::string> seals_of(const std::string& name);

  FileSystem& fs_;
  std::string cache_dir_;
  std::vector<std::string> encodings_;
  unsigned threads_;
  PrecompressMemo* memo_;
  PrecompressMemo fresh_memo_;
  CacheWrites mode_;
  bool use_cache_;
  std::string seal_key_;
  std::mutex seals_mutex_;
  std::set<std::string> listed_;  // cache folders seals_ holds
  std::unordered_map<std::string, std::vector<std::string>> seals_;
  PrecompressStats stats_;
  PrecompressCacheWrites writes_;
};

// Writes deferred cache entries, on `threads` threads (0 = hardware): those
// with bytes atomically, those with `from` as a hard link to
// from_dir/FROM (or, where linking fails, a copy of it). Failures only cost
// time later.
void store_precompress_cache(FileSystem& fs, const PrecompressCacheWrites& writes,
                             unsigned threads = 0, const std::string& from_dir = "");

}  // namespace agora
