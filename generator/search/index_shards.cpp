#include "search/index_shards.h"

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <limits>

#include "search/js_number.h"
#include "search/json_writer.h"
#include "util/parallel.h"

namespace agora {
namespace {

// Guess of a score's length in the JSON ("1.234"); the estimate's bias is
// corrected by the measured ratio, which compares estimates with real
// compressed sizes.
constexpr size_t kScoreBytes = 5;
// Ratio of estimated JSON bytes to gzip -9 bytes assumed before a sample
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

size_t deflated_size(const std::string& text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(size, '\0');
  compress2(reinterpret_cast<Bytef*>(out.data()), &size,
            reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()), 9);
  return size;
}

}  // namespace

// Reads an IndexBuilder's entries (it is a friend) and formats shards with
// the builder's own formatting, so a shard's bytes are the whole index's
// bytes for its terms.
class IndexShardWriter {
 public:
  explicit IndexShardWriter(const IndexBuilder& builder);

  // Cuts the sorted terms where a shard's estimated JSON size would pass
  // `limit`. Returns the start of each shard in term order, then the term
  // count; *estimates gets each shard's estimated size.
  std::vector<size_t> plan(double limit, std::vector<size_t>* estimates) const;
  // Estimated JSON bytes per gzip byte, from a sample of planned shards.
  double measure_ratio(const std::vector<size_t>& starts, const std::vector<size_t>& estimates,
                       unsigned threads) const;
  // Where the shards start, planned to `options.target_bytes` compressed.
  std::vector<size_t> plan_shards(const ShardOptions& options) const;
  // The shard of the terms [begin, end) in term order.
  std::string format(size_t begin, size_t end) const;
  // Shards [begin, end) of those `starts` plans.
  std::vector<IndexShard> write(const std::vector<size_t>& starts, size_t begin, size_t end,
                                unsigned threads) const;
  IndexShards outline() const;  // all but the shards

 private:
  // Postings of term t in field f: postings_.entry_ids[from, to).
  uint64_t from(uint32_t t, size_t f) const { return postings_.start[t * nf_ + f]; }
  uint64_t to(uint32_t t, size_t f) const { return postings_.start[t * nf_ + f + 1]; }
  const IndexBuilder::Entry& entry(uint64_t p) const { return b_.entries_[postings_.entry_ids[p]]; }
  size_t term_bytes(uint32_t t) const;
  size_t key_bytes(size_t slot) const {
    return field_name_bytes_[slot % nf_] + b_.ref_json_[slot / nf_].size() + 5;
  }
  // Bytes term t adds to the vectors of shard `shard`: its elements, and
  // the key of each vector that shard does not hold yet.
  size_t vector_bytes(uint32_t t, uint32_t shard, const std::vector<uint32_t>& slot_shard) const;

  const IndexBuilder& b_;
  const size_t nf_;
  const std::vector<uint32_t> order_;
  const IndexBuilder::Postings postings_;
  const std::vector<double> idf_;
  std::string header_;  // up to the field vectors
  const std::string middle_ = "],\"invertedIndex\":[";
  std::string footer_;                    // the search pipeline's labels, as index.json lists them
  std::vector<size_t> field_name_bytes_;  // as JSON strings
};

IndexShardWriter::IndexShardWriter(const IndexBuilder& builder)
    : b_(builder),
      nf_(builder.fields_.size()),
      order_(builder.sorted_term_ids()),
      postings_(builder.postings()),
      idf_(builder.inverse_document_frequencies()) {
  header_ = "{\"version\":\"2.3.9\",\"fields\":[";
  for (size_t f = 0; f < nf_; ++f) {
    if (f != 0) header_.push_back(',');
    const size_t before = header_.size();
    append_json_string(header_, b_.fields_[f].name);
    field_name_bytes_.push_back(header_.size() - before);
  }
  header_ += "],\"fieldVectors\":[";
  footer_ = "],\"pipeline\":" + pipeline_json(builder.language()) + "}";
}

size_t IndexShardWriter::term_bytes(uint32_t t) const {
  size_t bytes = b_.terms_[t].size() + 16 + decimal_digits(t);
  for (size_t f = 0; f < nf_; ++f) {
    bytes += field_name_bytes_[f] + 3;
    for (uint64_t p = from(t, f); p < to(t, f); ++p) {
      bytes += b_.ref_json_[entry(p).doc].size() + 4;
      if (b_.positions_) bytes += 14 + 10 * size_t(entry(p).frequency);
    }
  }
  return bytes;
}

size_t IndexShardWriter::vector_bytes(uint32_t t, uint32_t shard,
                                      const std::vector<uint32_t>& slot_shard) const {
  size_t sum = 0;
  for (size_t f = 0; f < nf_; ++f) {
    for (uint64_t p = from(t, f); p < to(t, f); ++p) {
      const size_t slot = entry(p).doc * nf_ + f;
      sum += 2 + decimal_digits(t) + kScoreBytes;
      if (slot_shard[slot] != shard) sum += key_bytes(slot);
    }
  }
  return sum;
}

