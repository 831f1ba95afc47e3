#include "output/precompress.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "util/file_system.h"
#include "util/parallel.h"
#include "util/sha256.h"

namespace agora {

namespace {

// See precompress.h for why these levels.
constexpr int kGzipLevel = 6;
constexpr int kBrotliQuality = 6;

constexpr std::array<std::string_view, 17> kTextExtensions = {
    "atom", "css", "csv", "htm", "html", "ics", "js",          "json", "map",
    "md",   "mjs", "rss", "svg", "tsv",  "txt", "webmanifest", "xml"};

// Encoding suffix plus a version tag in cache file names: changing a
// compression parameter must not serve stale cache entries.
struct Encoding {
  std::string_view name;       // "gzip", as site.yaml's compress: names it
  std::string_view suffix;     // ".gz"
  std::string_view cache_tag;  // "gz9-v1"
  std::string (*compress)(std::string_view);
  bool (*decompress)(std::string_view, size_t, std::string*);
};
constexpr std::array<Encoding, 2> kEncodings = {{
    {"gzip", ".gz", "gz6-libdeflate-v3", gzip_compress, gzip_decompress},
    {"br", ".br", "br6-w22-v2", brotli_compress, brotli_decompress},
}};

// True when a cache entry decompresses to exactly `bytes`.
bool entry_matches(const Encoding& encoding, std::string_view entry, std::string_view bytes) {
  std::string decoded;
  return !entry.empty() && encoding.decompress(entry, bytes.size(), &decoded) && decoded == bytes;
}

// An entry's name before its seal: SHA.TAG.
std::string entry_name(const std::string& sha, const Encoding& encoding) {
  return sha + "." + std::string(encoding.cache_tag);
}

std::string cache_folder(const std::string& cache_dir, std::string_view name) {
  return join_path(cache_dir, "precompress/" + std::string(name.substr(0, 2)));
}

// The entry NAME, or NAME.SEAL.
std::string cache_path(const std::string& cache_dir, const std::string& name,
                       const std::string& seal = "") {
  return join_path(cache_folder(cache_dir, name), seal.empty() ? name : name + "." + seal);
}

// 128 bits of the HMAC: forging one still takes the key.
constexpr size_t kSealDigits = 32;

// The seal of entry NAME whose bytes have the SHA-256 `entry_sha`.
std::string seal_of(const std::string& key, const std::string& name, const std::string& entry_sha) {
  std::string message = name;
  message.push_back('\0');
  message += entry_sha;
  return hmac_sha256_hex(key, message).substr(0, kSealDigits);
}

bool is_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Which files get copies, and in which encodings: add() and
// candidate_variants() must agree.
bool compressible(std::string_view path, size_t bytes) {
  return bytes > kPrecompressMinBytes && is_text_path(path);
}
bool wanted(const std::vector<std::string>& encodings, const Encoding& encoding) {
  return std::find(encodings.begin(), encodings.end(), encoding.name) != encodings.end();
}

std::string memo_key(const std::string& sha, const Encoding& encoding) {
  return sha + "." + std::string(encoding.cache_tag);
}

}  // namespace

std::string precompress_tag() {
  std::string tag;
  for (const Encoding& encoding : kEncodings) {
    if (!tag.empty()) tag += ' ';
    tag += encoding.cache_tag;
  }
  return tag;
}

bool is_text_path(std::string_view path) {
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return false;
  }
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kTextExtensions.begin(), kTextExtensions.end(), ext) != kTextExtensions.end();
}

namespace {

// libdeflate's state is a few hundred KB: one per thread, made once.
struct GzipCodec {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(kGzipLevel);
  libdeflate_decompressor* decompressor = libdeflate_alloc_decompressor();
  ~GzipCodec() {
    libdeflate_free_compressor(compressor);
    libdeflate_free_decompressor(decompressor);
  }
};
GzipCodec& gzip_codec() {
  thread_local GzipCodec codec;
  return codec;
}

// Room for a compressor's worst case, kept per thread: a string made at
// the bound for each file was zeroed whole before being filled (1% of an
// edit's CPU), and held five times the memory its copy needs until
// written. Room for a file larger than pages and shards is let go after
// use, so that a thread does not hold it to its end.
constexpr size_t kKeptRoom = size_t{4} << 20;
std::string& room_for(size_t bytes) {
  thread_local std::string room;
  if (room.size() < bytes) room.resize(bytes);
  return room;
}
std::string taken(std::string& room, size_t size) {
  std::string out(room.data(), size);
  if (room.size() > kKeptRoom) std::string().swap(room);
  return out;
}

}  // namespace

