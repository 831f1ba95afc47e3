// Parsed bodies kept between builds: what is encoded comes back whole,
// the store finds only what was parsed under the same key, and a damaged
// cache costs parsing, never a wrong body.
#include <doctest/doctest.h>

#include <string>

#include "config/site_config.h"
#include "content/body.h"
#include "content/body_cache.h"
#include "output/body_store.h"
#include "util/file_system.h"

using namespace agora;

namespace {

constexpr const char* kBody =
    "# Title {#top}\n\nA [link](../x/) and ![map](img/map.png) and <b>raw</b>.\n\n"
    "## Part\n\n[bad](javascript:alert(1)) text {{< unknown >}}\n";

// What parse_body makes of kBody, with its diagnostics.
Document parsed(bool html, Diagnostics* diags) {
  SiteConfig config;
  Document doc;
  doc.source_path = "content/notes/a.md";
  parse_body(kBody, 5, config, html, &doc, diags);
  return doc;
}

void check_same_body(const Document& a, const Document& b) {
  CHECK(a.headings == b.headings);
  CHECK(a.links == b.links);
  CHECK(a.toc == b.toc);
  REQUIRE((a.html == nullptr) == (b.html == nullptr));
  if (a.html) {
    CHECK(a.html->pieces == b.html->pieces);
    CHECK(a.html->holes == b.html->holes);
  }
  CHECK(*a.plain_text == *b.plain_text);
  CHECK(a.first_paragraph == b.first_paragraph);
  CHECK(a.word_count == b.word_count);
}

BodyKey key_of(bool html = true) { return BodyKey{kBody, 5, false, html, "content/notes/a.md"}; }

}  // namespace

TEST_CASE("body cache: an encoded body decodes to the same members and diagnostics") {
  for (bool html : {true, false}) {
    Diagnostics diags;
    const Document doc = parsed(html, &diags);
    REQUIRE(diags.items().size() >= 2);  // the unsafe URL and the unknown shortcode
    REQUIRE(doc.links.size() == 3);
    const std::string bytes = encode_body(doc, diags);
    Document back;
    Diagnostics back_diags;
    REQUIRE(decode_body(bytes, &back, &back_diags));
    check_same_body(doc, back);
    CHECK(back_diags.items() == diags.items());
    // Cut anywhere, or with a byte more, the bytes are refused.
    for (size_t cut : {size_t(0), size_t(5), bytes.size() / 2, bytes.size() - 1}) {
      Document partial;
      Diagnostics partial_diags;
      CHECK_FALSE(decode_body(bytes.substr(0, cut), &partial, &partial_diags));
      CHECK(partial_diags.empty());
    }
    CHECK_FALSE(decode_body(bytes + "x", &back, &back_diags));
  }
}

TEST_CASE("body store: a body stored and saved is found by the next build, under its key only") {
  MemoryFileSystem fs;
  Diagnostics diags;
  const Document doc = parsed(true, &diags);
  {
    BodyStore store(fs, "cache/bodies", "build-1", "a user's secret");
    Document none;
    Diagnostics none_diags;
    CHECK_FALSE(store.find(store.id(key_of()), &none, &none_diags));
    store.store(store.id(key_of()), doc, diags);
    std::string err;
    REQUIRE(store.save(&err));
    CHECK(store.stored() == 1);
  }
  size_t files = 0;
  for (const auto& [path, _] : fs.files()) files += path.starts_with("cache/bodies/");
  CHECK(files == 1);

  BodyStore next(fs, "cache/bodies", "build-1", "a user's secret");
  Document found;
  Diagnostics found_diags;
  REQUIRE(next.find(next.id(key_of()), &found, &found_diags));
  check_same_body(doc, found);
  CHECK(found_diags.items() == diags.items());
  CHECK(next.found() == 1);
  // Any other setting, file, line, body or program is another key.
  const std::string other_body = std::string(kBody) + "more\n";
  for (const BodyKey& key : {key_of(false), BodyKey{kBody, 6, false, true, "content/notes/a.md"},
                             BodyKey{kBody, 5, true, true, "content/notes/a.md"},
                             BodyKey{kBody, 5, false, true, "content/notes/b.md"},
                             BodyKey{other_body, 5, false, true, "content/notes/a.md"}}) {
    Document other;
    Diagnostics other_diags;
    CHECK_FALSE(next.find(next.id(key), &other, &other_diags));
  }
  BodyStore other_program(fs, "cache/bodies", "build-2", "a user's secret");
  Document other;
  Diagnostics other_diags;
  CHECK_FALSE(other_program.find(other_program.id(key_of()), &other, &other_diags));
  // A program without a build ID names nothing, so it finds and keeps
  // nothing.
  BodyStore anonymous(fs, "cache/bodies", "", "a user's secret");
  CHECK(anonymous.id(key_of()).empty());
  CHECK_FALSE(anonymous.find(anonymous.id(key_of()), &other, &other_diags));
}

