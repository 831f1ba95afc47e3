#pragma once
// What a site was built from, written down for the next build to compare:
// the program and the build's options, every file loading read (site.yaml,
// the data, the theme) and every folder it listed, and each document's
// front matter; apart from those, each document's whole file and history.
//
// No page shows another document's body or history: listings, terms,
// facets, related documents and mentions are made from front matter, and
// the search index and feeds, which do show them, are made in every build.
// So a rebuild whose inputs differ from the last build's only in documents'
// files or histories, not in their front matter, renders only those
// documents' pages; every other page may stay as the last build wrote it
// (render/site_renderer.h, PageReuse). That is the common edit: a
// contributor's fix to a document's text.

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "model/site.h"
#include "render/site_renderer.h"
#include "util/file_system.h"

namespace agora {

// Passes every call on, and notes the bytes of each file read and the
// names in each folder listed: load the site and the theme through it.
// Safe to read through on several threads.
class InputLog final : public FileSystemWrapper {
 public:
  explicit InputLog(FileSystem* target) : FileSystemWrapper(target) {}

  bool read_file(const std::string& path, std::string* contents, std::string* err) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  TreeListing list_tree(const std::string& dir) const override;

  struct Read {
    bool found = false;
    std::string sha256;        // the whole file
    std::string front_matter;  // sha256 of the text between its fences; "" without any
  };
  // By path as asked; a file asked for twice is noted once.
  const std::map<std::string, Read>& reads() const { return reads_; }
  // sha256 of each listing's names, by folder.
  const std::map<std::string, std::string>& listings() const { return listings_; }

 private:
  mutable std::mutex mutex_;
  mutable std::map<std::string, Read> reads_;
  mutable std::map<std::string, std::string> listings_;
};

// The inputs of `site`, loaded through `log`, as lines: first "site SHA256",
// the digest of all but the documents' whole files and histories, then one
// "SHA256 SOURCE_PATH" per document, by source path. `settings`: the
// program's build ID and the build's options that pages show, as text. ""
// (nothing can be compared) when there is no build ID or a source path
// has a line break in it.
std::string site_inputs(const InputLog& log, const Site& site, const std::string& build_id,
                        const std::string& settings);

// What a rebuild may keep of the last build, whose inputs were `previous`:
// none unless the two agree on the site line; then every page but those of
// the documents whose line differs or is new.
std::optional<PageReuse> page_reuse(const std::string& previous, const std::string& current);

}  // namespace agora
