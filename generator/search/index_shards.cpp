#include "search/index_shards.h"

#include <libdeflate.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <limits>

#include "search/js_number.h"
#include "search/json_writer.h"
#include "util/parallel.h"
#include "util/sha256.h"

namespace agora {
namespace {

// Guess of a posting's length in the JSON: a document's place in the
// shard (three digits), its term frequency and two commas. The estimate's
// bias is corrected by the measured ratio, which compares estimates with
// real compressed sizes.
constexpr size_t kPostingBytes = 6;
// Ratio of estimated JSON bytes to deflated bytes assumed before a sample
// has been measured.
constexpr double kFirstRatio = 5.0;
// Shards compressed to measure the ratio (evenly spread over the range),
// and how many times the plan is corrected by a measurement.
constexpr size_t kSampleShards = 16;
constexpr int kPlanRounds = 2;

// The labels of the language's search pipeline as a JSON array, as
// index.json lists them: ["stemmer"] for English, ["trimmer-fr", ...].
std::string pipeline_json(const SearchLanguage& language) {
  std::string out = "[";
  for (std::string_view label : language.search_pipeline()) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(out, label);
  }
  out.push_back(']');
  return out;
}
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

size_t decimal_digits(uint64_t value) {
  size_t digits = 1;
  for (; value >= 10; value /= 10) ++digits;
  return digits;
}

// Deflate at the gzip copies' level 6, by libdeflate: zlib at level 9 took
// about 0.3 s of CPU of a one-edit rebuild at 10,000 documents (perf), for
// a ratio that only sets where shards end.
size_t deflated_size(const std::string& text) {
  libdeflate_compressor* compressor = libdeflate_alloc_compressor(6);
  if (!compressor) throw std::bad_alloc();
  std::string out(libdeflate_deflate_compress_bound(compressor, text.size()), '\0');
  const size_t size =
      libdeflate_deflate_compress(compressor, text.data(), text.size(), out.data(), out.size());
  libdeflate_free_compressor(compressor);
  return size;
}

}  // namespace

// Reads an IndexBuilder's entries (it is a friend) and formats shards.
class IndexShardWriter {
 public:
  // Reads each posting's document and frequency out of the entries once,
  // on `threads`.
  IndexShardWriter(const IndexBuilder& builder, unsigned threads);

  // What plan() reads of the index, laid out for its passes: at 10,000
  // documents the three passes through the entries themselves took about
  // 0.45 s of a rebuild (perf), reading 16-byte entries out of order.
  struct PlanInput {
    std::vector<size_t> fixed;      // per term, in order_: its bytes in any shard
    std::vector<size_t> doc_bytes;  // per document: its bytes in a shard's docs
  };
  PlanInput plan_input(unsigned threads) const;
  // Cuts the sorted terms where a shard's estimated JSON size would pass
  // `limit`. Returns the start of each shard in term order, then the term
  // count; *estimates gets each shard's estimated size.
  std::vector<size_t> plan(const PlanInput& in, double limit, std::vector<size_t>* estimates) const;
  // Estimated JSON bytes per gzip byte, from a sample of planned shards.
  double measure_ratio(const std::vector<size_t>& starts, const std::vector<size_t>& estimates,
                       unsigned threads) const;
  // Where the shards start, planned to `options.target_bytes` compressed.
  std::vector<size_t> plan_shards(const ShardOptions& options) const;
  // The shard of the terms [begin, end) in term order.
  std::string format(size_t begin, size_t end) const;
  // IndexShard::digest of that shard.
  std::string digest(size_t begin, size_t end) const;
  // Shards [begin, end) of those `starts` plans, without their JSON; their
  // digests only when asked for (about two fifths of the cost of formatting
  // them, at 10,000 documents).
  std::vector<IndexShard> describe(const std::vector<size_t>& starts, size_t begin, size_t end,
                                   unsigned threads, bool digests) const;
  // The JSON of the shards `wanted` marks; shards[k] is shard begin + k.
  void format_wanted(const std::vector<size_t>& starts, size_t begin,
                     std::vector<IndexShard>* shards, const std::vector<char>* wanted,
                     unsigned threads) const;
  IndexShards outline() const;  // all but the shards

