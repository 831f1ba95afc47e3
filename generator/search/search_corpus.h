#pragma once
// The search corpus: the exact input of the index, as
// `agora build --emit-search-corpus FILE` writes it (DESIGN.md, Search):
//   {"ref": "url", "fields": [{"name": "title", "boost": 10}, ...],
//    "language": "fr", "documents": [{"url": "...", "title": "...", ...}, ...]}
// "language" (optional, default "en") picks the pipeline: lunr's own for
// "en", lunr-languages' `this.use(lunr.fr)` and so on (search_language.h).
// A document may also carry "boost" (a number; lunr's add(doc, {boost}))
// when no field is named "boost".
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "search/index_builder.h"

namespace agora {

struct SearchCorpus {
  std::string ref = "id";
  std::string language = "en";  // a code find_search_language knows
  std::vector<FieldSpec> fields;
  std::vector<SearchDocument> documents;  // SearchDocument::fields parallel to `fields`
  // Per document, when parse_search_corpus was given store keys: a JSON
  // object of the document's members with those names, values as written.
  std::vector<std::string> stored;
};

// Parses corpus JSON. Field values may be strings, numbers, booleans (as
// JavaScript's String() prints them), null or absent (empty). On failure
// returns false and sets `error` to a one-line message naming the document.
// Members named in `store_keys` are also kept in corpus.stored. Documents
// are read on `threads` threads (0 = all cores).
bool parse_search_corpus(std::string_view json, SearchCorpus& corpus, std::string& error,
                         const std::vector<std::string>& store_keys = {}, unsigned threads = 0);

// A corpus whose documents are still JSON text. split_search_corpus reads
// every other member and finds where each document starts and ends without
// decoding it; read_search_document then reads one, on any thread. So a
// large corpus can be analysed as it is read, one document per thread at a
// time, instead of being held decoded whole (61 MB of fresh memory for
// 10,000 documents: in these VMs the kernel's zeroing of fresh pages was
// the largest cost of reading).
struct SplitSearchCorpus {
  SearchCorpus header;                      // documents and stored left empty
  std::string_view json;                    // the whole text
  std::vector<std::string_view> documents;  // each document's text, within json
};

// On failure returns false and sets `error` as parse_search_corpus does; an
// error inside a document is found only when that document is read.
bool split_search_corpus(std::string_view json, SplitSearchCorpus& split, std::string& error);

// Reads document `index` into `doc`, whose strings are cleared and reused,
// and with `stored`, the members named in `store_keys` (see SearchCorpus).
bool read_search_document(const SplitSearchCorpus& split, size_t index,
                          const std::vector<std::string>& store_keys, SearchDocument& doc,
                          std::string* stored, std::string& error);

// Writes the JSON of a corpus (the format above).
void write_search_corpus(const SearchCorpus& corpus, std::ostream& out);

struct IndexStats {
  size_t documents = 0;
  size_t terms = 0;
};

// corpus -> index.json with the corpus's language, analysis on `threads`
// threads (0 = all cores). REQUIRES: a known language (parse_search_corpus
// checks it).
IndexStats write_search_index(const SearchCorpus& corpus, std::ostream& out, bool positions,
                              unsigned threads = 0);

}  // namespace agora
