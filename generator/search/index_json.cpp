// IndexBuilder::write_json: lunr.Index#toJSON followed by JSON.stringify.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <future>
#include <numeric>

#include "search/index_builder.h"
#include "search/js_number.h"
#include "search/js_string_order.h"
#include "search/json_writer.h"
#include "util/parallel.h"

namespace agora {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Formats the chunks [bounds[c], bounds[c + 1]) on every core and writes
// them in order while later ones are formatted: the output is the same as
// a single pass. Stops formatting once the stream refuses a write.
template <typename Format>
void write_chunked(JsonWriter& writer, const std::vector<size_t>& bounds, unsigned threads,
                   const Format& format) {
  if (bounds.size() < 2 || writer.failed()) return;
  parallel_in_order<std::string>(
      bounds.size() - 1,
      [&](size_t c, std::string& out) {
        out.clear();
        format(bounds[c], bounds[c + 1], out);
      },
      [&](size_t, const std::string& out) {
        writer.raw(out);
        return !writer.failed();
      },
      threads);
}

// Cuts [0, count) into chunks of about `target` cost each, cost(i) being
// item i's; an item costlier than that is a chunk of its own.
template <typename Cost>
std::vector<size_t> chunk_bounds(size_t count, uint64_t target, const Cost& cost) {
  std::vector<size_t> bounds{0};
  uint64_t sum = 0;
  for (size_t i = 0; i < count; ++i) {
    sum += cost(i);
    if (sum >= target) {
      bounds.push_back(i + 1);
      sum = 0;
    }
  }
  if (bounds.back() != count) bounds.push_back(count);
  return bounds;
}

}  // namespace

std::vector<double> IndexBuilder::inverse_document_frequencies() const {
  // lunr.idf: log(1 + |(N - n + 0.5) / (n + 0.5)|), n = documents with the term.
  // V8's Math.log (fdlibm) and glibc's log disagree in the last bit for
  // about 7.5% of these arguments (measured for all n <= N <= 3000). After
  // lunr rounds scores to 3 decimals that shows only if a score lies within
  // ~1e-16 (relative) of a rounding boundary: about 1e-12 per score, and no
  // difference has been seen in any test or benchmark index.
  const double n = static_cast<double>(refs_.size());
  std::vector<double> idf(terms_.size());
  for (size_t t = 0; t < terms_.size(); ++t) {
    const double with_term = term_doc_counts_[t];
    const double x = (n - with_term + 0.5) / (with_term + 0.5);
    idf[t] = std::log(1 + std::fabs(x));
  }
  return idf;
}

double IndexBuilder::vector_score(size_t slot, const Entry& entry,
                                  const std::vector<double>& idf) const {
  const size_t nf = fields_.size();
  const size_t f = slot % nf;
  // averageFieldLength: total length over the number of documents.
  const double average =
      static_cast<double>(field_length_sums_[f]) / static_cast<double>(refs_.size());
  const double length_ratio = field_lengths_[slot] / average;
  const double field_boost = effective_boost(fields_[f].boost);
  const double tf = entry.frequency;
  // The operations and their order are lunr's createFieldVectors, so the
  // doubles agree bit for bit before rounding.
  double score = idf[entry.term] * ((kK1 + 1) * tf) / (kK1 * (1 - kB + kB * length_ratio) + tf);
  score *= field_boost;
  score *= doc_boosts_[slot / nf];
  return score;
}

void IndexBuilder::append_field_ref(size_t slot, std::string& out) const {
  // The key is lunr.FieldRef "field/ref"; escaping is per character, so
  // the pre-escaped ref can be appended after the escaped field name.
  const size_t nf = fields_.size();
  append_json_string(out, fields_[slot % nf].name);
  out.pop_back();
  out.push_back('/');
  out.append(ref_json_[slot / nf], 1);
}

char* IndexBuilder::write_vector_element(char* p, size_t slot, const Entry& entry,
                                         const std::vector<double>& idf) const {
  p = std::to_chars(p, p + 10, entry.term).ptr;
  *p++ = ',';
  return write_json_thousandths(p, js_math_round(vector_score(slot, entry, idf) * 1000));
}