TEST_CASE(
    "body store: saving drops the entries no build asked for, and a damaged file is parsed anew") {
  MemoryFileSystem fs;
  Diagnostics diags;
  const Document doc = parsed(true, &diags);
  const std::string other_body = std::string(kBody) + "more\n";
  const BodyKey other{other_body, 5, false, true, "content/notes/a.md"};
  std::string err;
  {
    BodyStore store(fs, "cache/bodies", "build-1", "a user's secret");
    store.store(store.id(key_of()), doc, diags);
    REQUIRE(store.save(&err));
  }
  {
    // The next build edits the body: the old entry is not asked for.
    BodyStore store(fs, "cache/bodies", "build-1", "a user's secret");
    Document found;
    Diagnostics found_diags;
    CHECK_FALSE(store.find(store.id(other), &found, &found_diags));
    store.store(store.id(other), doc, diags);
    REQUIRE(store.save(&err));
  }
  BodyStore after(fs, "cache/bodies", "build-1", "a user's secret");
  Document found;
  Diagnostics found_diags;
  CHECK(after.find(after.id(other), &found, &found_diags));
  CHECK_FALSE(after.find(after.id(key_of()), &found, &found_diags));

  // Every file cut short: nothing is found, nothing wrong is returned.
  for (const auto& [path, bytes] : std::map<std::string, std::string>(fs.files())) {
    if (path.starts_with("cache/bodies/"))
      REQUIRE(fs.write_file(path, bytes.substr(0, bytes.size() - 3), &err));
  }
  BodyStore damaged(fs, "cache/bodies", "build-1", "a user's secret");
  Document none;
  Diagnostics none_diags;
  CHECK_FALSE(damaged.find(damaged.id(other), &none, &none_diags));
  CHECK(none_diags.empty());
}

TEST_CASE("body store: find_all finds the bodies kept, file by file, and saving keeps them") {
  MemoryFileSystem fs;
  Diagnostics diags;
  const Document doc = parsed(true, &diags);
  // Twenty files' bodies: several of the store's files hold more than one.
  std::vector<std::string> files;
  for (int i = 0; i < 20; ++i) files.push_back("content/notes/n" + std::to_string(i) + ".md");
  auto key = [&](const std::string& file) { return BodyKey{kBody, 5, false, true, file}; };
  std::string err;
  {
    BodyStore store(fs, "cache/bodies", "build-1", "a user's secret");
    for (const auto& file : files) store.store(store.id(key(file)), doc, diags);
    REQUIRE(store.save(&err));
  }
  BodyStore next(fs, "cache/bodies", "build-1", "a user's secret");
  std::vector<Document> docs(files.size() + 2);
  std::vector<Diagnostics> found_diags(docs.size());
  std::vector<BodyLookup> lookups(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    lookups[i].doc = &docs[i];
    lookups[i].diags = &found_diags[i];
    if (i < files.size()) lookups[i].id = next.id(key(files[i]));
  }
  // One never stored, one without an id.
  lookups[files.size()].id = next.id(key("content/notes/other.md"));
  next.find_all(&lookups, 2);
  for (size_t i = 0; i < files.size(); ++i) {
    CAPTURE(i);
    REQUIRE(lookups[i].found);
    check_same_body(doc, docs[i]);
    CHECK(found_diags[i].items() == diags.items());
  }
  CHECK_FALSE(lookups[files.size()].found);
  CHECK_FALSE(lookups[files.size() + 1].found);
  CHECK(found_diags[files.size()].empty());
  CHECK(next.found() == files.size());
  // A body parsed after find_all joins the file find_all read; the entries
  // found stay, the one not asked for goes.
  next.store(next.id(key("content/notes/other.md")), doc, diags);
  REQUIRE(next.save(&err));
  BodyStore after(fs, "cache/bodies", "build-1", "a user's secret");
  std::vector<BodyLookup> again = lookups;
  for (auto& lookup : again) lookup.found = false;
  again.pop_back();
  after.find_all(&again, 1);
  for (const auto& lookup : again) CHECK(lookup.found);
}

TEST_CASE("body store: saving drops the entries find_all was not asked for") {
  MemoryFileSystem fs;
  Diagnostics diags;
  const Document doc = parsed(true, &diags);
  const BodyKey a{kBody, 5, false, true, "content/notes/a.md"};
  // b's entry is in a's file (its id starts with the same two digits): the
  // file is read, and b's entry in it unused.
  std::string b_file;
  {
    BodyStore store(fs, "cache/bodies", "build-1", "a user's secret");
    for (int i = 0; b_file.empty(); ++i) {
      const std::string file = "content/notes/b" + std::to_string(i) + ".md";
      if (store.id({kBody, 5, false, true, file}).substr(0, 2) == store.id(a).substr(0, 2))
        b_file = file;
    }
  }
  const BodyKey b{kBody, 5, false, true, b_file};
  std::string err;
  {
    BodyStore store(fs, "cache/bodies", "build-1", "a user's secret");
    store.store(store.id(a), doc, diags);
    store.store(store.id(b), doc, diags);
    REQUIRE(store.save(&err));
  }
  {
    BodyStore store(fs, "cache/bodies", "build-1", "a user's secret");
    Document found;
    Diagnostics found_diags;
    std::vector<BodyLookup> lookups{{store.id(a), &found, &found_diags}};
    store.find_all(&lookups, 1);
    REQUIRE(lookups[0].found);
    REQUIRE(store.save(&err));
  }
  BodyStore after(fs, "cache/bodies", "build-1", "a user's secret");
  Document found;
  Diagnostics found_diags;
  CHECK(after.find(after.id(a), &found, &found_diags));
  CHECK_FALSE(after.find(after.id(b), &found, &found_diags));
}
