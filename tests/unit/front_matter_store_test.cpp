// Front matter kept between builds: a tree built back has the parse's
// values, tags, styles, key order and duplicate keys; the store finds only
// what was parsed under the same key and keeps what builds use; and a
// load that reports anything parses every tree again, so its diagnostics
// name lines and columns.
#include <doctest/doctest.h>

#include <map>
#include <mutex>
#include <string>

#include "content/front_matter.h"
#include "content/front_matter_cache.h"
#include "model/site_loader.h"
#include "output/front_matter_store.h"
#include "site_fixture.h"
#include "util/file_system.h"

using namespace agora;

namespace {

// Two trees with the same type, style, tag and value, node by node, and
// mappings with the same keys in the same order.
bool same_tree(const YAML::Node& a, const YAML::Node& b) {
  if (a.Type() != b.Type() || a.Tag() != b.Tag() || a.Style() != b.Style()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (!a.IsSequence() && !a.IsMap()) return true;
  if (a.size() != b.size()) return false;
  auto x = a.begin();
  auto y = b.begin();
  for (; x != a.end(); ++x, ++y) {
    if (a.IsMap() ? !same_tree(x->first, y->first) || !same_tree(x->second, y->second)
                  : !same_tree(*x, *y)) {
      return false;
    }
  }
  return true;
}

YAML::Node parsed(const std::string& yaml) {
  YAML::Node tree;
  Diagnostics diags;
  REQUIRE(load_yaml(yaml, "a.md", 1, "front matter", &tree, &diags));
  return tree;
}

constexpr const char* kYaml =
    "title: \"A title: quoted\"\n"
    "date: 2024-05-01\n"
    "empty:\n"
    "tilde: ~\n"
    "sdgs: [\"12\", 13, '17']\n"
    "flags: {a: yes, b: no}\n"
    "tagged: !!str 42\n"
    "anchor: &a [x, y]\n"
    "alias: *a\n"
    "nested:\n"
    "  - title: one\n"
    "    list:\n"
    "      - deep\n"
    "title: again\n"  // a duplicate key: the parse keeps both
    "text: |\n"
    "  two\n"
    "  lines\n";

// A cache in memory, counting what it is asked.
class MemoryTrees final : public FrontMatterCache {
 public:
  std::string id(std::string_view yaml, const YamlLimits&) const override {
    return std::string(yaml);
  }
  bool find(const std::string& id, YAML::Node* tree) const override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = kept_.find(id);
    if (it == kept_.end()) return false;
    ++found_;
    return decode_yaml_tree(it->second, tree);
  }
  void store(const std::string& id, const YAML::Node& tree) override {
    std::lock_guard<std::mutex> lock(mutex_);
    kept_[id] = encode_yaml_tree(tree);
  }
  size_t kept() const { return kept_.size(); }
  size_t found() const { return found_; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> kept_;
  mutable size_t found_ = 0;
};

std::string printed(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) {
    out += d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code +
           " " + d.message + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("front matter cache: a tree built back is the parsed tree, duplicate keys included") {
  const YAML::Node tree = parsed(kYaml);
  const std::string bytes = encode_yaml_tree(tree);
  YAML::Node back;
  REQUIRE(decode_yaml_tree(bytes, &back));
  CHECK(same_tree(tree, back));
  // What the checks read of it: the quoted "12" keeps its "!" tag, the
  // empty value is null, and both titles are there in order.
  CHECK(back["sdgs"][0].Tag() == "!");
  CHECK(back["sdgs"][1].Tag() == "?");
  CHECK(back["empty"].IsNull());
  CHECK(back["flags"].Style() == YAML::EmitterStyle::Flow);
  std::vector<std::string> keys;
  for (const auto& kv : back) keys.push_back(kv.first.Scalar());
  CHECK(std::count(keys.begin(), keys.end(), "title") == 2);
  CHECK(back["title"].Scalar() == "A title: quoted");
  CHECK(back["text"].Scalar() == "two\nlines\n");
  // Built back, a tree has no positions.
  CHECK(back["title"].Mark().line < 0);
  // Bytes cut short, or with anything after the tree, are refused.
  for (size_t cut : {size_t(0), size_t(1), bytes.size() / 2, bytes.size() - 1}) {
    YAML::Node damaged;
    CHECK_FALSE(decode_yaml_tree(bytes.substr(0, cut), &damaged));
  }
  YAML::Node longer;
  CHECK_FALSE(decode_yaml_tree(bytes + "x", &longer));
}

TEST_CASE("front matter store: a tree saved is found by the next build, under its key only") {
  MemoryFileSystem fs;
  const YAML::Node tree = parsed(kYaml);
  {
    FrontMatterStore store(fs, "cache/front-matter", "build-1", "a user's secret");
    YAML::Node none;
    CHECK_FALSE(store.find(store.id(kYaml, {}), &none));
    store.store(store.id(kYaml, {}), tree);
    store.store(store.id("other: 1\n", {}), parsed("other: 1\n"));
    std::string err;
    REQUIRE(store.save(&err));
    CHECK(store.stored() == 2);
  }
  REQUIRE(fs.files().count("cache/front-matter") == 1);
  const std::string saved = fs.files().at("cache/front-matter");
  {
    FrontMatterStore next(fs, "cache/front-matter", "build-1", "a user's secret");
    YAML::Node found;
    REQUIRE(next.find(next.id(kYaml, {}), &found));
    CHECK(same_tree(tree, found));
    // Other limits, text or program: other keys.
    YamlLimits tighter;
    tighter.depth = 3;
    YAML::Node other;
    CHECK_FALSE(next.find(next.id(kYaml, tighter), &other));
    CHECK_FALSE(next.find(next.id(std::string(kYaml) + "more: 1\n", {}), &other));
    FrontMatterStore other_program(fs, "cache/front-matter", "build-2", "a user's secret");
    CHECK_FALSE(other_program.find(other_program.id(kYaml, {}), &other));
    CHECK(FrontMatterStore(fs, "cache/front-matter", "", "a user's secret").id(kYaml, {}).empty());
    // Saving keeps the entry used and drops the one no build asked for.
    std::string err;
    REQUIRE(next.save(&err));
    CHECK(next.found() == 1);
  }
  CHECK(fs.files().at("cache/front-matter").size() < saved.size());
  {
    FrontMatterStore again(fs, "cache/front-matter", "build-1", "a user's secret");
    YAML::Node found;
    CHECK(again.find(again.id(kYaml, {}), &found));
    CHECK_FALSE(again.find(again.id("other: 1\n", {}), &found));
  }
  // A damaged file costs parsing, never a wrong tree.
  std::string err;
  REQUIRE(fs.write_file("cache/front-matter", saved.substr(0, saved.size() - 5), &err));
  FrontMatterStore damaged(fs, "cache/front-matter", "build-1", "a user's secret");
  YAML::Node found;
  if (damaged.find(damaged.id(kYaml, {}), &found)) CHECK(same_tree(tree, found));
}

TEST_CASE(
    "front matter cache: trees are parsed once, and a load that reports anything parses them") {
  testing::FixtureFs fs;
  MemoryTrees trees;
  LoadOptions options;
  options.trees = &trees;
  Diagnostics first;
  auto site = load_site(fs, "site/site.yaml", options, &first);
  REQUIRE(site);
  // Every document's tree but the draft's, which has a warning: kept, it
  // would have no marks to place the warning with in the next build.
  REQUIRE(first.warning_count() == 1);
  CHECK(trees.kept() == 5);
  CHECK(trees.found() == 0);

  // The next load builds those trees back, once each, and loads the same
  // site.
  Diagnostics second;
  auto again = load_site(fs, "site/site.yaml", options, &second);
  REQUIRE(again);
  CHECK(trees.found() == trees.kept());
  CHECK(printed(second) == printed(first));
  REQUIRE(again->documents.size() == site->documents.size());
  for (size_t i = 0; i < site->documents.size(); ++i) {
    CHECK(again->documents[i].source_path == site->documents[i].source_path);
    CHECK(again->documents[i].title == site->documents[i].title);
    CHECK(again->documents[i].fields == site->documents[i].fields);
    CHECK(again->documents[i].terms == site->documents[i].terms);
  }

  // Documents whose own text did not change now name an organization that
  // is gone: their trees are kept, but the errors are placed as a parse
  // places them.
  std::string err;
  REQUIRE(fs.remove_all("site/content/organizations/itu.md", &err));
  Diagnostics without_cache;
  load_site(fs, "site/site.yaml", LoadOptions{}, &without_cache);
  REQUIRE(without_cache.error_count() > 0);
  const size_t found_before = trees.found();
  Diagnostics with_cache;
  load_site(fs, "site/site.yaml", options, &with_cache);
  CHECK(trees.found() > found_before);  // the first load built trees back
  CHECK(printed(with_cache) == printed(without_cache));
  for (const auto& d : with_cache.items()) CHECK(d.line > 0);
}