void IndexBuilder::format_field_vectors(size_t doc_begin, size_t doc_end,
                                        const std::vector<double>& idf, std::string& out) const {
  const size_t nf = fields_.size();
  for (size_t d = doc_begin; d < doc_end; ++d) {
    for (size_t f = 0; f < nf; ++f) {
      const size_t slot = d * nf + f;
      out += slot == 0 ? "[" : ",[";
      append_field_ref(slot, out);
      out += ",[";
      {
        BlockAppender block(out);
        for (uint64_t e = field_offsets_[slot]; e < field_offsets_[slot + 1]; ++e) {
          char* p = block.at(1 + kVectorElementRoom);
          if (e != field_offsets_[slot]) *p++ = ',';
          block.done(write_vector_element(p, slot, entries_[e], idf));
        }
      }
      out += "]]";
    }
  }
}

void IndexBuilder::format_terms(const std::vector<uint32_t>& order, size_t begin, size_t end,
                                const Postings& postings, std::string& out) const {
  const size_t nf = fields_.size();
  std::vector<uint32_t> array_index_refs;
  std::vector<std::string> field_json(nf);
  for (size_t f = 0; f < nf; ++f) append_json_string(field_json[f], fields_[f].name);
  thread_local std::string term_json;
  BlockAppender block(out);
  auto put_number = [&](uint32_t n) {
    char* p = block.at(10);
    block.done(std::to_chars(p, p + 10, n).ptr);
  };
  auto write_posting = [&](uint32_t e, bool first) {
    const Entry& entry = entries_[e];
    if (!positions_) {
      block.put(std::string_view(ref_posting_[entry.doc]).substr(first ? 1 : 0));
      return;
    }
    if (!first) block.put(',');
    block.put(ref_json_[entry.doc]);
    block.put(":{\"position\":[");
    for (uint32_t p = 0; p < entry.frequency; ++p) {
      const size_t at = 2 * (size_t(entry.position_begin) + p);
      block.put(p == 0 ? "[" : ",[");
      put_number(positions_data_[at]);
      block.put(',');
      put_number(positions_data_[at + 1]);
      block.put(']');
    }
    block.put("]}");
  };

  for (size_t i = begin; i < end; ++i) {
    const uint32_t t = order[i];
    block.put(i == 0 ? "[" : ",[");
    term_json.clear();
    append_json_string(term_json, terms_[t]);
    block.put(term_json);
    block.put(",{");
    for (size_t key = 0; key <= nf; ++key) {
      if (key != 0) block.put(',');
      if (key == index_key_slot_) {
        block.put("\"_index\":");
        put_number(t);
        continue;
      }
      const size_t f = key < index_key_slot_ ? key : key - 1;
      block.put(field_json[f]);
      block.put(":{");
      const uint64_t from = postings.start[t * nf + f];
      const uint64_t to = postings.start[t * nf + f + 1];
      bool first = true;
      if (any_array_index_ref_) {
        // Object.keys puts refs that are array indices first, numerically;
        // they are rare, so only those are sorted.
        array_index_refs.clear();
        for (uint64_t p = from; p < to; ++p) {
          const uint32_t e = postings.entry_ids[p];
          if (ref_array_index_[entries_[e].doc] >= 0) array_index_refs.push_back(e);
        }
        std::sort(array_index_refs.begin(), array_index_refs.end(), [this](uint32_t a, uint32_t b) {
          return ref_array_index_[entries_[a].doc] < ref_array_index_[entries_[b].doc];
        });
        for (uint32_t e : array_index_refs) {
          write_posting(e, first);
          first = false;
        }
      }
      for (uint64_t p = from; p < to; ++p) {
        const uint32_t e = postings.entry_ids[p];
        if (any_array_index_ref_ && ref_array_index_[entries_[e].doc] >= 0) continue;
        write_posting(e, first);
        first = false;
      }
      block.put('}');
    }
    block.put("}]");
  }
}

