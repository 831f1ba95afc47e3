#include "search/index_builder.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "search/js_lower_case.h"
#include "search/js_number.h"
#include "search/js_string_order.h"
#include "search/json_writer.h"
#include "search/stemmer.h"
#include "search/stop_word_filter.h"
#include "search/tokenizer.h"
#include "search/trimmer.h"
#include "search/utf16.h"

namespace agora::search {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// A JavaScript object lists "array index" keys ("0".."4294967294" in
// canonical form) first, in numeric order, before other keys in insertion
// order. That decides the order of lunr's fields and of the refs inside a
// posting. Returns the index, or -1 for any other string.
int64_t js_array_index(std::string_view key) {
  if (key.empty() || key.size() > 10) return -1;
  if (key.size() > 1 && key[0] == '0') return -1;
  int64_t value = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value <= 4294967294LL ? value : -1;
}

// lunr reads boosts as `boost || 1`.
double effective_boost(double boost) { return (boost == 0 || std::isnan(boost)) ? 1 : boost; }

// One token through trimmer, stopWordFilter and stemmer. Returns false when
// the stop word filter drops it.
bool run_pipeline(std::u16string_view token, std::string& term) {
  const std::u16string_view trimmed = trim_token(token);
  if (is_stop_word(trimmed)) return false;
  term.clear();
  bool ascii = true;
  for (char16_t u : trimmed) ascii = ascii && u < 0x80;
  if (ascii) {
    for (char16_t u : trimmed) term.push_back(static_cast<char>(u));
    term = stem(term);
  } else {
    append_utf8(term, stem_units(trimmed));
  }
  return true;
}

AnalyzedField analyze_field(std::string_view value, bool positions) {
  AnalyzedField field;
  if (value.empty()) return field;
  const std::u16string lowered = js_to_lower_case(utf8_to_utf16(value));
  const std::vector<TokenSpan> spans = split_tokens(lowered);
  std::unordered_map<std::string, uint32_t> slot_of;
  std::vector<uint32_t> token_slots;
  std::vector<TokenSpan> kept_spans;
  std::string term;
  for (const TokenSpan& span : spans) {
    if (!run_pipeline(std::u16string_view(lowered).substr(span.start, span.length), term)) {
      continue;
    }
    auto [it, inserted] = slot_of.try_emplace(term, static_cast<uint32_t>(field.terms.size()));
    if (inserted) {
      field.terms.push_back(term);
      field.frequencies.push_back(0);
    }
    ++field.frequencies[it->second];
    if (positions) {
      token_slots.push_back(it->second);
      kept_spans.push_back(span);
    }
  }
  field.length = 0;
  for (uint32_t f : field.frequencies) field.length += f;
  if (positions) {
    // Group the [start, length] pairs by term, in term order.
    std::vector<uint32_t> cursor(field.terms.size() + 1, 0);
    for (size_t i = 0; i < field.terms.size(); ++i) {
      cursor[i + 1] = cursor[i] + 2 * field.frequencies[i];
    }
    field.positions.resize(cursor.back());
    for (size_t i = 0; i < token_slots.size(); ++i) {
      uint32_t& at = cursor[token_slots[i]];
      field.positions[at++] = kept_spans[i].start;
      field.positions[at++] = kept_spans[i].length;
    }
  }
  return field;
}

}  // namespace

std::vector<std::string> analyze_text(std::string_view text) {
  const std::u16string lowered = js_to_lower_case(utf8_to_utf16(text));
  std::vector<std::string> terms;
  std::string term;
  for (const TokenSpan& span : split_tokens(lowered)) {
    if (run_pipeline(std::u16string_view(lowered).substr(span.start, span.length), term)) {
      terms.push_back(term);
    }
  }
  return terms;
}

IndexBuilder::IndexBuilder(std::vector<FieldSpec> fields, bool positions) : positions_(positions) {
  // Collapse repeated names (first place, last boost), then order the keys
  // as Object.keys would.
  std::vector<size_t> first;
  for (size_t i = 0; i < fields.size(); ++i) {
    auto same = std::find_if(first.begin(), first.end(),
                             [&](size_t j) { return fields[j].name == fields[i].name; });
    if (same == first.end()) {
      first.push_back(i);
    } else {
      fields[*same].boost = fields[i].boost;
    }
  }
  std::stable_sort(first.begin(), first.end(), [&](size_t a, size_t b) {
    const int64_t ia = js_array_index(fields[a].name);
    const int64_t ib = js_array_index(fields[b].name);
    if (ia < 0 || ib < 0) return ia >= 0 && ib < 0;
    return ia < ib;
  });
  for (size_t i : first) {
    spec_index_.push_back(i);
    if (js_array_index(fields[i].name) >= 0) ++index_key_slot_;
  }
  for (size_t i : first) fields_.push_back(fields[i]);
  field_length_sums_.assign(fields_.size(), 0);
  field_offsets_.push_back(0);
}