std::string gzip_compress(std::string_view bytes) {
  libdeflate_compressor* compressor = gzip_codec().compressor;
  if (!compressor) return {};
  const size_t bound = libdeflate_gzip_compress_bound(compressor, bytes.size());
  std::string& room = room_for(bound);
  const size_t size =
      libdeflate_gzip_compress(compressor, bytes.data(), bytes.size(), room.data(), bound);
  std::string out = taken(room, size);
  if (size == 0) return {};
  out[9] = 3;  // the OS byte: Unix, as zlib wrote it, where libdeflate writes "unknown"
  return out;
}

std::string brotli_compress(std::string_view bytes) {
  size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  if (size == 0) size = bytes.size() + 1024;
  std::string& room = room_for(size);
  const bool ok = BrotliEncoderCompress(kBrotliQuality, 22, BROTLI_MODE_TEXT, bytes.size(),
                                        reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                                        reinterpret_cast<uint8_t*>(room.data()));
  std::string out = taken(room, ok ? size : 0);
  if (!ok) return {};
  return out;
}

bool gzip_decompress(std::string_view compressed, size_t max_bytes, std::string* out) {
  out->clear();
  // The trailer's last field is the size the stream decompresses to, modulo
  // 2^32 (libdeflate checks it): the output is allocated once, never past
  // max_bytes, so nothing can make the build inflate a bomb. A stream of 4
  // GiB or more does not fit and is refused.
  if (compressed.size() < 18) return false;
  const auto* end = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size());
  const size_t size =
      size_t(end[-4]) | size_t(end[-3]) << 8 | size_t(end[-2]) << 16 | size_t(end[-1]) << 24;
  libdeflate_decompressor* decompressor = gzip_codec().decompressor;
  if (size > max_bytes || !decompressor) return false;
  out->resize(size);
  size_t read = 0, written = 0;
  // One stream, ending exactly where the bytes end: a truncated entry or
  // trailing bytes mean the file is not what was written.
  const bool ok =
      libdeflate_gzip_decompress_ex(decompressor, compressed.data(), compressed.size(), out->data(),
                                    out->size(), &read, &written) == LIBDEFLATE_SUCCESS &&
      read == compressed.size() && written == size;
  if (!ok) out->clear();
  return ok;
}

bool brotli_decompress(std::string_view compressed, size_t max_bytes, std::string* out) {
  BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!state) return false;
  out->clear();
  size_t available_in = compressed.size();
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(compressed.data());
  uint8_t buffer[1 << 16];
  BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
  while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
    size_t available_out = sizeof buffer;
    uint8_t* next_out = buffer;
    result = BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out,
                                           &next_out, nullptr);
    size_t got = sizeof buffer - available_out;
    if (out->size() + got > max_bytes) {
      result = BROTLI_DECODER_RESULT_ERROR;
      break;
    }
    out->append(reinterpret_cast<const char*>(buffer), got);
  }
  bool ok = result == BROTLI_DECODER_RESULT_SUCCESS && available_in == 0;
  BrotliDecoderDestroyInstance(state);
  return ok;
}

bool saves_enough(size_t raw_bytes, size_t compressed_bytes) {
  return compressed_bytes > 0 && compressed_bytes * 10 <= raw_bytes * 9;
}

void store_precompress_cache(FileSystem& fs, const PrecompressCacheWrites& writes, unsigned threads,
                             const std::string& from_dir) {
  // Like the site's files, on several threads: each entry is a new inode.
  agora::parallel_for(
      writes.size(),
      [&](size_t i) {
        const PrecompressCacheWrite& write = writes[i];
        std::string err, bytes;
        if (write.from.empty()) {
          fs.write_file_atomic(write.path, write.bytes, &err);
          return;
        }
        // A link appears whole, like an atomic write; only a rejected entry
        // is in its way.
        if (write.replaces && !fs.remove_all(write.path, &err)) return;
        const std::string from = join_path(from_dir, write.from);
        if (!fs.hard_link(from, write.path, &err) && fs.read_file(from, &bytes, &err)) {
          fs.write_file_atomic(write.path, bytes, &err);
        }
      },
      threads);
}

Precompressor::Precompressor(FileSystem& fs, std::string cache_dir,
                             std::vector<std::string> encodings, unsigned threads,
                             PrecompressMemo* memo, CacheWrites writes, std::string seal_key)
    : fs_(fs),
      cache_dir_(std::move(cache_dir)),
      encodings_(std::move(encodings)),
      threads_(threads),
      memo_(memo),
      mode_(writes),
      seal_key_(std::move(seal_key)) {
  // A linked cache folder could hand in files from, or write them to,
  // anywhere: do without it.
  stats_.cache_refused = !cache_dir_.empty() && fs_.is_symlink(cache_dir_);
  use_cache_ = !cache_dir_.empty() && !stats_.cache_refused;
}

