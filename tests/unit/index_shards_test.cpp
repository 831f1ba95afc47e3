// Term-range shards: each shard holds its terms' postings, which are the
// whole index's (positions as in the lunr.js index of
// lunr_index_builder_test.cpp), the field lengths the client scores them
// with, the shard files and map, search.shards in site.yaml, and `agora
// index`. That the client's scores are lunr.js's is tests/e2e/lunr_shards.sh.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include "cli_runner.h"
#include "config/site_config.h"
#include "search/index_builder.h"
#include "search/index_shards.h"
#include "search/shard_files.h"
#include "search/site_search.h"

using namespace agora;

namespace {

IndexBuilder small_index() {
  IndexBuilder builder({{"title", 10}, {"body", 1}}, /*positions=*/true);
  builder.add(SearchDocument{"b", {"Hello !!! World", "ΟΔΟΣ İstanbul 42 the 7 x"}, 2});
  builder.add(SearchDocument{"3", {"", "hello hello 2020"}});
  builder.add(SearchDocument{"1", {"x", "42"}});
  return builder;
}

// Every shard of `builder`'s plan, described (with its digest) and
// formatted.
std::vector<IndexShard> described(IndexBuilder builder, const ShardOptions& options) {
  const ShardPlan plan(std::make_shared<IndexBuilder>(std::move(builder)), options);
  std::vector<IndexShard> shards = plan.describe(0, plan.size());
  plan.format_wanted(0, &shards, std::vector<char>(shards.size(), 1));
  return shards;
}

std::string whole_json(const IndexBuilder& builder) {
  std::ostringstream out;
  builder.write_json(out);
  return out.str();
}

}  // namespace

TEST_CASE("shards: one term per shard keeps the term's _index and postings") {
  const IndexBuilder builder = small_index();
  ShardOptions options;
  options.target_bytes = 1;  // every term is over it: one shard each
  const IndexShards shards = shard_index(builder, options);
  REQUIRE(shards.shards.size() == 8);
  CHECK(shards.documents == 3);
  CHECK(shards.terms == 8);
  CHECK(shards.fields == std::vector<std::string>{"title", "body"});
  CHECK(shards.field_boosts == std::vector<double>{10, 1});
  CHECK(shards.positions);
  CHECK(shards.shards[0].first_term == "");
  CHECK(shards.shards[1].first_term == "2020");
  CHECK(shards.shards[1].last_term == "2020");
  // "2020": document 1 ("3") only, in its body, once, at [12, 4].
  CHECK(shards.shards[1].json == R"({"docs":[1,"3"],"terms":[["2020",7,[],[0,1,12,4]]]})");
  // "x": the title of document 2 ("1") and the body of document 0 ("b").
  CHECK(shards.shards[7].json ==
        R"({"docs":[0,"b",2,"1"],"terms":[["x",6,[1,1,0,1],[0,1,24,1]]]})");
  // "hello": twice in the body of "3".
  CHECK(shards.shards[4].json ==
        R"({"docs":[0,"b",1,"3"],"terms":[["hello",0,[0,1,0,5],[1,2,0,5,6,5]]]})");
  CHECK(shards.terms_json == R"(["","2020","42","7","hello","i̇stanbul","world","x"])");
  CHECK(shards.refs_json == R"(["b","3","1"])");
  // Titles: "hello", "" (of "!!!"), "world" | nothing | "x". Bodies: "",
  // "i̇stanbul", "42", "7", "x" ("the" is a stop word) | "hello" twice,
  // "2020" | "42". "b" was added with boost 2.
  CHECK(shards.lengths_json ==
        R"({"sums":[4,9],"widths":[1,1],"lengths":["301","531"],"boosts":[2,1,1]})");
}

