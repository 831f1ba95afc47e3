#include "output/precompress.h"

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "output/sha256.h"
#include "util/file_system.h"
#include "util/parallel.h"

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
    {"gzip", ".gz", "gz6-v2", gzip_compress, gzip_decompress},
    {"br", ".br", "br6-w22-v2", brotli_compress, brotli_decompress},
}};

// True when a cache entry decompresses to exactly `bytes`.
bool entry_matches(const Encoding& encoding, std::string_view entry, std::string_view bytes) {
  std::string decoded;
  return !entry.empty() && encoding.decompress(entry, bytes.size(), &decoded) && decoded == bytes;
}

std::string cache_path(const std::string& cache_dir, const std::string& sha,
                       const Encoding& encoding) {
  return join_path(cache_dir, "precompress/" + sha.substr(0, 2) + "/" + sha + "." +
                                  std::string(encoding.cache_tag));
}

std::string memo_key(const std::string& sha, const Encoding& encoding) {
  return sha + "." + std::string(encoding.cache_tag);
}

}  // namespace

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

std::string gzip_compress(std::string_view bytes) {
  z_stream stream{};
  // windowBits 15 + 16 selects the gzip wrapper.
  if (deflateInit2(&stream, kGzipLevel, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  gz_header header{};
  header.os = 3;  // zlib's own default depends on the build platform.
  deflateSetHeader(&stream, &header);

  std::string out;
  out.reserve(bytes.size() / 3 + 64);
  char buffer[1 << 16];
  size_t fed = 0;
  int status = Z_OK;
  while (status == Z_OK) {
    // avail_in is 32 bits wide, so inputs over 4 GB go in slices.
    if (stream.avail_in == 0 && fed < bytes.size()) {
      size_t slice = std::min<size_t>(bytes.size() - fed, 1u << 30);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + fed));
      stream.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = deflate(&stream, fed == bytes.size() ? Z_FINISH : Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  deflateEnd(&stream);
  if (status != Z_STREAM_END) return {};
  return out;
}

std::string brotli_compress(std::string_view bytes) {
  size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  if (size == 0) size = bytes.size() + 1024;
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(kBrotliQuality, 22, BROTLI_MODE_TEXT, bytes.size(),
                             reinterpret_cast<const uint8_t*>(bytes.data()), &size,
                             reinterpret_cast<uint8_t*>(out.data()))) {
    return {};
  }
  out.resize(size);
  return out;
}

bool gzip_decompress(std::string_view compressed, size_t max_bytes, std::string* out) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return false;
  out->clear();
  char buffer[1 << 16];
  size_t fed = 0;
  int status = Z_OK;
  do {
    if (stream.avail_in == 0 && fed < compressed.size()) {
      size_t slice = std::min<size_t>(compressed.size() - fed, 1u << 30);
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data() + fed));
      stream.avail_in = static_cast<uInt>(slice);
      fed += slice;
    }
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) break;
    size_t got = sizeof buffer - stream.avail_out;
    if (out->size() + got > max_bytes) {
      status = Z_DATA_ERROR;
      break;
    }
    out->append(buffer, got);
    // No progress and no input left: the stream is cut short.
    if (status == Z_BUF_ERROR && fed == compressed.size()) break;
  } while (status != Z_STREAM_END);
  // One stream, ending exactly where the bytes end: a truncated entry or
  // trailing bytes mean the file is not what was written.
  bool ok = status == Z_STREAM_END && stream.avail_in == 0 && fed == compressed.size();
  inflateEnd(&stream);
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

void store_precompress_cache(FileSystem& fs, const PrecompressCacheWrites& writes,
                             unsigned threads) {
  // Like the site's files, on several threads: each entry is a new inode.
  agora::parallel_for(
      writes.size(),
      [&](size_t i) {
        std::string err;
        fs.write_file_atomic(writes[i].first, writes[i].second, &err);
      },
      threads);
}

void precompress_site(FileSystem& fs, const SiteFiles& files, const std::string& cache_dir,
                      unsigned threads, SiteFiles* variants, PrecompressStats* stats,
                      PrecompressCacheWrites* deferred, const std::vector<std::string>& encodings,
                      PrecompressMemo* memo) {
  struct Job {
    const std::string* path;
    const std::string* bytes;
    const Encoding* encoding;
    std::string sha;
    std::string output;
    bool cached = false;
    bool rejected = false;  // a cache entry was there but wrong
    bool memoized = false;  // taken from the memo
  };
  std::vector<Job> jobs;
  size_t candidates = 0;
  for (const auto& [path, bytes] : files) {
    if (bytes.size() <= kPrecompressMinBytes || !is_text_path(path)) continue;
    ++candidates;
    for (const Encoding& encoding : kEncodings) {
      if (std::find(encodings.begin(), encodings.end(), encoding.name) == encodings.end()) continue;
      if (files.count(path + std::string(encoding.suffix))) continue;
      jobs.push_back(Job{&path, &bytes, &encoding, {}, {}, false, false});
    }
  }

  // A linked cache folder could hand in files from, or write them to,
  // anywhere: do without it.
  bool refused = !cache_dir.empty() && fs.is_symlink(cache_dir);
  const bool use_cache = !cache_dir.empty() && !refused;
  if (use_cache || memo) {
    // The encodings of one file are neighbours in `jobs` and share a hash.
    auto first_of_file = [&](size_t i) { return i == 0 || jobs[i - 1].path != jobs[i].path; };
    agora::parallel_for(
        jobs.size(),
        [&](size_t i) {
          if (first_of_file(i)) jobs[i].sha = sha256_hex(*jobs[i].bytes);
        },
        threads);
    for (size_t i = 0; i < jobs.size(); ++i) {
      if (!first_of_file(i)) jobs[i].sha = jobs[i - 1].sha;
    }
  }
  if (memo) {
    for (Job& job : jobs) {
      auto it = memo->find(memo_key(job.sha, *job.encoding));
      if (it == memo->end()) continue;
      job.output = it->second;
      job.cached = job.memoized = true;
    }
  }
  if (use_cache) {
    // Checking costs a decompression, far less than compressing again.
    agora::parallel_for(
        jobs.size(),
        [&](size_t i) {
          Job& job = jobs[i];
          std::string err;
          if (job.memoized ||
              !fs.read_file(cache_path(cache_dir, job.sha, *job.encoding), &job.output, &err)) {
            return;
          }
          job.cached = entry_matches(*job.encoding, job.output, *job.bytes);
          job.rejected = !job.cached;
        },
        threads);
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
      },
      threads);

  size_t compressed = 0, hits = 0, rejected = 0, memo_hits = 0;
  PrecompressCacheWrites writes;
  if (memo) memo->clear();
  for (Job& job : jobs) {
    rejected += job.rejected;
    memo_hits += job.memoized;
    if (job.cached) {
      ++hits;
    } else {
      ++compressed;
      if (use_cache && !job.output.empty()) {
        writes.emplace_back(cache_path(cache_dir, job.sha, *job.encoding), job.output);
      }
    }
    if (memo && !job.output.empty()) (*memo)[memo_key(job.sha, *job.encoding)] = job.output;
    if (saves_enough(job.bytes->size(), job.output.size())) {
      (*variants)[*job.path + std::string(job.encoding->suffix)] = std::move(job.output);
    }
  }
  if (deferred) {
    deferred->insert(deferred->end(), std::make_move_iterator(writes.begin()),
                     std::make_move_iterator(writes.end()));
  } else {
    store_precompress_cache(fs, writes, threads);
  }
  if (stats) *stats = PrecompressStats{candidates, compressed, hits, memo_hits, rejected, refused};
}

}  // namespace agora