AnalyzedDocument IndexBuilder::analyze(const SearchDocument& doc) const {
  AnalyzedDocument out;
  out.ref = doc.ref;
  out.boost = doc.boost;
  out.fields.reserve(fields_.size());
  for (size_t spec : spec_index_) {
    const std::string_view value =
        spec < doc.fields.size() ? std::string_view(doc.fields[spec]) : std::string_view();
    out.fields.push_back(analyze_field(value, positions_));
  }
  return out;
}

uint32_t IndexBuilder::intern(const std::string& term) {
  auto it = term_ids_.find(term);
  if (it != term_ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(terms_.size());
  terms_.push_back(term);
  term_ids_.emplace(terms_.back(), id);
  term_doc_counts_.push_back(0);
  return id;
}

void IndexBuilder::add(AnalyzedDocument doc) {
  const auto doc_id = static_cast<uint32_t>(refs_.size());
  const int64_t array_index = js_array_index(doc.ref);
  any_array_index_ref_ = any_array_index_ref_ || array_index >= 0;
  ref_array_index_.push_back(array_index);
  refs_.push_back(std::move(doc.ref));
  doc_boosts_.push_back(effective_boost(doc.boost));
  // analyze() already put the fields in lunr's order; lunr numbers terms
  // (_index) in the order it first meets them, field by field.
  for (size_t f = 0; f < fields_.size(); ++f) {
    const AnalyzedField* field = f < doc.fields.size() ? &doc.fields[f] : nullptr;
    const size_t begin = entries_.size();
    if (field != nullptr) {
      uint32_t position = 0;
      for (size_t t = 0; t < field->terms.size(); ++t) {
        const uint32_t id = intern(field->terms[t]);
        ++term_doc_counts_[id];
        const uint32_t frequency = field->frequencies[t];
        entries_.push_back(
            {id, frequency, doc_id, static_cast<uint32_t>(positions_data_.size() / 2)});
        if (positions_ && !field->positions.empty()) {
          positions_data_.insert(positions_data_.end(), field->positions.begin() + position,
                                 field->positions.begin() + position + 2 * frequency);
          position += 2 * frequency;
        }
      }
      field_lengths_.push_back(field->length);
      field_length_sums_[f] += field->length;
    } else {
      field_lengths_.push_back(0);
    }
    // Vector elements are kept sorted by term index, as lunr.Vector does.
    std::sort(entries_.begin() + static_cast<std::ptrdiff_t>(begin), entries_.end(),
              [](const Entry& a, const Entry& b) { return a.term < b.term; });
    field_offsets_.push_back(entries_.size());
  }
}

std::vector<double> IndexBuilder::inverse_document_frequencies() const {
  const double n = static_cast<double>(refs_.size());
  std::vector<double> idf(terms_.size());
  for (size_t t = 0; t < terms_.size(); ++t) {
    const double with_term = term_doc_counts_[t];
    const double x = (n - with_term + 0.5) / (with_term + 0.5);
    idf[t] = std::log(1 + std::fabs(x));
  }
  return idf;
}

void IndexBuilder::write_field_vectors(std::string& buf, JsonWriter& writer) const {
  const std::vector<double> idf = inverse_document_frequencies();
  const size_t nf = fields_.size();
  std::vector<double> average(nf);
  for (size_t f = 0; f < nf; ++f) {
    average[f] = static_cast<double>(field_length_sums_[f]) / static_cast<double>(refs_.size());
  }
  bool first = true;
  for (size_t d = 0; d < refs_.size(); ++d) {
    for (size_t f = 0; f < nf; ++f) {
      buf += first ? "[" : ",[";
      first = false;
      // The vector's key is lunr.FieldRef: "field/ref".
      std::string key = fields_[f].name;
      key.push_back('/');
      key += refs_[d];
      append_json_string(buf, key);
      buf += ",[";
      const size_t slot = d * nf + f;
      const double length_ratio = field_lengths_[slot] / average[f];
      const double boost = effective_boost(fields_[f].boost);
      for (uint64_t e = field_offsets_[slot]; e < field_offsets_[slot + 1]; ++e) {
        const Entry& entry = entries_[e];
        const double tf = entry.frequency;
        // Same operations in the same order as lunr's createFieldVectors, so
        // the doubles match bit for bit before rounding.
        double score = idf[entry.term] * ((kK1 + 1) * tf) / (kK1 * (1 - kB + kB * length_ratio) + tf);
        score *= boost;
        score *= doc_boosts_[d];
        const double rounded = js_math_round(score * 1000) / 1000;
        if (e != field_offsets_[slot]) buf.push_back(',');
        append_json_number(buf, entry.term);
        buf.push_back(',');
        append_json_number(buf, rounded);
      }
      buf += "]]";
      writer.maybe_flush();
    }
  }
}

void IndexBuilder::write_inverted_index(std::string& buf, JsonWriter& writer) const {
  const size_t nf = fields_.size();
  // Postings grouped by (term, field), documents ascending: a counting sort
  // of the entries, which are already in document order.
  std::vector<uint64_t> start(terms_.size() * nf + 1, 0);
  for (size_t slot = 0; slot + 1 < field_offsets_.size(); ++slot) {
    const size_t f = slot % nf;
    for (uint64_t e = field_offsets_[slot]; e < field_offsets_[slot + 1]; ++e) {
      ++start[entries_[e].term * nf + f + 1];
    }
  }
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<uint32_t> postings(entries_.size());
  {
    std::vector<uint64_t> cursor(start.begin(), start.end() - 1);
    for (size_t slot = 0; slot + 1 < field_offsets_.size(); ++slot) {
      const size_t f = slot % nf;
      for (uint64_t e = field_offsets_[slot]; e < field_offsets_[slot + 1]; ++e) {
        postings[cursor[entries_[e].term * nf + f]++] = static_cast<uint32_t>(e);
      }
    }
  }

  std::vector<uint32_t> order(terms_.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [this](uint32_t a, uint32_t b) { return js_string_less(terms_[a], terms_[b]); });

  std::vector<uint32_t> refs_in_order;
  auto write_posting = [&](uint32_t e) {
    const Entry& entry = entries_[e];
    append_json_string(buf, refs_[entry.doc]);
    if (!positions_) {
      buf += ":{}";
      return;
    }
    buf += ":{\"position\":[";
    for (uint32_t p = 0; p < entry.frequency; ++p) {
      if (p != 0) buf.push_back(',');
      buf.push_back('[');
      append_json_number(buf, positions_data_[2 * (entry.position_begin + p)]);
      buf.push_back(',');
      append_json_number(buf, positions_data_[2 * (entry.position_begin + p) + 1]);
      buf.push_back(']');
    }
    buf += "]}";
  };

  bool first_term = true;
  for (uint32_t t : order) {
    buf += first_term ? "[" : ",[";
    first_term = false;
    append_json_string(buf, terms_[t]);
    buf += ",{";
    for (size_t key = 0; key <= nf; ++key) {
      if (key != 0) buf.push_back(',');
      if (key == index_key_slot_) {
        buf += "\"_index\":";
        append_json_number(buf, t);
        continue;
      }
      const size_t f = key < index_key_slot_ ? key : key - 1;
      append_json_string(buf, fields_[f].name);
      buf += ":{";
      const uint64_t begin = start[t * nf + f];
      const uint64_t end = start[t * nf + f + 1];
      refs_in_order.assign(postings.begin() + static_cast<std::ptrdiff_t>(begin),
                           postings.begin() + static_cast<std::ptrdiff_t>(end));
      if (any_array_index_ref_) {
        // Refs that are array indices come first, numerically (see js_array_index).
        std::stable_sort(refs_in_order.begin(), refs_in_order.end(), [this](uint32_t a, uint32_t b) {
          const int64_t ia = ref_array_index_[entries_[a].doc];
          const int64_t ib = ref_array_index_[entries_[b].doc];
          if (ia < 0 || ib < 0) return ia >= 0 && ib < 0;
          return ia < ib;
        });
      }
      for (size_t i = 0; i < refs_in_order.size(); ++i) {
        if (i != 0) buf.push_back(',');
        write_posting(refs_in_order[i]);
      }
      buf.push_back('}');
    }
    buf += "}]";
    writer.maybe_flush();
  }
}

void IndexBuilder::write_json(std::ostream& out) const {
  JsonWriter writer(out);
  std::string& buf = writer.buffer();
  buf += "{\"version\":\"2.3.9\",\"fields\":[";
  for (size_t f = 0; f < fields_.size(); ++f) {
    if (f != 0) buf.push_back(',');
    append_json_string(buf, fields_[f].name);
  }
  buf += "],\"fieldVectors\":[";
  write_field_vectors(buf, writer);
  buf += "],\"invertedIndex\":[";
  write_inverted_index(buf, writer);
  buf += "],\"pipeline\":[\"stemmer\"]}";
  writer.flush();
}

}  // namespace agora::search