TEST_CASE("shards: together they hold the whole index's postings, each term once") {
  IndexBuilder builder({{"title", 10}, {"body", 1}});
  for (int d = 0; d < 300; ++d) {
    std::string body;
    for (int w = 0; w < 40; ++w) body += "w" + std::to_string((d * 7 + w * w) % 997) + " ";
    builder.add(SearchDocument{"doc/" + std::to_string(d), {"title " + std::to_string(d), body}});
  }
  ShardOptions options;
  options.target_bytes = 2000;
  const IndexShards shards = shard_index(builder, options);
  REQUIRE(shards.shards.size() > 5);
  const auto whole = nlohmann::ordered_json::parse(whole_json(builder));
  // The shards' postings, back in the inverted index's form.
  nlohmann::ordered_json terms = nlohmann::ordered_json::array();
  size_t postings = 0;
  for (const IndexShard& shard : shards.shards) {
    const auto json = nlohmann::ordered_json::parse(shard.json);
    const auto& docs = json["docs"];
    CHECK(json["terms"].front()[0] == shard.first_term);
    CHECK(json["terms"].back()[0] == shard.last_term);
    std::set<size_t> named;
    for (const auto& entry : json["terms"]) {
      nlohmann::ordered_json posting = {{"_index", entry[1]}};
      for (size_t f = 0; f < 2; ++f) {
        nlohmann::ordered_json field = nlohmann::ordered_json::object();
        const auto& list = entry[2 + f];
        for (size_t i = 0; i < list.size(); i += 2) {
          const size_t doc = list[i];
          field[docs[2 * doc + 1].get<std::string>()] = nlohmann::ordered_json::object();
          named.insert(doc);
          ++postings;
        }
        posting[shards.fields[f]] = field;
      }
      terms.push_back({entry[0], posting});
    }
    // Each document it lists is one its postings name, in document order.
    CHECK(named.size() * 2 == docs.size());
    for (size_t k = 2; k < docs.size(); k += 2) CHECK(docs[k - 2] < docs[k]);
  }
  CHECK(terms == whole["invertedIndex"]);
  // One posting per field-vector element.
  size_t elements = 0;
  for (const auto& vector : whole["fieldVectors"]) elements += vector[1].size() / 2;
  CHECK(postings == elements);
  CHECK(elements > 10000);
  // Each document's field lengths, and their sums: every title is two
  // tokens ("title", the number), every body 40, which takes two base-36
  // digits ("14").
  const auto lengths = nlohmann::json::parse(shards.lengths_json);
  CHECK(lengths["sums"] == nlohmann::json({600, 300 * 40}));
  CHECK(lengths["widths"] == nlohmann::json({1, 2}));
  CHECK(lengths["lengths"][0] == std::string(300, '2'));
  std::string bodies;
  for (size_t d = 0; d < 300; ++d) bodies += "14";
  CHECK(lengths["lengths"][1] == bodies);
  CHECK_FALSE(lengths.contains("boosts"));
}

