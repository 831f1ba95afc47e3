#include "search/index_builder.h"

#include <algorithm>
#include <cmath>

#include "search/js_lower_case.h"
#include "search/json_writer.h"
#include "search/tokenizer.h"
#include "search/utf16.h"

namespace agora {
namespace {

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

// Collects a field's terms: distinct terms via a small open-addressing
// table (slot -> index + 1), frequencies, and the spans for positions.
class FieldTerms final : public TermSink {
 public:
  FieldTerms(AnalyzedField& field, size_t tokens, bool positions)
      : field_(field), positions_(positions) {
    // Reused per thread, since analysis runs once per field of every page.
    thread_local std::vector<uint32_t> slots;
    size_t size = 64;
    while (size < 2 * tokens) size *= 2;
    slots.assign(size, 0);
    slots_ = &slots;
    mask_ = size - 1;
  }

  void add(std::string_view term, TokenSpan span) override {
    const uint64_t hash = std::hash<std::string_view>()(term);
    std::vector<uint32_t>& slots = *slots_;
    size_t slot = hash & mask_;
    uint32_t index;
    for (;;) {
      if (slots[slot] == 0) {
        index = static_cast<uint32_t>(field_.terms.size());
        slots[slot] = index + 1;
        field_.terms.emplace_back(term);
        field_.term_hashes.push_back(hash);
        field_.frequencies.push_back(0);
        // Zh bigrams can outnumber tokens: keep the load factor at 1/2.
        if (2 * field_.terms.size() > slots.size()) grow();
        break;
      }
      index = slots[slot] - 1;
      if (field_.term_hashes[index] == hash && field_.terms[index] == term) break;
      slot = (slot + 1) & mask_;
    }
    ++field_.frequencies[index];
    if (positions_) {
      token_slots_.push_back(index);
      kept_spans_.push_back(span);
    }
  }

  void finish() {
    field_.length = 0;
    for (uint32_t f : field_.frequencies) field_.length += f;
    if (!positions_) return;
    // Group the [start, length] pairs by term, in term order.
    std::vector<uint32_t> cursor(field_.terms.size() + 1, 0);
    for (size_t i = 0; i < field_.terms.size(); ++i) {
      cursor[i + 1] = cursor[i] + 2 * field_.frequencies[i];
    }
    field_.positions.resize(cursor.back());
    for (size_t i = 0; i < token_slots_.size(); ++i) {
      uint32_t& at = cursor[token_slots_[i]];
      field_.positions[at++] = kept_spans_[i].start;
      field_.positions[at++] = kept_spans_[i].length;
    }
  }

 private:
  void grow() {
    std::vector<uint32_t>& slots = *slots_;
    slots.assign(2 * slots.size(), 0);
    mask_ = slots.size() - 1;
    for (uint32_t i = 0; i < field_.terms.size(); ++i) {
      size_t slot = field_.term_hashes[i] & mask_;
      while (slots[slot] != 0) slot = (slot + 1) & mask_;
      slots[slot] = i + 1;
    }
  }

  AnalyzedField& field_;
  bool positions_;
  std::vector<uint32_t>* slots_;
  size_t mask_;
  std::vector<uint32_t> token_slots_;
  std::vector<TokenSpan> kept_spans_;
};

AnalyzedField analyze_field(std::string_view value, bool positions,
                            const SearchLanguage& language) {
  AnalyzedField field;
  if (value.empty()) return field;
  const std::u16string lowered = js_to_lower_case_utf8(value);
  const std::vector<TokenSpan> spans = split_tokens(lowered);
  FieldTerms terms(field, spans.size(), positions);
  language.analyze(lowered, spans, terms);
  terms.finish();
  return field;
}

}  // namespace

double effective_boost(double boost) { return (boost == 0 || std::isnan(boost)) ? 1 : boost; }

std::vector<std::string> analyze_text(std::string_view text) {
  return analyze_text(english_search_language(), text);
}

IndexBuilder::IndexBuilder(std::vector<FieldSpec> fields, bool positions,
                           const SearchLanguage& language)
    : positions_(positions), language_(&language) {
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
    out.fields.push_back(analyze_field(value, positions_, *language_));
  }
  return out;
}

std::string IndexBuilder::analysis_key(const SearchDocument& doc) const {
  std::string key(language_->code());
  key.push_back('\0');
  key.push_back(positions_ ? 'p' : 'n');
  for (size_t spec : spec_index_) {
    const std::string_view value =
        spec < doc.fields.size() ? std::string_view(doc.fields[spec]) : std::string_view();
    key += std::to_string(value.size());
    key.push_back(':');
    key.append(value);
  }
  return key;
}