 private:
  std::string lengths_json() const;  // see IndexShards::lengths_json
  // Postings of term t in field f: postings_.entry_ids[from, to); a term's
  // fields follow each other, so [from(t, 0), to(t, nf - 1)) is all of them.
  uint64_t from(uint32_t t, size_t f) const { return postings_.start[t * nf_ + f]; }
  uint64_t to(uint32_t t, size_t f) const { return postings_.start[t * nf_ + f + 1]; }
  const IndexBuilder::Entry& entry(uint64_t p) const { return b_.entries_[postings_.entry_ids[p]]; }
  // Bytes the i-th term in order adds to a shard: its entry, and each
  // document it names that the shard does not list yet (doc_shard: the
  // last shard that did).
  size_t term_bytes(const PlanInput& in, size_t i, uint32_t shard,
                    const std::vector<uint32_t>& doc_shard) const;

  const IndexBuilder& b_;
  const size_t nf_;
  const std::vector<uint32_t> order_;
  const IndexBuilder::Postings postings_;
  // Per posting (postings_ order): its document and its frequency, side by
  // side for the plan's passes and the digests, which read a shard's
  // postings as two runs of memory rather than entries out of order: the
  // digests of every shard at 10,000 documents took longer than formatting
  // them when they read the entries.
  std::vector<uint32_t> posting_docs_, posting_frequencies_;
};

IndexShardWriter::IndexShardWriter(const IndexBuilder& builder, unsigned threads)
    : b_(builder),
      nf_(builder.fields_.size()),
      order_(builder.sorted_term_ids()),
      postings_(builder.postings()) {
  posting_docs_.resize(postings_.entry_ids.size());
  posting_frequencies_.resize(postings_.entry_ids.size());
  parallel_for(
      order_.size(),
      [&](size_t i) {
        const uint32_t t = order_[i];
        for (uint64_t p = from(t, 0); p < to(t, nf_ - 1); ++p) {
          const IndexBuilder::Entry& e = entry(p);
          posting_docs_[p] = e.doc;
          posting_frequencies_[p] = e.frequency;
        }
      },
      threads);
}

IndexShardWriter::PlanInput IndexShardWriter::plan_input(unsigned threads) const {
  PlanInput in;
  in.fixed.resize(order_.size());
  parallel_for(
      order_.size(),
      [&](size_t i) {
        const uint32_t t = order_[i];
        size_t bytes = b_.terms_[t].size() + 6 + decimal_digits(t) + 3 * nf_;
        const uint64_t first = from(t, 0), last = to(t, nf_ - 1);
        bytes += kPostingBytes * (last - first);
        if (b_.positions_) {
          for (uint64_t p = first; p < last; ++p) bytes += 10 * size_t(posting_frequencies_[p]);
        }
        in.fixed[i] = bytes;
      },
      threads);
  in.doc_bytes.resize(b_.refs_.size());
  for (size_t d = 0; d < in.doc_bytes.size(); ++d) {
    in.doc_bytes[d] = b_.ref_json_[d].size() + decimal_digits(d) + 2;
  }
  return in;
}

size_t IndexShardWriter::term_bytes(const PlanInput& in, size_t i, uint32_t shard,
                                    const std::vector<uint32_t>& doc_shard) const {
  const uint32_t t = order_[i];
  size_t bytes = in.fixed[i];
  for (uint64_t p = from(t, 0); p < to(t, nf_ - 1); ++p) {
    const uint32_t doc = posting_docs_[p];
    if (doc_shard[doc] != shard) bytes += in.doc_bytes[doc];
  }
  return bytes;
}

std::vector<size_t> IndexShardWriter::plan(const PlanInput& in, double limit,
                                           std::vector<size_t>* estimates) const {
  constexpr size_t kEmptyShard = sizeof "{\"docs\":[],\"terms\":[]}" - 1;
  std::vector<size_t> starts;
  estimates->clear();
  std::vector<uint32_t> doc_shard(b_.refs_.size(), kNone);
  uint32_t shard = 0;
  size_t bytes = 0;
  for (size_t i = 0; i < order_.size(); ++i) {
    const uint32_t t = order_[i];
    size_t add = term_bytes(in, i, shard, doc_shard);
    if (starts.empty() || double(bytes + add) > limit) {
      if (!starts.empty()) {
        estimates->push_back(bytes);
        ++shard;
        add = term_bytes(in, i, shard, doc_shard);
      }
      starts.push_back(i);
      bytes = kEmptyShard;
    }
    bytes += add;
    for (uint64_t p = from(t, 0); p < to(t, nf_ - 1); ++p) doc_shard[posting_docs_[p]] = shard;
  }
  if (!starts.empty()) estimates->push_back(bytes);
  starts.push_back(order_.size());
  return starts;
}

