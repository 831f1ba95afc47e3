#pragma once
// A Lunr 2.3.9 index built in C++: lunr.Builder with the pipeline of a
// language (lunr's default trimmer, stopWordFilter and stemmer for English;
// lunr-languages' for the others, see languages/search_language.h), BM25
// (k1 1.2, b 0.75), and a writer whose bytes equal
// JSON.stringify(builder.build()) in lunr.js.
//
// Usage: analyze() documents (in parallel if you like), add() the results
// sequentially in document order, then write_json(). Nothing here throws
// except std::bad_alloc.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "search/js_number.h"
#include "search/languages/search_language.h"

namespace agora {

struct FieldSpec {
  std::string name;    // must not contain '/' (lunr rejects it)
  double boost = 1.0;  // as builder.field(name, {boost}); 0 means 1, as in lunr
};

// A boost as lunr applies it: `boost || 1` (0 and NaN mean 1).
double effective_boost(double boost);

struct SearchDocument {
  std::string ref;
  std::vector<std::string> fields;  // values parallel to the FieldSpec list; missing = ""
  double boost = 1.0;               // as builder.add(doc, {boost}); 0 means 1
};

// One field of one document after the pipeline.
struct AnalyzedField {
  uint32_t length = 0;                // tokens left after the pipeline
  std::vector<std::string> terms;     // distinct terms (UTF-8), first occurrence first
  std::vector<uint32_t> frequencies;  // parallel to terms
  // std::hash<std::string_view> of each term, computed during (parallel)
  // analysis for the (sequential) merge; may be left empty.
  std::vector<uint64_t> term_hashes;
  // With positions: for each term in order, frequencies[i] pairs
  // [start, length] (UTF-16 units of the lower-cased field). Else empty.
  std::vector<uint32_t> positions;
};

struct AnalyzedDocument {
  std::string ref;
  double boost = 1.0;
  std::vector<AnalyzedField> fields;  // in IndexBuilder::fields() order
};

// What lunr's English pipeline does to one string: the tokens that reach the
// index, in order (stop words removed, trimmed, stemmed; "" is kept, as lunr
// keeps it). search_language.h has the same for any language.
std::vector<std::string> analyze_text(std::string_view text);

class IndexBuilder {
 public:
  // `positions` stores token positions (lunr's metadataWhitelist
  // ["position"]). Field names should be unique; a repeated name keeps its
  // first place and its last boost, as lunr's builder.field does.
  // `language` is the pipeline (lunr's `this.use(lunr.fr)`); it must outlive
  // the builder.
  explicit IndexBuilder(std::vector<FieldSpec> fields, bool positions = false,
                        const SearchLanguage& language = english_search_language());

  // Pure and thread-safe.
  AnalyzedDocument analyze(const SearchDocument& doc) const;
  // Everything analyze(doc)'s fields depend on besides the program: the
  // language, whether positions are kept, and the values in field order.
  // Equal keys, equal fields (see analysis_cache.h).
  std::string analysis_key(const SearchDocument& doc) const;

  // REQUIRES: calls in document order; refs unique (lunr merges documents
  // that share a ref in ways this builder does not reproduce).
  void add(AnalyzedDocument doc);
  void add(const SearchDocument& doc) { add(analyze(doc)); }

  // Optional: the number of documents that will be added, so storage can be
  // sized once instead of grown by copying.
  void expect_documents(size_t count);

  // Writes exactly JSON.stringify(index) of the lunr.js index built from the
  // same documents in the same order. Formatting runs on `threads` threads
  // (0 = all cores); the bytes do not depend on it. Stops soon after `out`
  // fails. Returns the bytes it formatted: the whole index's, or when `out`
  // failed, those it had formatted by then.
  size_t write_json(std::ostream& out, unsigned threads = 0) const;

  size_t document_count() const { return refs_.size(); }
  size_t term_count() const { return terms_.size(); }
  size_t field_count() const { return fields_.size(); }
  // The fields in lunr's order: Object.keys order, i.e. names that are
  // array indices ("0", "12") first, numerically, then the rest as given.
  const std::vector<FieldSpec>& fields() const { return fields_; }
  const SearchLanguage& language() const { return *language_; }
  const std::vector<std::string>& refs() const { return refs_; }

