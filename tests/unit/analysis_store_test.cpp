// Search analysis kept between builds: what is encoded comes back whole,
// an index built from kept analyses has the bytes of one built afresh, the
// store finds only what was analysed under the same key, and a damaged
// cache costs analysis, never a wrong index.
#include <doctest/doctest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "output/analysis_store.h"
#include "search/analysis_cache.h"
#include "search/index_builder.h"
#include "search/parallel_indexing.h"
#include "util/file_system.h"

using namespace agora;

namespace {

const std::vector<FieldSpec> kFields = {{"title", 10}, {"body", 1}};

std::vector<SearchDocument> documents() {
  std::vector<SearchDocument> docs;
  for (int i = 0; i < 40; ++i) {
    docs.push_back({"doc/" + std::to_string(i),
                    {"Running title " + std::to_string(i % 7),
                     "ΟΔΟΣ İstanbul café naïve words " + std::to_string(i) + " the runner ran"},
                    i % 3 == 0 ? 2.0 : 1.0});
  }
  docs.push_back({"empty", {"", ""}});
  return docs;
}

std::string index_json(const std::vector<SearchDocument>& docs, bool positions,
                       AnalysisCache* cache) {
  IndexBuilder builder(kFields, positions);
  add_documents(builder, docs, 2, nullptr, cache);
  std::ostringstream out;
  builder.write_json(out);
  return out.str();
}

void check_same_fields(const std::vector<AnalyzedField>& a, const std::vector<AnalyzedField>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t f = 0; f < a.size(); ++f) {
    CHECK(a[f].length == b[f].length);
    CHECK(a[f].terms == b[f].terms);
    CHECK(a[f].frequencies == b[f].frequencies);
    CHECK(a[f].term_hashes == b[f].term_hashes);
    CHECK(a[f].positions == b[f].positions);
  }
}

}  // namespace

TEST_CASE("analysis cache: an analysis encoded comes back whole, and damage is refused") {
  for (bool positions : {false, true}) {
    IndexBuilder builder(kFields, positions);
    for (const SearchDocument& doc : documents()) {
      const AnalyzedDocument analyzed = builder.analyze(doc);
      const std::string bytes = encode_analysis(analyzed.fields);
      std::vector<AnalyzedField> back;
      REQUIRE(decode_analysis(bytes, &back));
      check_same_fields(analyzed.fields, back);
      for (size_t cut : {size_t(0), size_t(1), bytes.size() / 2, bytes.size() - 1}) {
        std::vector<AnalyzedField> damaged;
        CHECK_FALSE(decode_analysis(bytes.substr(0, cut), &damaged));
      }
      std::vector<AnalyzedField> longer;
      CHECK_FALSE(decode_analysis(bytes + "x", &longer));
    }
  }
}

TEST_CASE("analysis cache: the key holds the language, positions and each field's value") {
  const IndexBuilder english(kFields);
  const IndexBuilder with_positions(kFields, true);
  const IndexBuilder french(kFields, false, *find_search_language("fr"));
  const SearchDocument doc{"a", {"ab", "c"}};
  const std::string key = english.analysis_key(doc);
  CHECK(key == english.analysis_key(SearchDocument{"other ref", {"ab", "c"}, 3}));
  CHECK(key != with_positions.analysis_key(doc));
  CHECK(key != french.analysis_key(doc));
  // Text moved from one field to the next is another document.
  CHECK(key != english.analysis_key(SearchDocument{"a", {"a", "bc"}}));
  CHECK(key != english.analysis_key(SearchDocument{"a", {"abc", ""}}));
}

TEST_CASE("analysis store: an index built from kept analyses has the bytes of one built afresh") {
  MemoryFileSystem fs;
  const std::vector<SearchDocument> docs = documents();
  for (bool positions : {false, true}) {
    CAPTURE(positions);
    const std::string dir = positions ? "cache/analysis/p" : "cache/analysis/n";
    const std::string fresh = index_json(docs, positions, nullptr);
    {
      AnalysisStore store(fs, dir, "build-1", "a user's secret");
      CHECK(index_json(docs, positions, &store) == fresh);
      CHECK(store.found() == 0);
      CHECK(store.stored() == docs.size());
      std::string err;
      REQUIRE(store.save(&err));
    }
    {
      AnalysisStore next(fs, dir, "build-1", "a user's secret");
      CHECK(index_json(docs, positions, &next) == fresh);
      CHECK(next.found() == docs.size());
      CHECK(next.stored() == 0);
    }
    // One document edited: it alone is analysed again.
    std::vector<SearchDocument> edited = docs;
    edited[5].fields[1] += " an edit";
    AnalysisStore after(fs, dir, "build-1", "a user's secret");
    CHECK(index_json(edited, positions, &after) == index_json(edited, positions, nullptr));
    CHECK(after.stored() == 1);
    // Another program finds nothing; one that cannot name itself keeps nothing.
    AnalysisStore other(fs, dir, "build-2", "a user's secret");
    CHECK(index_json(docs, positions, &other) == fresh);
    CHECK(other.found() == 0);
    CHECK(AnalysisStore(fs, dir, "", "a user's secret").id("key").empty());
  }
}

TEST_CASE("analysis store: a damaged entry costs analysis, never a wrong index") {
  MemoryFileSystem fs;
  const std::vector<SearchDocument> docs = documents();
  const std::string fresh = index_json(docs, true, nullptr);
  {
    AnalysisStore store(fs, "cache/analysis/en", "build-1", "a user's secret");
    index_json(docs, true, &store);
    std::string err;
    REQUIRE(store.save(&err));
  }
  // In every file, the first entry's tag altered (its bytes no longer
  // decode) and the last entry cut short (it is lost).
  size_t damaged = 0;
  for (const auto& [path, bytes] : std::map<std::string, std::string>(fs.files())) {
    if (!path.starts_with("cache/analysis/en/")) continue;
    std::string text = bytes;
    const size_t tag = text.find("agora-analysis 1\n");
    REQUIRE(tag != std::string::npos);
    text[tag + 15] = '9';
    text.resize(text.size() - 3);
    std::string err;
    REQUIRE(fs.write_file(path, text, &err));
    ++damaged;
  }
  REQUIRE(damaged > 0);
  {
    AnalysisStore next(fs, "cache/analysis/en", "build-1", "a user's secret");
    CHECK(index_json(docs, true, &next) == fresh);
    CHECK(next.found() < docs.size());
    CHECK(next.found() + next.stored() == docs.size());
    std::string err;
    REQUIRE(next.save(&err));
  }
  // The build after finds them all again.
  AnalysisStore repaired(fs, "cache/analysis/en", "build-1", "a user's secret");
  CHECK(index_json(docs, true, &repaired) == fresh);
  CHECK(repaired.found() == docs.size());
}