double IndexShardWriter::measure_ratio(const std::vector<size_t>& starts,
                                       const std::vector<size_t>& estimates,
                                       unsigned threads) const {
  const size_t count = starts.size() - 1;
  const size_t samples = std::min(count, kSampleShards);
  if (samples == 0) return kFirstRatio;
  std::vector<size_t> picked(samples), compressed(samples);
  for (size_t s = 0; s < samples; ++s) picked[s] = s * count / samples;
  parallel_for(
      samples,
      [&](size_t s) {
        compressed[s] = deflated_size(format(starts[picked[s]], starts[picked[s] + 1]));
      },
      threads);
  // The median, so that shards of one huge term (which compress better)
  // do not pull the ratio for all the others.
  std::vector<double> ratios(samples);
  for (size_t s = 0; s < samples; ++s) {
    ratios[s] = double(estimates[picked[s]]) / double(std::max<size_t>(compressed[s], 1));
  }
  std::nth_element(ratios.begin(), ratios.begin() + samples / 2, ratios.end());
  return ratios[samples / 2];
}

std::string IndexShardWriter::format(size_t begin, size_t end) const {
  // Written straight into a buffer sized for the worst case, then copied
  // out once: appending numbers one std::to_string at a time, and the
  // string's growth, were most of a second of CPU at 10,000 documents.
  // The documents the shard's postings name, each once, in document order;
  // place[doc] is a document's place in the shard + 1 while it is formatted.
  thread_local std::vector<uint32_t> place;
  place.resize(b_.refs_.size(), 0);
  std::vector<uint32_t> docs;
  size_t room = 32;
  for (size_t i = begin; i < end; ++i) {
    const uint32_t t = order_[i];
    room += 6 * b_.terms_[t].size() + 16 + 3 * nf_;
    for (uint64_t p = from(t, 0); p < to(t, nf_ - 1); ++p) {
      const IndexBuilder::Entry& e = entry(p);
      if (place[e.doc] == 0) {
        place[e.doc] = 1;
        docs.push_back(e.doc);
      }
      room += 22 + (b_.positions_ ? 22 * size_t(e.frequency) : 0);
    }
  }
  std::sort(docs.begin(), docs.end());
  for (size_t k = 0; k < docs.size(); ++k) {
    place[docs[k]] = static_cast<uint32_t>(k + 1);
    room += 12 + b_.ref_json_[docs[k]].size();
  }
  thread_local std::string buffer;
  if (buffer.size() < room) buffer.resize(room);
  char* out = buffer.data();
  auto text = [&](std::string_view s) {
    std::memcpy(out, s.data(), s.size());
    out += s.size();
  };
  auto number = [&](uint64_t n) { out = std::to_chars(out, out + 20, n).ptr; };
  std::string term;
  text("{\"docs\":[");
  for (size_t k = 0; k < docs.size(); ++k) {
    if (k != 0) *out++ = ',';
    number(docs[k]);
    *out++ = ',';
    text(b_.ref_json_[docs[k]]);
  }
  text("],\"terms\":[");
  for (size_t i = begin; i < end; ++i) {
    const uint32_t t = order_[i];
    text(i == begin ? "[" : ",[");
    term.clear();
    append_json_string(term, b_.terms_[t]);
    text(term);
    *out++ = ',';
    number(t);
    for (size_t f = 0; f < nf_; ++f) {
      text(",[");
      for (uint64_t p = from(t, f); p < to(t, f); ++p) {
        const IndexBuilder::Entry& e = entry(p);
        if (p != from(t, f)) *out++ = ',';
        number(place[e.doc] - 1);
        *out++ = ',';
        number(e.frequency);
        if (!b_.positions_) continue;
        for (size_t k = 2 * size_t(e.position_begin);
             k < 2 * (size_t(e.position_begin) + e.frequency); ++k) {
          *out++ = ',';
          number(b_.positions_data_[k]);
        }
      }
      *out++ = ']';
    }
    *out++ = ']';
  }
  text("]}");
  for (uint32_t doc : docs) place[doc] = 0;
  return std::string(buffer.data(), out);
}

