// IndexBuilder against JSON.stringify of lunr.js 2.3.9 indexes built in node
// from the same documents (the expected strings are node's output).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "search/index_builder.h"
#include "search/parallel_indexing.h"
#include "search/search_corpus.h"

using namespace agora;

namespace {

std::string to_json(const IndexBuilder& builder) {
  std::ostringstream out;
  builder.write_json(out);
  return out.str();
}

}  // namespace

TEST_CASE("index builder: positions, empty terms, boosts, array-index refs first") {
  IndexBuilder builder({{"title", 10}, {"body", 1}}, /*positions=*/true);
  builder.add(SearchDocument{"b", {"Hello !!! World", "ΟΔΟΣ İstanbul 42 the 7 x"}, 2});
  builder.add(SearchDocument{"3", {"", "hello hello 2020"}});
  builder.add(SearchDocument{"1", {"x", "42"}});
  CHECK(builder.document_count() == 3);
  CHECK(builder.term_count() == 8);
  CHECK(
      to_json(builder) ==
      R"({"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/b",[0,6.22,1,6.22,2,12.979]],["body/b",[1,0.739,3,1.541,4,0.739,5,1.541,6,0.739]],["title/3",[]],["body/3",[0,0.646,7,0.981]],["title/1",[6,5.235]],["body/1",[4,0.646]]],"invertedIndex":[["",{"_index":1,"title":{"b":{"position":[[6,3]]}},"body":{"b":{"position":[[0,4]]}}}],["2020",{"_index":7,"title":{},"body":{"3":{"position":[[12,4]]}}}],["42",{"_index":4,"title":{},"body":{"1":{"position":[[0,2]]},"b":{"position":[[15,2]]}}}],["7",{"_index":5,"title":{},"body":{"b":{"position":[[22,1]]}}}],["hello",{"_index":0,"title":{"b":{"position":[[0,5]]}},"body":{"3":{"position":[[0,5],[6,5]]}}}],["i̇stanbul",{"_index":3,"title":{},"body":{"b":{"position":[[5,9]]}}}],["world",{"_index":2,"title":{"b":{"position":[[10,5]]}},"body":{}}],["x",{"_index":6,"title":{"1":{"position":[[0,1]]}},"body":{"b":{"position":[[24,1]]}}}]],"pipeline":["stemmer"]})");
}

TEST_CASE("index builder: array-index field names come first, and _index after them") {
  IndexBuilder builder({{"z", 1}, {"10", 2}, {"2", 1}});
  builder.add(SearchDocument{"p/1", {"alpha \"quoted\" back\\slash", "alpha beta", "Beta gamma"}});
  builder.add(SearchDocument{"07", {"gamma", "", "alpha"}});
  CHECK(
      to_json(builder) ==
      R"({"version":"2.3.9","fields":["2","10","z"],"fieldVectors":[["2/p/1",[0,0.16,1,0.16]],["10/p/1",[0,0.259,2,0.19]],["z/p/1",[2,0.111,3,0.575,4,0.575]],["2/07",[2,0.155]],["10/07",[]],["z/07",[1,0.229]]],"invertedIndex":[["alpha",{"2":{"07":{}},"10":{"p/1":{}},"_index":2,"z":{"p/1":{}}}],["back\\slash",{"2":{},"10":{},"_index":4,"z":{"p/1":{}}}],["beta",{"2":{"p/1":{}},"10":{"p/1":{}},"_index":0,"z":{}}],["gamma",{"2":{"p/1":{}},"10":{},"_index":1,"z":{"07":{}}}],["quot",{"2":{},"10":{},"_index":3,"z":{"p/1":{}}}]],"pipeline":["stemmer"]})");
}

TEST_CASE("index builder: an empty index") {
  IndexBuilder builder({{"title", 1}});
  CHECK(
      to_json(builder) ==
      R"({"version":"2.3.9","fields":["title"],"fieldVectors":[],"invertedIndex":[],"pipeline":["stemmer"]})");
}

