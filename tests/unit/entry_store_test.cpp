// The caches' files are sealed with the user's secret: an entry planted in
// .agora-cache (a restored CI cache, a pull request's build) is never taken,
// and never gets this user's seal.
#include <doctest/doctest.h>

#include <string>

#include "output/entry_store.h"
#include "util/file_system.h"

using namespace agora;

namespace {

constexpr char kHeader[] = "test-cache 1\n";
constexpr char kKey[] = "a user's secret";

EntryStore store_of(MemoryFileSystem& fs, const std::string& seal_key = kKey) {
  return EntryStore(fs, "cache/entries", kHeader, EntryStore::Layout::kOneFile, "build-1",
                    seal_key);
}

std::string key_for(const EntryStore& store, const std::string& what) {
  return store.key([&](std::string& text) { text += what; });
}

// The bytes of `what`'s entry, or "(none)".
std::string found(const EntryStore& store, const std::string& what) {
  std::string bytes = "(none)";
  store.find(key_for(store, what), [&](std::string_view b) {
    bytes = std::string(b);
    return true;
  });
  return bytes;
}

void save_one(MemoryFileSystem& fs, const std::string& what, const std::string& bytes) {
  EntryStore store = store_of(fs);
  store.store(key_for(store, what), bytes);
  std::string err;
  REQUIRE(store.save(&err));
}

std::string file(const MemoryFileSystem& fs) {
  auto it = fs.files().find("cache/entries");
  return it == fs.files().end() ? "" : it->second;
}

// The file with `from` changed to `to` (same size: the entry's size field
// still holds).
void plant(MemoryFileSystem& fs, const std::string& from, const std::string& to) {
  std::string bytes = file(fs);
  const size_t at = bytes.find(from);
  REQUIRE(at != std::string::npos);
  bytes.replace(at, from.size(), to);
  std::string err;
  REQUIRE(fs.write_file("cache/entries", bytes, &err));
}

}  // namespace

TEST_CASE("entry store: a saved file ends with a seal that this key alone accepts") {
  MemoryFileSystem fs;
  save_one(fs, "page", "<p>kept</p>");
  const std::string bytes = file(fs);
  REQUIRE(bytes.starts_with(kHeader));
  CHECK(bytes.find_first_not_of("0123456789abcdef", bytes.size() - 64) == std::string::npos);
  CHECK(found(store_of(fs), "page") == "<p>kept</p>");
  // Another user's key, or none, takes nothing (and a store without a key
  // names nothing).
  CHECK(found(store_of(fs, "another user's secret"), "page") == "(none)");
  CHECK(key_for(store_of(fs, ""), "page").empty());
  // Cut short by one byte, or by its whole seal: nothing.
  for (size_t cut : {size_t(1), size_t(64)}) {
    std::string err;
    REQUIRE(fs.write_file("cache/entries", bytes.substr(0, bytes.size() - cut), &err));
    CHECK(found(store_of(fs), "page") == "(none)");
  }
}

TEST_CASE("entry store: a planted entry is not taken, and the next save replaces it") {
  MemoryFileSystem fs;
  save_one(fs, "page", "<p>kept</p>");
  plant(fs, "<p>kept</p>", "<p>evil</p>");
  {
    EntryStore store = store_of(fs);
    CHECK(found(store, "page") == "(none)");
    std::string err;
    REQUIRE(store.save(&err));
  }
  // Saved with nothing added, the spoilt file was still rewritten, sealed.
  CHECK(file(fs).find("evil") == std::string::npos);
  CHECK(file(fs).find("kept") == std::string::npos);
  // An unsealed file (another program's format, or an old one) likewise.
  std::string err;
  REQUIRE(fs.write_file("cache/entries", std::string(kHeader) + "anything", &err));
  CHECK(found(store_of(fs), "page") == "(none)");
}

TEST_CASE("entry store: a file replaced between a build's reading and saving is not sealed") {
  MemoryFileSystem fs;
  save_one(fs, "page", "<p>kept</p>");
  EntryStore store = store_of(fs);
  // The build reads and takes the entry; then the file changes under it.
  REQUIRE(found(store, "page") == "<p>kept</p>");
  plant(fs, "<p>kept</p>", "<p>evil</p>");
  store.store(key_for(store, "new"), "<p>new</p>");
  std::string err;
  REQUIRE(store.save(&err));
  // The entries it copies forward come from a file whose seal held: none
  // here. What it added is kept.
  EntryStore next = store_of(fs);
  CHECK(found(next, "page") == "(none)");
  CHECK(found(next, "new") == "<p>new</p>");
  CHECK(file(fs).find("evil") == std::string::npos);
}