std::string IndexShardWriter::digest(size_t begin, size_t end) const {
  // Everything format() reads, in a fixed layout: lengths before strings,
  // numbers (all 32 bits) as four little-endian bytes. The documents'
  // places in the shard follow from their numbers, so the numbers stand
  // for them. Appended four bytes at a time to a buffer each thread keeps:
  // byte by byte, this took longer than the formatting it saves.
  thread_local std::string in;
  thread_local std::vector<char> seen;
  seen.resize(b_.refs_.size(), 0);
  std::vector<uint32_t> docs;
  auto put = [](uint64_t value) {
    uint32_t word = static_cast<uint32_t>(value);
    if constexpr (std::endian::native == std::endian::big) word = __builtin_bswap32(word);
    in.append(reinterpret_cast<const char*>(&word), sizeof word);
  };
  // A run of 32-bit numbers, as put() would append them one by one.
  auto put_run = [&put](const std::vector<uint32_t>& from, uint64_t first, uint64_t last) {
    if constexpr (std::endian::native == std::endian::little) {
      in.append(reinterpret_cast<const char*>(from.data() + first), (last - first) * 4);
    } else {
      for (uint64_t p = first; p < last; ++p) put(from[p]);
    }
  };
  in.assign(kShardFormat);
  put(nf_);
  put(b_.positions_ ? 1 : 0);
  for (size_t i = begin; i < end; ++i) {
    const uint32_t t = order_[i];
    put(b_.terms_[t].size());
    in += b_.terms_[t];
    put(t);
    for (size_t f = 0; f < nf_; ++f) put(to(t, f) - from(t, f));
    const uint64_t first = from(t, 0), last = to(t, nf_ - 1);
    put_run(posting_docs_, first, last);
    put_run(posting_frequencies_, first, last);
    for (uint64_t p = first; p < last; ++p) {
      const uint32_t doc = posting_docs_[p];
      if (!seen[doc]) {
        seen[doc] = 1;
        docs.push_back(doc);
      }
      if (!b_.positions_) continue;
      const IndexBuilder::Entry& e = entry(p);
      put_run(b_.positions_data_, 2 * uint64_t(e.position_begin),
              2 * (uint64_t(e.position_begin) + e.frequency));
    }
  }
  std::sort(docs.begin(), docs.end());
  put(docs.size());
  for (uint32_t doc : docs) {
    seen[doc] = 0;
    put(b_.ref_json_[doc].size());
    in += b_.ref_json_[doc];
  }
  return sha256_hex(in).substr(0, 16);
}

std::string IndexShardWriter::lengths_json() const {
  std::string out = "{\"sums\":[";
  for (size_t f = 0; f < nf_; ++f) {
    if (f != 0) out.push_back(',');
    out += std::to_string(b_.field_length_sums_[f]);
  }
  // Each field's lengths as one string of fixed-width base-36 numbers: a
  // reader fetches this file with its first query, and at 10,000 documents
  // it is 28 KB of brotli against 41 KB for a JSON array of numbers.
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  const size_t docs = b_.refs_.size();
  std::string widths = "],\"widths\":[", strings = "],\"lengths\":[";
  for (size_t f = 0; f < nf_; ++f) {
    uint32_t longest = 0;
    for (size_t d = 0; d < docs; ++d) longest = std::max(longest, b_.field_lengths_[d * nf_ + f]);
    size_t width = 1;
    for (uint64_t room = 36; room <= longest; room *= 36) ++width;
    if (f != 0) {
      widths.push_back(',');
      strings.push_back(',');
    }
    widths += std::to_string(width);
    strings.push_back('"');
    for (size_t d = 0; d < docs; ++d) {
      char digits[8];
      uint32_t n = b_.field_lengths_[d * nf_ + f];
      for (size_t k = width; k-- > 0; n /= 36) digits[k] = kDigits[n % 36];
      strings.append(digits, width);
    }
    strings.push_back('"');
  }
  out += widths;
  out += strings;
  out.push_back(']');
  if (std::any_of(b_.doc_boosts_.begin(), b_.doc_boosts_.end(), [](double b) { return b != 1; })) {
    out += ",\"boosts\":[";
    for (size_t d = 0; d < docs; ++d) {
      if (d != 0) out.push_back(',');
      append_json_number(out, b_.doc_boosts_[d]);
    }
    out.push_back(']');
  }
  out.push_back('}');
  return out;
}