TEST_CASE("index builder: parallel analysis gives the same bytes as sequential") {
  std::vector<SearchDocument> docs;
  for (int i = 0; i < 500; ++i) {
    docs.push_back(
        {"doc/" + std::to_string(i),
         {"Title " + std::to_string(i % 17), "body words running runner " + std::to_string(i)}});
  }
  IndexBuilder sequential({{"title", 10}, {"body", 1}});
  for (const auto& d : docs) sequential.add(d);
  IndexBuilder parallel({{"title", 10}, {"body", 1}});
  size_t last = 0;
  add_documents(parallel, docs, 3, [&](size_t n) { last = n; });
  CHECK(last == docs.size());
  CHECK(to_json(parallel) == to_json(sequential));
}

namespace {

// Takes `cap` bytes, then refuses; counts what it was offered.
class RefusingBuffer : public std::streambuf {
 public:
  explicit RefusingBuffer(size_t cap) : cap_(cap) {}
  size_t offered = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    offered += static_cast<size_t>(n);
    return offered <= cap_ ? n : 0;
  }
  int_type overflow(int_type c) override {
    return xsputn(nullptr, 1) == 1 ? c : traits_type::eof();
  }

 private:
  size_t cap_;
};

}  // namespace

TEST_CASE("index builder: a stream that fails stops the formatting") {
  IndexBuilder builder({{"title", 10}, {"body", 1}});
  for (int i = 0; i < 20000; ++i) {
    builder.add(SearchDocument{"doc/" + std::to_string(i),
                               {"Title " + std::to_string(i), "word" + std::to_string(i % 4000)}});
  }
  const size_t whole = to_json(builder).size();
  REQUIRE(whole > 3'000'000);
  RefusingBuffer refusing(100'000);
  std::ostream out(&refusing);
  const size_t formatted = builder.write_json(out, 2);
  CHECK(out.fail());
  CHECK(refusing.offered > 100'000);
  // The writer hands over about 1 MB at a time: it stopped within a wave
  // or two of the failure, not at the end.
  CHECK(formatted < whole / 2);
  std::ostringstream whole_out;
  CHECK(builder.write_json(whole_out, 2) == whole);
}

TEST_CASE("search corpus: parse, and errors name the document") {
  SearchCorpus corpus;
  std::string error;
  REQUIRE(parse_search_corpus(
      R"({"ref":"url","fields":[{"name":"title","boost":10},{"name":"body"}],
          "documents":[{"url":"a","title":"T","body":null,"boost":2},{"url":7,"title":1.5}]})",
      corpus, error));
  REQUIRE(corpus.documents.size() == 2);
  CHECK(corpus.fields[0].boost == 10);
  CHECK(corpus.fields[1].boost == 1);
  CHECK(corpus.documents[0].boost == 2);
  CHECK(corpus.documents[0].fields == std::vector<std::string>{"T", ""});
  CHECK(corpus.documents[1].ref == "7");
  CHECK(corpus.documents[1].fields[0] == "1.5");

  // Documents before fields, escapes and surrogate pairs, unknown keys skipped.
  REQUIRE(parse_search_corpus(
      R"({"documents":[{"x":{"y":[1,true]},"id":"d\"1","t":"a\u00e9\ud83d\ude00\n\/"}],"extra":null,
          "fields":[{"boost":2,"name":"t"}]})",
      corpus, error));
  REQUIRE(corpus.documents.size() == 1);
  CHECK(corpus.ref == "id");
  CHECK(corpus.fields[0].boost == 2);
  CHECK(corpus.documents[0].ref == "d\"1");
  CHECK(corpus.documents[0].fields[0] == "a\u00e9\U0001F600\n/");

  CHECK_FALSE(parse_search_corpus(
      R"({"ref":"url","fields":[{"name":"t"}],"documents":[{"url":"a","t":["x"]}]})", corpus,
      error));
  CHECK(error ==
        "search corpus: document 0 (a): field 't' must be a string, number, boolean or null");
  CHECK_FALSE(parse_search_corpus("{", corpus, error));
  CHECK(error == "search corpus: JSON: expected a string at byte 1");
  CHECK_FALSE(parse_search_corpus("[]", corpus, error));
  CHECK(error == "search corpus: not a JSON object");
  CHECK_FALSE(parse_search_corpus(R"({"fields":[],"documents":[{"id":"a"},]})", corpus, error));
  CHECK(error == "search corpus: document 1 is not an object");
  CHECK_FALSE(parse_search_corpus(R"({"fields":[{"name":"a/b"}],"documents":[]})", corpus, error));
  CHECK(error == "search corpus: field 'a/b' contains illegal character '/'");
}