std::vector<size_t> IndexShardWriter::plan(double limit, std::vector<size_t>* estimates) const {
  const size_t empty_shard = header_.size() + middle_.size() + footer_.size();
  std::vector<size_t> starts;
  estimates->clear();
  // The last shard that wrote each slot's vector key: a key is written once
  // per shard.
  std::vector<uint32_t> slot_shard(b_.field_lengths_.size(), kNone);
  uint32_t shard = 0;
  size_t bytes = 0;
  for (size_t i = 0; i < order_.size(); ++i) {
    const uint32_t t = order_[i];
    size_t add = term_bytes(t) + vector_bytes(t, shard, slot_shard);
    if (starts.empty() || double(bytes + add) > limit) {
      if (!starts.empty()) {
        estimates->push_back(bytes);
        ++shard;
        add = term_bytes(t) + vector_bytes(t, shard, slot_shard);
      }
      starts.push_back(i);
      bytes = empty_shard;
    }
    bytes += add;
    for (size_t f = 0; f < nf_; ++f) {
      for (uint64_t p = from(t, f); p < to(t, f); ++p) slot_shard[entry(p).doc * nf_ + f] = shard;
    }
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
  // The vector elements of the shard's terms, grouped by slot in document
  // and field order and sorted by term id within a slot, as lunr.Vector
  // keeps them.
  struct Item {
    uint64_t key;  // slot << 32 | term
    uint32_t entry;
  };
  std::vector<Item> items;
  for (size_t i = begin; i < end; ++i) {
    const uint32_t t = order_[i];
    for (size_t f = 0; f < nf_; ++f) {
      for (uint64_t p = from(t, f); p < to(t, f); ++p) {
        const uint64_t slot = uint64_t(entry(p).doc) * nf_ + f;
        items.push_back({slot << 32 | t, postings_.entry_ids[p]});
      }
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
  std::string out = header_;
  uint64_t open_slot = kNone;
  for (const Item& item : items) {
    const uint64_t slot = item.key >> 32;
    if (slot != open_slot) {
      out += open_slot == kNone ? "[" : "]],[";
      b_.append_field_ref(slot, out);
      out += ",[";
      open_slot = slot;
    } else {
      out.push_back(',');
    }
    char element[IndexBuilder::kVectorElementRoom];
    out.append(element, b_.write_vector_element(element, slot, b_.entries_[item.entry], idf_));
  }
  if (!items.empty()) out += "]]";
  out += middle_;
  b_.format_terms(order_, begin, end, begin, postings_, out);
  out += footer_;
  // Appending doubled the capacity as it went: the site's shards are kept
  // until they are written, so give the slack back.
  out.shrink_to_fit();
  return out;
}

IndexShards IndexShardWriter::outline() const {
  IndexShards result;
  for (const FieldSpec& field : b_.fields_) result.fields.push_back(field.name);
  result.pipeline_json = pipeline_json(b_.language());
  result.documents = b_.refs_.size();
  result.terms = order_.size();
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
  return result;
}

std::vector<IndexShard> IndexShardWriter::write(const std::vector<size_t>& starts, size_t begin,
                                                size_t end, unsigned threads) const {
  std::vector<IndexShard> shards(end - begin);
  parallel_for(
      shards.size(),
      [&](size_t k) {
        const size_t s = begin + k;
        IndexShard& shard = shards[k];
        shard.first_term = b_.terms_[order_[starts[s]]];
        shard.last_term = b_.terms_[order_[starts[s + 1] - 1]];
        shard.terms = starts[s + 1] - starts[s];
        shard.json = format(starts[s], starts[s + 1]);
      },
      threads);
  return shards;
}

// Plan with a guessed ratio, then measure the ratio on a sample of the
// planned shards and plan again; the second measurement is on shards of
// about the final size, whose ratio differs from the first guess's.
std::vector<size_t> IndexShardWriter::plan_shards(const ShardOptions& options) const {
  const double target = double(std::max<size_t>(options.target_bytes, 1));
  std::vector<size_t> estimates;
  std::vector<size_t> starts = plan(target * kFirstRatio, &estimates);
  for (int round = 0; round < kPlanRounds; ++round) {
    const double ratio = measure_ratio(starts, estimates, options.threads);
    starts = plan(target * ratio, &estimates);
  }
  return starts;
}

ShardPlan::ShardPlan(std::shared_ptr<const IndexBuilder> builder, const ShardOptions& options)
    : builder_(std::move(builder)),
      writer_(std::make_unique<const IndexShardWriter>(*builder_)),
      starts_(writer_->plan_shards(options)),
      threads_(options.threads) {}

ShardPlan::~ShardPlan() = default;

IndexShards ShardPlan::outline() const { return writer_->outline(); }

std::vector<IndexShard> ShardPlan::format(size_t begin, size_t end) const {
  return writer_->write(starts_, begin, std::min(end, size()), threads_);
}

IndexShards shard_index(const IndexBuilder& builder, const ShardOptions& options) {
  const IndexShardWriter writer(builder);
  const std::vector<size_t> starts = writer.plan_shards(options);
  IndexShards result = writer.outline();
  result.shards = writer.write(starts, 0, starts.size() - 1, options.threads);
  return result;
}

}  // namespace agora
