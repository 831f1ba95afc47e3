#pragma once
// The search analysis cache of one language's index
// (search/analysis_cache.h), kept in a folder of the site's .agora-cache
// (output/entry_store.h: 256 files by the key's first byte). The key is a
// SHA-256 of the program's build ID and the document's analysis key, so an
// entry is never stale, only unused. A rebuild after one edit rewrites the
// file that gains the edited document's entry and the file whose entry it
// no longer uses.

#include <string>
#include <string_view>
#include <vector>

#include "output/entry_store.h"
#include "search/analysis_cache.h"
#include "util/file_system.h"

namespace agora {

class AnalysisStore final : public AnalysisCache {
 public:
  // `program`: the program's build ID (util/build_id.h); empty: a program
  // that cannot tell itself from another finds nothing and saves nothing.
  // `seal_key`: the user's secret that seals the files (see
  // output/entry_store.h); empty: likewise.
  AnalysisStore(FileSystem& fs, std::string dir, std::string program, std::string seal_key);

  std::string id(std::string_view key) const override;
  bool find(const std::string& id, std::vector<AnalyzedField>* fields) const override;
  void store(const std::string& id, const std::vector<AnalyzedField>& fields) override;

  // Lets go of the files read (once the index is built); keeps what save()
  // needs. No find() after.
  void release() { entries_.release(); }
  // As EntryStore::save; a build calls it after its swap.
  bool save(std::string* err) { return entries_.save(err); }

  size_t found() const { return entries_.found(); }
  size_t stored() const { return entries_.stored(); }

 private:
  EntryStore entries_;
};

}  // namespace agora