TEST_CASE("search corpus: write_search_corpus output parses back to the same corpus") {
  SearchCorpus corpus;
  corpus.ref = "url";
  corpus.fields = {{"title", 10}, {"body", 1.5}};
  corpus.documents = {{"a/", {"Tab\there \"quoted\"", "\xF0\x9F\x98\x80 \x01"}, 2},
                      {"b/", {"", ""}, 1}};
  std::ostringstream out;
  write_search_corpus(corpus, out);
  SearchCorpus back;
  std::string error;
  REQUIRE(parse_search_corpus(out.str(), back, error));
  CHECK(back.ref == corpus.ref);
  REQUIRE(back.fields.size() == 2);
  CHECK(back.fields[1].boost == 1.5);
  REQUIRE(back.documents.size() == 2);
  for (size_t i = 0; i < 2; ++i) {
    CHECK(back.documents[i].ref == corpus.documents[i].ref);
    CHECK(back.documents[i].fields == corpus.documents[i].fields);
    CHECK(back.documents[i].boost == corpus.documents[i].boost);
  }
}

TEST_CASE("search corpus: documents split out first, read in any order, errors where they are") {
  // Brackets, commas and escaped quotes inside strings do not end a document.
  const std::string json =
      R"({"documents":[{"u":"a","t":"] } \" [ { ,","x":[{"y":"]"}]} , {"u":"b","t":"two"}],)"
      R"("fields":[{"name":"t"}],"ref":"u"})";
  SplitSearchCorpus split;
  std::string error;
  REQUIRE(split_search_corpus(json, split, error));
  CHECK(split.header.ref == "u");  // ref came after the documents
  REQUIRE(split.documents.size() == 2);
  CHECK(split.documents[1] == R"({"u":"b","t":"two"})");
  SearchDocument doc;
  std::string stored;
  REQUIRE(read_search_document(split, 1, {"t"}, doc, &stored, error));
  CHECK(doc.ref == "b");
  CHECK(stored == R"({"t":"two"})");
  // The same document object, reused: nothing of document 1 is left.
  REQUIRE(read_search_document(split, 0, {}, doc, nullptr, error));
  CHECK(doc.ref == "a");
  CHECK(doc.fields == std::vector<std::string>{"] } \" [ { ,"});

  // A value counts once; a document's own error gives its offset in the
  // whole corpus, not in the document.
  const std::string bad = R"({"fields":[],"documents":[{"id":"a"},{"id":"b" "c"}]})";
  REQUIRE(split_search_corpus(bad, split, error));
  CHECK_FALSE(read_search_document(split, 1, {}, doc, nullptr, error));
  CHECK(error ==
        "search corpus: JSON: expected ',' or '}' at byte " + std::to_string(bad.find("\"c\"")));
  SearchCorpus corpus;
  CHECK_FALSE(parse_search_corpus(bad, corpus, error));
  CHECK(error == "search corpus: JSON: expected ',' or '}' at byte 47");

  // Between documents, the splitter checks the commas and the end.
  CHECK_FALSE(
      parse_search_corpus(R"({"fields":[],"documents":[{"id":"a"} {"id":"b"}]})", corpus, error));
  CHECK(error == "search corpus: JSON: expected ',' or ']' at byte 37");
  CHECK_FALSE(parse_search_corpus(R"({"fields":[],"documents":[{"id":"a\"}]})", corpus, error));
  CHECK(error == "search corpus: JSON: unterminated string at byte 39");
  const std::string cut = R"({"fields":[],"documents":[{"id":"a\)";
  CHECK_FALSE(parse_search_corpus(cut, corpus, error));
  CHECK(error == "search corpus: JSON: unterminated string at byte " + std::to_string(cut.size()));
  CHECK_FALSE(parse_search_corpus(R"({"fields":[],"documents":{"id":"a"}})", corpus, error));
  CHECK(error == "search corpus: \"documents\" must be an array");
  // Named twice: the last counts, as with JSON.parse.
  REQUIRE(parse_search_corpus(R"({"fields":[],"documents":[{"id":"a"}],"documents":[]})", corpus,
                              error));
  CHECK(corpus.documents.empty());
}