IndexShards IndexShardWriter::outline() const {
  IndexShards result;
  for (const FieldSpec& field : b_.fields_) {
    result.fields.push_back(field.name);
    result.field_boosts.push_back(effective_boost(field.boost));
  }
  result.pipeline_json = pipeline_json(b_.language());
  result.documents = b_.refs_.size();
  result.terms = order_.size();
  result.positions = b_.positions_;
  result.terms_json.push_back('[');
  for (size_t i = 0; i < order_.size(); ++i) {
    if (i != 0) result.terms_json.push_back(',');
    append_json_string(result.terms_json, b_.terms_[order_[i]]);
  }
  result.terms_json.push_back(']');
  result.refs_json.push_back('[');
  for (size_t d = 0; d < b_.ref_json_.size(); ++d) {
    if (d != 0) result.refs_json.push_back(',');
    result.refs_json += b_.ref_json_[d];
  }
  result.refs_json.push_back(']');
  result.lengths_json = lengths_json();
  return result;
}

std::vector<IndexShard> IndexShardWriter::describe(const std::vector<size_t>& starts, size_t begin,
                                                   size_t end, unsigned threads,
                                                   bool digests) const {
  std::vector<IndexShard> shards(end - begin);
  parallel_for(
      shards.size(),
      [&](size_t k) {
        const size_t s = begin + k;
        IndexShard& shard = shards[k];
        shard.first_term = b_.terms_[order_[starts[s]]];
        shard.last_term = b_.terms_[order_[starts[s + 1] - 1]];
        shard.terms = starts[s + 1] - starts[s];
        if (digests) shard.digest = digest(starts[s], starts[s + 1]);
      },
      threads);
  return shards;
}

void IndexShardWriter::format_wanted(const std::vector<size_t>& starts, size_t begin,
                                     std::vector<IndexShard>* shards,
                                     const std::vector<char>* wanted, unsigned threads) const {
  parallel_for(
      shards->size(),
      [&](size_t k) {
        if (wanted && !(*wanted)[k]) return;
        const size_t s = begin + k;
        (*shards)[k].json = format(starts[s], starts[s + 1]);
      },
      threads);
}

// Plan with a guessed ratio, then measure the ratio on a sample of the
// planned shards and plan again; the second measurement is on shards of
// about the final size, whose ratio differs from the first guess's.
std::vector<size_t> IndexShardWriter::plan_shards(const ShardOptions& options) const {
  const double target = double(std::max<size_t>(options.target_bytes, 1));
  const PlanInput in = plan_input(options.threads);
  std::vector<size_t> estimates;
  std::vector<size_t> starts = plan(in, target * kFirstRatio, &estimates);
  for (int round = 0; round < kPlanRounds; ++round) {
    const double ratio = measure_ratio(starts, estimates, options.threads);
    starts = plan(in, target * ratio, &estimates);
  }
  return starts;
}

ShardPlan::ShardPlan(std::shared_ptr<const IndexBuilder> builder, const ShardOptions& options)
    : builder_(std::move(builder)),
      writer_(std::make_unique<const IndexShardWriter>(*builder_, options.threads)),
      starts_(writer_->plan_shards(options)),
      threads_(options.threads) {}

ShardPlan::~ShardPlan() = default;

IndexShards ShardPlan::outline() const { return writer_->outline(); }

std::vector<IndexShard> ShardPlan::format(size_t begin, size_t end) const {
  std::vector<IndexShard> shards =
      writer_->describe(starts_, begin, std::min(end, size()), threads_, /*digests=*/false);
  writer_->format_wanted(starts_, begin, &shards, nullptr, threads_);
  return shards;
}

std::vector<IndexShard> ShardPlan::describe(size_t begin, size_t end) const {
  return writer_->describe(starts_, begin, std::min(end, size()), threads_, /*digests=*/true);
}

void ShardPlan::format_wanted(size_t begin, std::vector<IndexShard>* shards,
                              const std::vector<char>& wanted) const {
  writer_->format_wanted(starts_, begin, shards, &wanted, threads_);
}

IndexShards shard_index(const IndexBuilder& builder, const ShardOptions& options) {
  const IndexShardWriter writer(builder, options.threads);
  const std::vector<size_t> starts = writer.plan_shards(options);
  IndexShards result = writer.outline();
  result.shards = writer.describe(starts, 0, starts.size() - 1, options.threads, /*digests=*/false);
  writer.format_wanted(starts, 0, &result.shards, nullptr, options.threads);
  return result;
}

}  // namespace agora