std::vector<std::string> Precompressor::candidate_variants(const std::string& path,
                                                           size_t bytes) const {
  std::vector<std::string> out;
  if (!compressible(path, bytes)) return out;
  for (const Encoding& encoding : kEncodings) {
    if (wanted(encodings_, encoding)) out.push_back(path + std::string(encoding.suffix));
  }
  return out;
}

std::vector<std::string> Precompressor::seals_of(const std::string& name) {
  std::lock_guard<std::mutex> lock(seals_mutex_);
  const std::string folder = cache_folder(cache_dir_, name);
  if (listed_.insert(folder).second && fs_.is_directory(folder)) {
    // SHA.TAG[.SEAL]; anything else (a temporary file) is no entry.
    for (const std::string& file : fs_.list_files(folder)) {
      const size_t tag_dot = file.find('.');
      if (tag_dot != 64 || !is_hex(std::string_view(file).substr(0, tag_dot))) continue;
      const size_t seal_dot = file.find('.', tag_dot + 1);
      if (seal_dot == std::string::npos) {
        seals_[file].emplace_back();
      } else if (file.size() - seal_dot - 1 == kSealDigits &&
                 is_hex(std::string_view(file).substr(seal_dot + 1))) {
        seals_[file.substr(0, seal_dot)].push_back(file.substr(seal_dot + 1));
      }
    }
  }
  auto it = seals_.find(name);
  if (it == seals_.end()) return {};
  std::vector<std::string> seals = it->second;
  std::sort(seals.begin(), seals.end());  // the unsealed entry, "", first
  return seals;
}

