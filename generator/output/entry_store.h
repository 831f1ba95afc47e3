#pragma once
// What the build's caches (body_store.h, front_matter_store.h,
// analysis_store.h) share: keyed entries on disk (entry_file.h), each file
// read on first use and let go by release(), and saved again after a
// build's swap only when an entry was added or one went unused. A key names
// everything its entry was made from, so an entry is never stale, only
// unused.
//
// The entries live in one file, or in a folder of 256 files, one per first
// byte of the key: a rebuild after one edit then rewrites two small files
// instead of one large one.
//
// Keys are SHA-256s of the program's build ID and what the entry was made
// from (key()): a program that cannot tell itself from another (no build
// ID) finds nothing and saves nothing.
//
// The cache is not trusted: a CI cache restored from another job's build,
// or a planted file, must not put its HTML on a page. Each file ends with a
// seal, an HMAC under the user's secret (util/cache_key.h) of its header and
// the SHA-256 of its bytes before the seal; a file whose seal does not hold
// (planted, another user's, cut short) holds no entry, and is replaced by
// the next save. Checking costs one SHA-256 of the file, far less than
// parsing again. Without a key the store finds nothing and saves nothing.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "util/file_system.h"

namespace agora {

class EntryStore {
 public:
  enum class Layout { kOneFile, kByFirstByte };
  // `header`: the first line of each file, which names the format.
  // `program`: the program's build ID (util/build_id.h), or "".
  // `seal_key`: the user's secret that seals the files, or "".
  EntryStore(FileSystem& fs, std::string path, std::string header, Layout layout,
             std::string program, std::string seal_key);

  // The key of an entry made from what `describe` appends to the text that
  // is hashed after the build ID and a NUL; "" without a build ID or a
  // seal key, a key find() and store() pass over.
  std::string key(const std::function<void(std::string& text)>& describe) const;

  // Passes the bytes of `key`'s entry, when there is one, to `take`; the
  // entry counts as used when take returns true. The bytes stay valid until
  // release(). Thread-safe.
  using Take = std::function<bool(std::string_view bytes)>;
  bool find(std::string_view key, const Take& take) const;
  // find() of every key, file by file on `threads` threads, each file let
  // go once its keys are found, so they are not all held at once:
  // take(i, bytes) for each keys[i] that has an entry. No find() after in a
  // file this read.
  using TakeEach = std::function<bool(size_t index, std::string_view bytes)>;
  void find_each(const std::vector<std::string_view>& keys, const TakeEach& take,
                 unsigned threads) const;
  // Keeps `bytes` under `key`. Thread-safe.
  void store(const std::string& key, std::string bytes);

  // Lets go of the files read; keeps what save() needs. No find() after.
  void release();
  // Writes each file that gained an entry or holds one no find() took,
  // with the entries taken and stored since the store was made (read
  // again), and removes the files no find() looked in. Each file is
  // replaced whole or not at all. Without a build ID, nothing. On false,
  // *err says what failed; that costs the next build time, never
  // correctness.
  bool save(std::string* err);

  size_t found() const;   // entries find() took
  size_t stored() const;  // entries store() was given

 private:
  struct File {
    bool loaded = false;
    FileBytes bytes;  // the file as read, until let go; entries point into it
    std::unordered_map<std::string_view, std::string_view> entries;
    std::set<std::string> used;                // keys find() took
    std::map<std::string, std::string> added;  // key -> bytes
    bool unused = false;                       // set when let go: an entry was not taken
    bool spoilt = false;                       // there, but its seal did not hold
  };
  // Which file holds `key` (a key of kEntryKeyBytes hex digits).
  size_t file_of(std::string_view key) const;
  std::string path_of(size_t file) const;
  // File `i`, read on first use; its lock must be held.
  File& loaded(size_t i) const;
  // Lets go of a file's bytes and entries, noting whether an entry went
  // unused; its lock must be held.
  static void let_go(File& file);
  size_t total(size_t (*count)(const File&)) const;
  // The entries of a file's bytes when its seal holds; else none.
  std::string_view sealed_entries(std::string_view bytes) const;
  std::string seal_of(std::string_view entries) const;

  FileSystem& fs_;
  const std::string path_;
  const std::string header_;
  const Layout layout_;
  const std::string program_;  // "" without a seal key too: nothing found or saved
  const std::string seal_key_;
  mutable std::vector<File> files_;
  mutable std::unique_ptr<std::mutex[]> locks_;
};

}  // namespace agora
