#pragma once
// The front matter cache of a build (content/front_matter_cache.h), kept in
// one file of the site's .agora-cache (output/entry_file.h). The key is a
// SHA-256 of the program's build ID, the YAML limits and the front matter's
// text, so an entry is never stale, only unused. The file is read on the
// first find() and let go by release(); save() writes it again, after the
// build's swap, only when an entry was added or one went unused: an edit
// of a body leaves it alone.

#include <string>
#include <string_view>

#include "content/front_matter_cache.h"
#include "output/entry_store.h"
#include "util/file_system.h"

namespace agora {

class FrontMatterStore final : public FrontMatterCache {
 public:
  // `program`: the program's build ID (util/build_id.h); empty: a program
  // that cannot tell itself from another finds nothing and saves nothing.
  // `seal_key`: the user's secret that seals the files (see
  // output/entry_store.h); empty: likewise.
  FrontMatterStore(FileSystem& fs, std::string path, std::string program, std::string seal_key);

  std::string id(std::string_view yaml, const YamlLimits& limits) const override;
  bool find(const std::string& id, YAML::Node* tree) const override;
  void store(const std::string& id, const YAML::Node& tree) override;

  // Lets go of the file read; keeps what save() needs. No find() after.
  void release();
  // Writes the file with the entries found and stored since the store was
  // made, when that differs from what it holds. A build calls it after its
  // swap: one that fails or is killed leaves the cache as it was. On false,
  // *err says what failed; that costs the next build time, never
  // correctness.
  bool save(std::string* err);

  size_t found() const { return entries_.found(); }    // entries find() returned
  size_t stored() const { return entries_.stored(); }  // entries store() was given

 private:
  EntryStore entries_;
};

}  // namespace agora