IndexBuilder::Postings IndexBuilder::postings() const {
  // A counting sort of the entries, which are stored document-major.
  const size_t nf = fields_.size();
  Postings postings;
  postings.start.assign(terms_.size() * nf + 1, 0);
  for (size_t slot = 0; slot + 1 < field_offsets_.size(); ++slot) {
    const size_t f = slot % nf;
    for (uint64_t e = field_offsets_[slot]; e < field_offsets_[slot + 1]; ++e) {
      ++postings.start[entries_[e].term * nf + f + 1];
    }
  }
  std::partial_sum(postings.start.begin(), postings.start.end(), postings.start.begin());
  postings.entry_ids.resize(entries_.size());
  std::vector<uint64_t> cursor(postings.start.begin(), postings.start.end() - 1);
  for (size_t slot = 0; slot + 1 < field_offsets_.size(); ++slot) {
    const size_t f = slot % nf;
    for (uint64_t e = field_offsets_[slot]; e < field_offsets_[slot + 1]; ++e) {
      postings.entry_ids[cursor[entries_[e].term * nf + f]++] = static_cast<uint32_t>(e);
    }
  }
  return postings;
}

std::vector<uint32_t> IndexBuilder::sorted_term_ids() const {
  // lunr sorts the terms with Array#sort: UTF-16 code unit order.
  std::vector<uint32_t> order(terms_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return js_string_less(terms_[a], terms_[b]); });
  return order;
}

size_t IndexBuilder::write_json(std::ostream& out, unsigned threads) const {
  if (threads == 0) threads = default_thread_count();
  JsonWriter writer(out);
  std::string& buf = writer.buffer();
  buf += "{\"version\":\"2.3.9\",\"fields\":[";
  for (size_t f = 0; f < fields_.size(); ++f) {
    if (f != 0) buf.push_back(',');
    append_json_string(buf, fields_[f].name);
  }
  buf += "],\"fieldVectors\":[";
  // The inverted index's postings and term order do not depend on the
  // vectors: sorted on a thread of their own while the vectors are
  // formatted, instead of on one core after them.
  auto inverted =
      std::async(std::launch::async, [this] { return std::pair(postings(), sorted_term_ids()); });
  const std::vector<double> idf = inverse_document_frequencies();
  write_chunked(
      writer, chunk_bounds(refs_.size(), 128, [](size_t) { return 1; }), threads,
      [&](size_t begin, size_t end, std::string& s) { format_field_vectors(begin, end, idf, s); });

  buf += "],\"invertedIndex\":[";
  const auto [term_postings, order] = inverted.get();
  // Chunks of about equal postings: a term's share of the JSON is its
  // postings, and the few terms in nearly every document would otherwise
  // leave one core formatting alone. 16 chunks a core keep the last short,
  // and no chunk over about a megabyte (32,768 postings; 128 documents'
  // vectors above): each is formatted into a reused slot, and 5 MB chunks
  // made the slots grow into fresh memory the kernel had to zero, while
  // the thread writing the file fell behind. At 10,000 documents the
  // smaller chunks took `agora index` from 1.2 s to 1.0 s.
  const size_t nf = fields_.size();
  const auto cost = [&](size_t i) {
    const size_t t = order[i];
    return 1 + term_postings.start[(t + 1) * nf] - term_postings.start[t * nf];
  };
  const uint64_t per_chunk =
      std::clamp<uint64_t>((order.size() + entries_.size()) / (16 * threads), 1, 32768);
  write_chunked(writer, chunk_bounds(order.size(), per_chunk, cost), threads,
                [&](size_t begin, size_t end, std::string& s) {
                  format_terms(order, begin, end, term_postings, s);
                });
  buf += "],\"pipeline\":[";
  const std::span<const std::string_view> pipeline = language_->search_pipeline();
  for (size_t i = 0; i < pipeline.size(); ++i) {
    if (i != 0) buf.push_back(',');
    append_json_string(buf, pipeline[i]);
  }
  buf += "]}";
  writer.flush();
  return writer.handed();
}

}  // namespace agora