TEST_CASE("shard files: the map names every file; scripts carry the same JSON") {
  const IndexBuilder builder = small_index();
  ShardOptions options;
  options.target_bytes = 1;
  const IndexShards shards = shard_index(builder, options);
  ShardFilesOptions files;
  files.store = {{"b", R"({"title":"B"})"}, {"3", R"({"title":"Three"})"}, {"1", "{}"}};
  files.store_chunk_documents = 1;
  files.types = {{"case-studies/", "Case study"}};
  const NamedFiles written = shard_files(shards, files);
  REQUIRE(written.size() == 1 + 8 + 3 + 4);
  CHECK(written[0].first == "shards.json");
  CHECK(written[1].first == "shard-000.json");
  CHECK(written[8].first == "shard-007.json");
  CHECK(written[9].first == "terms.json");
  CHECK(written[10].first == "refs.json");
  CHECK(written[11].first == "lengths.json");
  CHECK(written[11].second == shards.lengths_json);
  CHECK(written[12].first == "docs-000.json");
  const auto map = nlohmann::json::parse(written[0].second);
  CHECK(map["format"] == "agora-lunr-shards/2");
  CHECK(map["fields"] == nlohmann::json({"title", "body"}));
  CHECK(map["boosts"] == nlohmann::json({10, 1}));
  CHECK(map["positions"] == true);
  CHECK(map["pipeline"] == nlohmann::json({"stemmer"}));
  CHECK(map["documents"] == 3);
  CHECK(map["shards"][1] ==
        nlohmann::json({"2020", "2020", "shard-001.json", written[2].second.size()}));
  CHECK(map["vocabulary"][0] == "terms.json");
  CHECK(map["refs"][0] == "refs.json");
  CHECK(map["lengths"] == nlohmann::json({"lengths.json", shards.lengths_json.size()}));
  CHECK(map["store"].dump() == R"({"chunks":4,"files":"docs-###.json"})");
  CHECK(map["types"].dump() == R"([["case-studies/","Case study"]])");
  // Each document is in the chunk its ref hashes to.
  for (const StoreEntry& entry : files.store) {
    const auto chunk = nlohmann::json::parse(written[12 + ref_hash(entry.ref) % 4].second);
    CHECK(chunk[entry.ref] == nlohmann::json::parse(entry.json));
  }

  files.scripts = true;
  const NamedFiles scripts = shard_files(shards, files);
  REQUIRE(scripts.size() == written.size());
  CHECK(scripts[1].first == "shard-000.js");
  CHECK(scripts[1].second ==
        "(window.AGORA_SEARCH_FILES=window.AGORA_SEARCH_FILES||{})[\"shard-"
        "000.json\"]=" +
            written[1].second + ";\n");
  CHECK(scripts[0].first == "shards.js");
}

TEST_CASE("shard files streamed from a plan: the same files, a batch of shards at a time") {
  auto builder = std::make_shared<IndexBuilder>(small_index());
  ShardOptions options;
  options.target_bytes = 1;
  const NamedFiles whole = shard_files(shard_index(*builder, options), ShardFilesOptions{});
  const ShardPlan plan(builder, options);
  REQUIRE(plan.size() == 8);

  std::vector<NamedFiles> batches;
  auto keep = [&](NamedFiles batch) {
    batches.push_back(std::move(batch));
    return true;
  };
  REQUIRE(stream_shard_files(plan, ShardFilesOptions{}, 3, keep));
  // Shards 0-2, 3-5, 6-7, then terms, refs, lengths and the map.
  REQUIRE(batches.size() == 4);
  CHECK(batches[0].size() == 3);
  CHECK(batches[2].size() == 2);
  CHECK(batches[2][1].first == "shard-007.json");
  CHECK(batches[3].back().first == "shards.json");
  std::map<std::string, std::string> streamed, expected(whole.begin(), whole.end());
  for (auto& batch : batches) streamed.insert(batch.begin(), batch.end());
  CHECK(streamed == expected);

  // Offered to keep (by name and digest), the shards a sink keeps are
  // neither formatted nor emitted, and the map lists them with the sizes
  // it answered.
  const std::vector<IndexShard> shards = plan.describe(0, plan.size());
  std::vector<std::string> asked;
  auto keep_odd = [&](const std::vector<std::string>& names,
                      const std::vector<std::string>& digests) {
    std::vector<int64_t> sizes;
    for (size_t k = 0; k < names.size(); ++k) {
      CHECK(digests[k] == shards[asked.size()].digest);
      sizes.push_back(asked.size() % 2 ? static_cast<int64_t>(expected.at(names[k]).size()) : -1);
      asked.push_back(names[k]);
    }
    return sizes;
  };
  std::vector<NamedFiles> partial;
  REQUIRE(stream_shard_files(
      plan, ShardFilesOptions{}, 3,
      [&](NamedFiles batch) {
        partial.push_back(std::move(batch));
        return true;
      },
      keep_odd));
  REQUIRE(asked.size() == 8);
  std::map<std::string, std::string> made;
  for (auto& batch : partial) made.insert(batch.begin(), batch.end());
  for (size_t s = 0; s < 8; ++s) {
    INFO(s);
    CHECK(asked[s] == whole[1 + s].first);
    CHECK(made.count(asked[s]) == (s % 2 ? 0u : 1u));
  }
  for (const auto& [name, bytes] : made) CHECK(bytes == expected.at(name));
  CHECK(made.at("shards.json") == expected.at("shards.json"));

  // A refused batch stops the stream.
  size_t offered = 0;
  CHECK_FALSE(stream_shard_files(plan, ShardFilesOptions{}, 3, [&](NamedFiles) {
    ++offered;
    return false;
  }));
  CHECK(offered == 1);
}

TEST_CASE("a shard's digest names its content: equal for equal shards, apart for any change") {
  ShardOptions options;
  options.target_bytes = 1;
  const std::vector<IndexShard> before = described(small_index(), options);
  CHECK(described(small_index(), options)[3].digest == before[3].digest);
  // One more "x" in the first document's body: x's postings change, and
  // the documents of every other shard stay as they were.
  IndexBuilder edited({{"title", 10}, {"body", 1}}, /*positions=*/true);
  edited.add(SearchDocument{"b", {"Hello !!! World", "ΟΔΟΣ İstanbul 42 the 7 x x"}, 2});
  edited.add(SearchDocument{"3", {"", "hello hello 2020"}});
  edited.add(SearchDocument{"1", {"x", "42"}});
  const std::vector<IndexShard> after = described(std::move(edited), options);
  REQUIRE(after.size() == before.size());
  size_t changed = 0;
  for (size_t s = 0; s < before.size(); ++s) {
    INFO(before[s].first_term);
    // The JSON formatted from the description is shard_index's.
    CHECK(before[s].json == shard_index(small_index(), options).shards[s].json);
    const std::string& digest = before[s].digest;
    CHECK(digest.size() == 16);
    CHECK(digest.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK((digest == after[s].digest) == (before[s].json == after[s].json));
    changed += before[s].json != after[s].json;
  }
  CHECK(changed == 1);
  // A document's ref is in the shards that name it, and so in their digests.
  IndexBuilder renamed({{"title", 10}, {"body", 1}}, /*positions=*/true);
  renamed.add(SearchDocument{"b", {"Hello !!! World", "ΟΔΟΣ İstanbul 42 the 7 x"}, 2});
  renamed.add(SearchDocument{"4", {"", "hello hello 2020"}});
  renamed.add(SearchDocument{"1", {"x", "42"}});
  CHECK(described(std::move(renamed), options)[1].digest != before[1].digest);
  // Formatting alone makes no digests: they would cost two fifths as much again.
  CHECK(shard_index(small_index(), options).shards[1].digest.empty());
}

TEST_CASE("shard records: written and read back; a damaged line is skipped") {
  ShardRecords records;
  records["search/shard-000.json"] = {std::string(16, 'a'), std::string(64, 'b')};
  records["fr/search/shard-001.js"] = {"0123456789abcdef", std::string(64, '0')};
  const std::string text = shard_records_text(records);
  CHECK(parse_shard_records(text) == records);
  CHECK(parse_shard_records(text.substr(0, text.size() - 1)).size() == 1);  // cut short
  CHECK(parse_shard_records("XYZ " + std::string(64, 'b') + " a\n").empty());
  CHECK(parse_shard_records(std::string(16, 'a') + " " + std::string(63, 'b') + " a\n").empty());
  CHECK(parse_shard_records(std::string(16, 'a') + " " + std::string(64, 'b') + " \n").empty());
}

TEST_CASE("shard files: ref hash and chunk count") {
  // FNV-1a 32 over UTF-16 code units; lunr-shards.js computes the same.
  CHECK(ref_hash("") == 2166136261u);
  CHECK(ref_hash("a") == 0xe40c292cu);
  CHECK(ref_hash("é") == ref_hash("\xc3\xa9"));
  CHECK(store_chunk_count(0, 4) == 1);
  CHECK(store_chunk_count(4, 4) == 1);
  CHECK(store_chunk_count(5, 4) == 2);
  CHECK(store_chunk_count(10000, 4) == 4096);
}

TEST_CASE("site.yaml search.shards: defaults, values and errors") {
  const std::string site = "title: A\ntypes:\n  notes: {}\n";
  Diagnostics diags;
  auto config = parse_site_config(site, "site.yaml", &diags);
  REQUIRE(config);
  CHECK(config->search_shards.above == 2000000);
  CHECK(config->search_shards.size == 20000);
  CHECK(config->search_shards.documents == 4);
  config = parse_site_config(site + "search:\n  shards: {above: 1000, size: 20000, documents: 8}\n",
                             "site.yaml", &diags);
  REQUIRE(config);
  CHECK(diags.empty());
  CHECK(config->search_shards.above == 1000);
  CHECK(config->search_shards.size == 20000);
  CHECK(config->search_shards.documents == 8);

  config = parse_site_config(site + "search:\n  shards: {above: 10, sise: 20000, size: 5}\n",
                             "site.yaml", &diags);
  CHECK_FALSE(config);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].line == 5);
  CHECK(diags.items()[0].column == 23);
  CHECK(diags.items()[0].message == "unknown key 'sise' in search.shards");
  CHECK(diags.items()[0].hint == "did you mean 'size'?");
  CHECK(diags.items()[1].column == 42);
  CHECK(diags.items()[1].message == "search.shards.size must be at least 1000 (bytes)");
}