void IndexBuilder::reserve_terms(size_t more) {
  // Grow at a load factor of 1/2.
  if (2 * (terms_.size() + more) > term_slots_.size()) {
    size_t size = std::max<size_t>(1024, 2 * term_slots_.size());
    while (2 * (terms_.size() + more) > size) size *= 2;
    term_slots_.assign(size, TermSlot{});
    for (uint32_t id = 0; id < terms_.size(); ++id) {
      size_t slot = term_hashes_[id] & (size - 1);
      while (term_slots_[slot].id_plus_one != 0) slot = (slot + 1) & (size - 1);
      term_slots_[slot] = {id + 1, static_cast<uint32_t>(term_hashes_[id] >> 32)};
    }
  }
}

uint32_t IndexBuilder::intern(const std::string& term, uint64_t hash) {
  const size_t mask = term_slots_.size() - 1;
  const auto high = static_cast<uint32_t>(hash >> 32);
  size_t slot = hash & mask;
  for (;;) {
    const TermSlot entry = term_slots_[slot];
    if (entry.id_plus_one == 0) break;
    if (entry.hash_high == high && terms_[entry.id_plus_one - 1] == term) {
      return entry.id_plus_one - 1;
    }
    slot = (slot + 1) & mask;
  }
  const auto id = static_cast<uint32_t>(terms_.size());
  terms_.push_back(term);
  term_hashes_.push_back(hash);
  term_slots_[slot] = {id + 1, high};
  term_doc_counts_.push_back(0);
  return id;
}

void IndexBuilder::expect_documents(size_t count) {
  expected_documents_ = count;
  refs_.reserve(count);
  ref_json_.reserve(count);
  ref_posting_.reserve(count);
  ref_array_index_.reserve(count);
  doc_boosts_.reserve(count);
  field_lengths_.reserve(count * fields_.size());
  field_offsets_.reserve(count * fields_.size() + 1);
}

void IndexBuilder::add(AnalyzedDocument doc) {
  // Once a sample of documents is in, size the big arrays for the rest.
  constexpr size_t kSample = 32;
  if (refs_.size() == kSample && expected_documents_ > kSample) {
    const double scale = 1.1 * static_cast<double>(expected_documents_) / kSample;
    entries_.reserve(static_cast<size_t>(static_cast<double>(entries_.size()) * scale));
    positions_data_.reserve(
        static_cast<size_t>(static_cast<double>(positions_data_.size()) * scale));
  }
  const auto doc_id = static_cast<uint32_t>(refs_.size());
  const int64_t array_index = js_array_index(doc.ref);
  any_array_index_ref_ = any_array_index_ref_ || array_index >= 0;
  ref_array_index_.push_back(array_index);
  std::string ref_json;
  append_json_string(ref_json, doc.ref);
  ref_posting_.push_back("," + ref_json + ":{}");
  ref_json_.push_back(std::move(ref_json));
  refs_.push_back(std::move(doc.ref));
  doc_boosts_.push_back(effective_boost(doc.boost));
  // analyze() already put the fields in lunr's order; lunr numbers terms
  // (_index) in the order it first meets them, field by field.
  for (size_t f = 0; f < fields_.size(); ++f) {
    const AnalyzedField* field = f < doc.fields.size() ? &doc.fields[f] : nullptr;
    const size_t begin = entries_.size();
    if (field != nullptr) {
      // The table must not move while its slots are fetched ahead: a slot
      // is rarely in the core's caches, and the merge runs on one thread.
      reserve_terms(field->terms.size());
      const size_t mask = term_slots_.size() - 1;
      const std::vector<uint64_t>& hashes = field->term_hashes;
      uint32_t position = 0;
      for (size_t t = 0; t < field->terms.size(); ++t) {
        // Two steps: the slot of a term further on, then the term string
        // its slot names (compared when the hashes agree) of a nearer one.
        if (t + kInternLookahead < hashes.size()) {
          __builtin_prefetch(&term_slots_[hashes[t + kInternLookahead] & mask]);
        }
        if (t + kInternLookahead / 2 < hashes.size()) {
          const TermSlot near = term_slots_[hashes[t + kInternLookahead / 2] & mask];
          if (near.id_plus_one != 0) __builtin_prefetch(&terms_[near.id_plus_one - 1]);
        }
        const uint32_t id =
            intern(field->terms[t],
                   t < hashes.size() ? hashes[t] : std::hash<std::string_view>()(field->terms[t]));
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

}  // namespace agora
