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
// Members named in `store_keys` are also kept in corpus.stored.
bool parse_search_corpus(std::string_view json, SearchCorpus& corpus, std::string& error,
                         const std::vector<std::string>& store_keys = {});

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