TEST_CASE("search corpus: of many bad documents read in parallel, the first is reported") {
  std::string json = R"({"fields":[{"name":"t"}],"documents":[)";
  for (int i = 0; i < 2000; ++i) {
    if (i != 0) json += ',';
    json += (i == 700 || i == 1500) ? R"({"t":"no id"})" : R"({"id":")" + std::to_string(i) + "\"}";
  }
  json += "]}";
  for (unsigned threads : {1u, 2u, 4u}) {
    SearchCorpus corpus;
    std::string error;
    CHECK_FALSE(parse_search_corpus(json, corpus, error, {}, threads));
    CHECK(error == "search corpus: document 700: \"id\" must be a string or number");
  }
}

TEST_CASE("index builder: documents read as they are analysed, up to the first that fails") {
  std::string json = R"({"fields":[{"name":"title","boost":10},{"name":"body"}],"documents":[)";
  std::vector<SearchDocument> docs;
  for (int i = 0; i < 300; ++i) {
    docs.push_back({"doc/" + std::to_string(i),
                    {"Title " + std::to_string(i % 17),
                     i % 3 == 0 ? "" : "body words running runner " + std::to_string(i)}});
    json += (i == 0 ? "{" : ",{") + std::string(R"("id":")") + docs.back().ref + R"(","title":")" +
            docs.back().fields[0] + "\"" +
            (docs.back().fields[1].empty() ? "" : R"(,"body":")" + docs.back().fields[1] + "\"") +
            "}";
  }
  json += "]}";
  IndexBuilder from_vector({{"title", 10}, {"body", 1}});
  add_documents(from_vector, docs, 2);
  SplitSearchCorpus split;
  std::string error;
  REQUIRE(split_search_corpus(json, split, error));
  for (unsigned threads : {1u, 3u}) {
    // A document without a body after one with a body: a reused document
    // must not keep the earlier body.
    IndexBuilder streamed({{"title", 10}, {"body", 1}});
    auto read = [&](size_t i, SearchDocument& doc, std::string& err) {
      return read_search_document(split, i, {}, doc, nullptr, err);
    };
    REQUIRE(add_documents(streamed, split.documents.size(), read, error, threads));
    CHECK(to_json(streamed) == to_json(from_vector));

    IndexBuilder stopped({{"title", 10}, {"body", 1}});
    auto failing = [&](size_t i, SearchDocument& doc, std::string& err) {
      if (i == 120 || i == 250) {
        err = "bad " + std::to_string(i);
        return false;
      }
      return read(i, doc, err);
    };
    CHECK_FALSE(add_documents(stopped, split.documents.size(), failing, error, threads));
    CHECK(error == "bad 120");
    CHECK(stopped.document_count() == 120);
  }
}