  // Term ids in lunr's order of the inverted index (Array#sort: UTF-16 code
  // units).
  std::vector<uint32_t> sorted_term_ids() const;
  const std::string& term(uint32_t id) const { return terms_[id]; }

 private:
  // Cuts the index's postings into term-range shards (index_shards.h).
  friend class IndexShardWriter;

  // One (document, field, term) triple: a vector element and a posting.
  struct Entry {
    uint32_t term;
    uint32_t frequency;
    uint32_t doc;
    uint32_t position_begin;  // index of its first pair in positions_
  };

  // Term-major view of the entries: for term t and field f, the entries
  // entry_ids[start[t * fields + f] .. start[t * fields + f + 1]), in
  // document order.
  struct Postings {
    std::vector<uint64_t> start;
    std::vector<uint32_t> entry_ids;
  };

  // Makes room in the term table for `more` new terms, so that intern()
  // does not grow it meanwhile.
  void reserve_terms(size_t more);
  // REQUIRES: reserve_terms made room for the term.
  uint32_t intern(const std::string& term, uint64_t hash);
  // How many terms ahead of the one interned add() fetches a term's slot.
  static constexpr size_t kInternLookahead = 8;
  Postings postings() const;
  std::vector<double> inverse_document_frequencies() const;
  // The score of one vector element (slot = document * fields + field), by
  // lunr's createFieldVectors, before rounding to thousandths.
  double vector_score(size_t slot, const Entry& entry, const std::vector<double>& idf) const;
  // Room write_vector_element needs at most: a term id, a comma, a score.
  static constexpr size_t kVectorElementRoom = 10 + 1 + kJsonNumberRoom;
  // One element of a slot's field vector, "TERM,SCORE", written at p;
  // returns its end.
  char* write_vector_element(char* p, size_t slot, const Entry& entry,
                             const std::vector<double>& idf) const;
  // Appends the field vector key "field/ref" of a slot, as a JSON string.
  void append_field_ref(size_t slot, std::string& out) const;
  void format_field_vectors(size_t doc_begin, size_t doc_end, const std::vector<double>& idf,
                            std::string& out) const;
  // Inverted-index entries of the terms order[begin, end); a comma precedes
  // each entry but the first term's.
  void format_terms(const std::vector<uint32_t>& order, size_t begin, size_t end,
                    const Postings& postings, std::string& out) const;

  std::vector<FieldSpec> fields_;   // lunr's Object.keys(_fields) order
  std::vector<size_t> spec_index_;  // fields_[i] is input field spec_index_[i]
  size_t index_key_slot_ = 0;       // where "_index" falls among posting keys
  bool positions_ = false;
  const SearchLanguage* language_;

  std::vector<std::string> refs_;
  std::vector<std::string> ref_json_;  // refs_ as JSON string literals
  // A posting of each ref without positions, comma first: ,"ref":{}
  std::vector<std::string> ref_posting_;
  std::vector<int64_t> ref_array_index_;  // ref as a JS array index, or -1
  bool any_array_index_ref_ = false;
  std::vector<double> doc_boosts_;

  std::vector<std::string> terms_;  // by term id (= lunr's _index)
  // Open-addressing term table. A slot holds the term id + 1 (0 = empty)
  // and the high half of the term's hash, so a probe touches a string only
  // when the hashes agree; the merge is sequential, so this lookup is on the
  // critical path.
  struct TermSlot {
    uint32_t id_plus_one = 0;
    uint32_t hash_high = 0;
  };
  std::vector<TermSlot> term_slots_;
  std::vector<uint64_t> term_hashes_;      // by term id, for rehashing
  std::vector<uint32_t> term_doc_counts_;  // postings per term, all fields

  size_t expected_documents_ = 0;
  std::vector<Entry> entries_;           // by document, field, term id
  std::vector<uint64_t> field_offsets_;  // entries of (doc, field) = [off[i], off[i+1])
  std::vector<uint32_t> field_lengths_;  // by doc * fields + field
  std::vector<uint64_t> field_length_sums_;
  std::vector<uint32_t> positions_data_;
};

}  // namespace agora
