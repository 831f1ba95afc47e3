#pragma once
// The body cache of a build (content/body_cache.h), kept in a folder of the
// site's .agora-cache: 256 files, one per first byte of an entry's key,
// each holding the entries whose key starts with it. The key is a SHA-256
// of the program's build ID and everything the parse depends on, so an
// entry is never stale, only unused. A rebuild after one edit rewrites the
// file that gains the edited body's entry and the file whose entry it no
// longer uses; the others are read and left alone.

#include <string>

#include "content/body_cache.h"
#include "output/entry_store.h"
#include "util/file_system.h"

namespace agora {

class BodyStore final : public BodyCache {
 public:
  // `program`: the program's build ID (util/build_id.h); empty: a program
  // that cannot tell itself from another finds nothing and saves nothing.
  // `seal_key`: the user's secret that seals the files (see
  // output/entry_store.h); empty: likewise.
  BodyStore(FileSystem& fs, std::string dir, std::string program, std::string seal_key);

  // A SHA-256 of the program's build ID and everything in `key`.
  std::string id(const BodyKey& key) const override;
  void find_all(std::vector<BodyLookup>* lookups, unsigned threads) const override;
  // One body, as find_all() finds it, but the file read stays until
  // release(): later finds in it do not read it again. Thread-safe.
  bool find(const std::string& id, Document* doc, Diagnostics* diags) const;
  void store(const std::string& id, const Document& doc, const Diagnostics& diags) override;

  // Lets go of the files read and of what find() returned; keeps what
  // save() needs (which entries were used, the new ones). No find() or
  // find_all() after; nor a find() in a file find_all() read.
  void release();
  // Writes each file that gained an entry or holds one no find() asked for,
  // with the entries found and stored since the store was made (read
  // again), and removes the files of the folder no find() looked in. A
  // build calls it after its swap: a build that fails or is killed leaves
  // the cache as it was. Each file is replaced whole or not at all. On
  // false, *err says what failed; that costs the next build time, never
  // correctness.
  bool save(std::string* err);

  size_t found() const { return entries_.found(); }    // entries find() returned
  size_t stored() const { return entries_.stored(); }  // entries store() was given

 private:
  EntryStore entries_;
};

}  // namespace agora