void Precompressor::add(const SiteFiles& files, const std::vector<std::string>& shas,
                        const std::function<bool(const std::string&)>& taken, SiteFiles* variants,
                        const KeptCopy& kept, std::vector<std::string>* kept_variants,
                        std::map<std::string, std::string>* variant_shas) {
  struct Job {
    const std::string* path;
    const std::string* bytes;
    const Encoding* encoding;
    size_t file;  // index in `files`, for its sha
    std::string output{};
    bool cached = false;
    bool rejected = false;             // a cache entry was there but wrong
    bool memoized = false;             // taken from the memo
    bool kept = false;                 // the output holds it already
    bool sealed = false;               // taken on its seal
    std::vector<std::string> seals{};  // the entry's, found in the cache (sealing)
    std::string seal{};                // this key's seal of `output`, for its entry
    std::string output_sha{};          // of `output`, when sealing hashed it
  };
  std::vector<Job> jobs;
  std::vector<std::string> computed;
  const bool need_sha = use_cache_ || memo_ || kept;
  const bool sealing = !seal_key_.empty();
  size_t index = 0;
  for (const auto& [path, bytes] : files) {
    const size_t file = index++;
    if (!compressible(path, bytes.size())) continue;
    ++stats_.candidates;
    for (const Encoding& encoding : kEncodings) {
      if (!wanted(encodings_, encoding)) continue;
      const std::string variant = path + std::string(encoding.suffix);
      if (files.count(variant) || taken(variant)) continue;
      jobs.push_back(Job{&path, &bytes, &encoding, file});
    }
  }
  if (need_sha && shas.empty()) {
    // Only the files with a job need a hash.
    computed.resize(files.size());
    std::vector<std::pair<size_t, const std::string*>> hashed;
    for (const Job& job : jobs) {
      if (hashed.empty() || hashed.back().first != job.file)
        hashed.emplace_back(job.file, job.bytes);
    }
    agora::parallel_for(
        hashed.size(), [&](size_t i) { computed[hashed[i].first] = sha256_hex(*hashed[i].second); },
        threads_);
  }
  const std::vector<std::string>& sha_of = shas.empty() ? computed : shas;

  if (memo_) {
    for (Job& job : jobs) {
      auto it = memo_->find(memo_key(sha_of[job.file], *job.encoding));
      if (it == memo_->end()) continue;
      job.output = it->second;
      job.cached = job.memoized = true;
    }
  }
  if (use_cache_ || kept) {
    // Checking costs a hash (sealed) or a decompression, far less than
    // compressing again; a copy the output holds costs neither.
    agora::parallel_for(
        jobs.size(),
        [&](size_t i) {
          Job& job = jobs[i];
          if (job.memoized) return;
          if (kept &&
              kept(*job.path, *job.path + std::string(job.encoding->suffix), sha_of[job.file])) {
            job.kept = job.cached = true;
            return;
          }
          if (!use_cache_) return;
          std::string err;
          const std::string name = entry_name(sha_of[job.file], *job.encoding);
          if (!sealing) {
            if (!fs_.read_file(cache_path(cache_dir_, name), &job.output, &err)) return;
            job.cached = entry_matches(*job.encoding, job.output, *job.bytes);
            job.rejected = !job.cached;
            return;
          }
          // An entry sealed with this key is taken on its seal; else the
          // first (unsealed, another key's, or spoilt) that decompresses to
          // the input.
          job.seals = seals_of(name);
          auto read = [&](const std::string& seal) {
            return fs_.read_file(cache_path(cache_dir_, name, seal), &job.output, &err);
          };
          for (const std::string& seal : job.seals) {
            if (seal.empty() || !read(seal)) continue;
            std::string sha = sha256_hex(job.output);
            if (seal == seal_of(seal_key_, name, sha)) {
              job.output_sha = std::move(sha);
              job.cached = job.sealed = true;
              return;
            }
          }
          for (const std::string& seal : job.seals) {
            if (!read(seal)) continue;
            job.cached = entry_matches(*job.encoding, job.output, *job.bytes);
            if (job.cached) return;
            job.rejected = true;
          }
          job.output.clear();
        },
        threads_);
  }

  // Largest first: one big search index started last would leave every
  // other core idle while it finishes.
  std::vector<size_t> order(jobs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return jobs[a].bytes->size() > jobs[b].bytes->size();
  });
  agora::parallel_for(
      order.size(),
      [&](size_t k) {
        Job& job = jobs[order[k]];
        if (!job.cached) job.output = job.encoding->compress(*job.bytes);
        // An entry is written for every copy not taken from the memo, the
        // output or a sealed entry: this key's seal is its name.
        if (sealing && use_cache_ && !job.memoized && !job.kept && !job.sealed &&
            !job.output.empty()) {
          job.output_sha = sha256_hex(job.output);
          job.seal =
              seal_of(seal_key_, entry_name(sha_of[job.file], *job.encoding), job.output_sha);
        }
      },
      threads_);

  PrecompressCacheWrites writes;
  for (Job& job : jobs) {
    if (job.kept) {
      ++stats_.kept;
      if (kept_variants) kept_variants->push_back(*job.path + std::string(job.encoding->suffix));
      continue;
    }
    const std::string& sha = sha_of[job.file];
    stats_.cache_rejected += job.rejected;
    stats_.memo_hits += job.memoized;
    stats_.sealed_hits += job.sealed;
    const bool fresh = !job.cached && !job.output.empty();
    if (job.cached) {
      ++stats_.cache_hits;
    } else {
      ++stats_.compressed;
    }
    if (memo_ && !job.output.empty()) fresh_memo_[memo_key(sha, *job.encoding)] = job.output;
    const bool kept = saves_enough(job.bytes->size(), job.output.size());
    const std::string variant = *job.path + std::string(job.encoding->suffix);
    if (use_cache_ && (fresh || !job.seal.empty())) {
      // A file at the sealed name that was not taken is spoilt: replaced.
      const bool replaces =
          sealing ? std::find(job.seals.begin(), job.seals.end(), job.seal) != job.seals.end()
                  : job.rejected;
      PrecompressCacheWrite write{
          cache_path(cache_dir_, entry_name(sha, *job.encoding), job.seal), {}, {}, replaces};
      if (kept && mode_ == CacheWrites::kDeferredLinks) {
        write.from = variant;
      } else {
        write.bytes = job.output;
      }
      writes.push_back(std::move(write));
    }
    if (!kept) continue;
    if (variant_shas && !job.output_sha.empty()) (*variant_shas)[variant] = job.output_sha;
    (*variants)[variant] = std::move(job.output);
  }
  if (mode_ == CacheWrites::kNow) {
    store_precompress_cache(fs_, writes, threads_);
  } else {
    writes_.insert(writes_.end(), std::make_move_iterator(writes.begin()),
                   std::make_move_iterator(writes.end()));
  }
}

void Precompressor::finish() {
  if (memo_) *memo_ = std::move(fresh_memo_);
  fresh_memo_.clear();
}

void precompress_site(FileSystem& fs, const SiteFiles& files, const std::string& cache_dir,
                      unsigned threads, SiteFiles* variants, PrecompressStats* stats,
                      PrecompressCacheWrites* deferred, const std::vector<std::string>& encodings,
                      PrecompressMemo* memo, const std::string& seal_key) {
  using CacheWrites = Precompressor::CacheWrites;
  Precompressor precompressor(fs, cache_dir, encodings, threads, memo,
                              deferred ? CacheWrites::kDeferred : CacheWrites::kNow, seal_key);
  precompressor.add(
      files, {}, [](const std::string&) { return false; }, variants);
  precompressor.finish();
  if (deferred) {
    auto& writes = precompressor.cache_writes();
    deferred->insert(deferred->end(), std::make_move_iterator(writes.begin()),
                     std::make_move_iterator(writes.end()));
  }
  if (stats) *stats = precompressor.stats();
}

}  // namespace agora
