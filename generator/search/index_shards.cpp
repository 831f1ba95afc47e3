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
// Shards compressed to measure the ratio (evenly spread over the range).
constexpr size_t kSampleShards = 8;

size_t decimal_digits(uint64_t value) {
  size_t digits = 1;
  while (value >= 10) {
    value /= 10;
    ++digits;
  }
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

// A friend of IndexBuilder: reads its entries and reuses its formatting.
IndexShards shard_index(const IndexBuilder& builder, const ShardOptions& options) {
  using Entry = IndexBuilder::Entry;
  const size_t nf = builder.fields_.size();
  const std::vector<uint32_t> order = builder.sorted_term_ids();
  const IndexBuilder::Postings postings = builder.postings();
  const std::vector<double> idf = builder.inverse_document_frequencies();

  std::string header = "{\"version\":\"2.3.9\",\"fields\":[";
  std::vector<size_t> field_name_bytes;
  for (size_t f = 0; f < nf; ++f) {
    if (f != 0) header.push_back(',');
    const size_t before = header.size();
    append_json_string(header, builder.fields_[f].name);
    field_name_bytes.push_back(header.size() - before);
  }
  header += "],\"fieldVectors\":[";
  const std::string middle = "],\"invertedIndex\":[";
  const std::string footer = "],\"pipeline\":[\"stemmer\"]}";

  // Estimated bytes of each term's inverted-index entry, and of each slot's
  // vector key ,["field/ref",[...]].
  std::vector<size_t> term_bytes(builder.terms_.size());
  for (uint32_t t = 0; t < builder.terms_.size(); ++t) {
    size_t bytes = builder.terms_[t].size() + 16 + decimal_digits(t);
    for (size_t f = 0; f < nf; ++f) {
      bytes += field_name_bytes[f] + 3;
      for (uint64_t p = postings.start[t * nf + f]; p < postings.start[t * nf + f + 1]; ++p) {
        const Entry& entry = builder.entries_[postings.entry_ids[p]];
        bytes += builder.ref_json_[entry.doc].size() + 4;
        if (builder.positions_) bytes += 14 + 10 * size_t(entry.frequency);
      }
    }
    term_bytes[t] = bytes;
  }
  auto key_bytes = [&](size_t slot) {
    return field_name_bytes[slot % nf] + builder.ref_json_[slot / nf].size() + 5;
  };

  // Cuts the sorted terms where the estimated shard size would pass `limit`.
  // Returns the start of each shard in `order`, then order.size(). A slot's
  // key is counted once per shard, as the shard writes it once.
  auto plan = [&](double limit, std::vector<size_t>* estimates) {
    std::vector<size_t> starts;
    estimates->clear();
    std::vector<uint32_t> slot_shard(builder.field_lengths_.size(),
                                     std::numeric_limits<uint32_t>::max());
    uint32_t shard = 0;
    size_t bytes = 0;
    auto vector_bytes = [&](uint32_t t, bool all_new) {
      size_t sum = 0;
      for (size_t f = 0; f < nf; ++f) {
        for (uint64_t p = postings.start[t * nf + f]; p < postings.start[t * nf + f + 1]; ++p) {
          const size_t slot = builder.entries_[postings.entry_ids[p]].doc * nf + f;
          sum += 2 + decimal_digits(t) + kScoreBytes;
          if (all_new || slot_shard[slot] != shard) sum += key_bytes(slot);
        }
      }
      return sum;
    };
    for (size_t i = 0; i < order.size(); ++i) {
      const uint32_t t = order[i];
      size_t add = term_bytes[t] + vector_bytes(t, false);
      if (starts.empty() || double(bytes + add) > limit) {
        if (!starts.empty()) {
          estimates->push_back(bytes);
          ++shard;
        }
        starts.push_back(i);
        bytes = header.size() + middle.size() + footer.size();
        add = term_bytes[t] + vector_bytes(t, true);
      }
      bytes += add;
      for (size_t f = 0; f < nf; ++f) {
        for (uint64_t p = postings.start[t * nf + f]; p < postings.start[t * nf + f + 1]; ++p) {
          slot_shard[builder.entries_[postings.entry_ids[p]].doc * nf + f] = shard;
        }
      }
    }
    if (!starts.empty()) estimates->push_back(bytes);
    starts.push_back(order.size());
    return starts;
  };

  // One shard: the vector elements of its terms, grouped by slot in
  // document and field order and sorted by term id within a slot (as
  // lunr.Vector keeps them), then its inverted-index entries.
  auto format = [&](size_t begin, size_t end) {
    struct Item {
      uint64_t key;  // slot << 32 | term
      uint32_t entry;
    };
    std::vector<Item> items;
    for (size_t i = begin; i < end; ++i) {
      const uint32_t t = order[i];
      for (size_t f = 0; f < nf; ++f) {
        for (uint64_t p = postings.start[t * nf + f]; p < postings.start[t * nf + f + 1]; ++p) {
          const uint32_t e = postings.entry_ids[p];
          const uint64_t slot = uint64_t(builder.entries_[e].doc) * nf + f;
          items.push_back({slot << 32 | t, e});
        }
      }
    }
    std::sort(items.begin(), items.end(),
              [](const Item& a, const Item& b) { return a.key < b.key; });
    std::string out = header;
    uint64_t open_slot = std::numeric_limits<uint64_t>::max();
    for (const Item& item : items) {
      const uint64_t slot = item.key >> 32;
      const Entry& entry = builder.entries_[item.entry];
      if (slot != open_slot) {
        if (open_slot != std::numeric_limits<uint64_t>::max()) out += "]],";
        out.push_back('[');
        builder.append_field_ref(slot, out);
        out += ",[";
        open_slot = slot;
      } else {
        out.push_back(',');
      }
      append_json_number(out, entry.term);
      out.push_back(',');
      append_json_thousandths(out, js_math_round(builder.vector_score(slot, entry, idf) * 1000));
    }
    if (!items.empty()) out += "]]";
    out += middle;
    builder.format_terms(order, begin, end, begin, postings, out);
    out += footer;
    return out;
  };

  // Plan with a guessed ratio, measure the real one on a sample, plan again.
  const double target = double(std::max<size_t>(options.target_bytes, 1));
  std::vector<size_t> estimates;
  std::vector<size_t> starts = plan(target * kFirstRatio, &estimates);
  const size_t count = starts.size() - 1;
  if (count > 0) {
    const size_t samples = std::min(count, kSampleShards);
    std::vector<size_t> picked(samples), compressed(samples);
    for (size_t s = 0; s < samples; ++s) picked[s] = s * count / samples;
    parallel_for(
        samples,
        [&](size_t s) {
          compressed[s] = deflated_size(format(starts[picked[s]], starts[picked[s] + 1]));
        },
        options.threads);
    size_t estimated_sum = 0, compressed_sum = 0;
    for (size_t s = 0; s < samples; ++s) {
      estimated_sum += estimates[picked[s]];
      compressed_sum += compressed[s];
    }
    const double ratio = double(estimated_sum) / double(std::max<size_t>(compressed_sum, 1));
    starts = plan(target * ratio, &estimates);
  }

  IndexShards result;
  for (const FieldSpec& field : builder.fields_) result.fields.push_back(field.name);
  result.documents = builder.refs_.size();
  result.terms = order.size();
  result.shards.resize(starts.size() - 1);
  parallel_for(
      result.shards.size(),
      [&](size_t s) {
        IndexShard& shard = result.shards[s];
        shard.first_term = builder.terms_[order[starts[s]]];
        shard.last_term = builder.terms_[order[starts[s + 1] - 1]];
        shard.terms = starts[s + 1] - starts[s];
        shard.json = format(starts[s], starts[s + 1]);
      },
      options.threads);

  result.terms_json.push_back('[');
  for (size_t i = 0; i < order.size(); ++i) {
    if (i != 0) result.terms_json.push_back(',');
    append_json_string(result.terms_json, builder.terms_[order[i]]);
  }
  result.terms_json.push_back(']');
  result.refs_json.push_back('[');
  for (size_t d = 0; d < builder.ref_json_.size(); ++d) {
    if (d != 0) result.refs_json.push_back(',');
    result.refs_json += builder.ref_json_[d];
  }
  result.refs_json.push_back(']');
  return result;
}

}  // namespace agora