TEST_CASE("agora index: index.json, shards, and errors") {
  MemoryFileSystem fs;
  std::string err;
  fs.write_file("corpus.json",
                R"({"ref":"url","fields":[{"name":"title","boost":10},{"name":"body"}],)"
                R"("documents":[{"url":"a/","title":"Mangroves","body":"coastal mangroves",)"
                R"("date":"2024-01-02"},{"url":"b/","title":"Zoning","body":"coastal zoning"}]})",
                &err);
  auto run = testing::run_agora(&fs, {"index", "corpus.json", "--out", "index.json"});
  CHECK(run.code == 0);
  CHECK(run.err == "agora index: 2 documents, 3 terms\n");
  std::string json;
  REQUIRE(fs.read_file("index.json", &json, &err));
  CHECK(json.starts_with(R"({"version":"2.3.9","fields":["title","body"],)"));

  run = testing::run_agora(&fs, {"index", "corpus.json"});
  CHECK(run.code == 0);
  CHECK(run.out == json);

  run = testing::run_agora(
      &fs, {"index", "corpus.json", "--shards", "out/search", "--store", "title,date"});
  CHECK(run.code == 0);
  CHECK(run.out.empty());
  CHECK(fs.exists("out/search/shards.json"));
  CHECK(fs.exists("out/search/shard-000.json"));
  CHECK(fs.exists("out/search/terms.json"));
  std::string chunk;
  REQUIRE(fs.read_file("out/search/docs-000.json", &chunk, &err));
  CHECK(chunk == R"({"a/":{"title":"Mangroves","date":"2024-01-02"},"b/":{"title":"Zoning"}})");
  // A later run with fewer files removes what it no longer writes.
  fs.write_file("out/search/shard-009.json", "{}", &err);
  fs.write_file("out/search/notes.txt", "mine", &err);
  run = testing::run_agora(&fs, {"index", "corpus.json", "--shards", "out/search"});
  CHECK(run.code == 0);
  CHECK_FALSE(fs.exists("out/search/shard-009.json"));
  CHECK_FALSE(fs.exists("out/search/docs-000.json"));
  CHECK(fs.exists("out/search/notes.txt"));

  run = testing::run_agora(&fs, {"index", "missing.json"});
  CHECK(run.code == 1);
  CHECK(run.err.starts_with("agora index: "));
  fs.write_file("bad.json", R"({"ref":"url","fields":[{"name":"a/b"}],"documents":[]})", &err);
  run = testing::run_agora(&fs, {"index", "bad.json"});
  CHECK(run.code == 1);
  CHECK(run.err == "bad.json: search corpus: field 'a/b' contains illegal character '/'\n");
  run = testing::run_agora(&fs, {"index", "corpus.json", "--store", "title"});
  CHECK(run.code == 2);
}
