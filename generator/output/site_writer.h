#pragma once
// Writes the rendered site to its output folder: precompressed copies,
// manifest.json, staging and an atomic-enough swap, and no rewrite of files
// whose bytes did not change.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "output/precompress.h"
#include "output/site_files.h"

namespace agora {
class FileSystem;
}

namespace agora {

struct WriteOptions {
  bool precompress = true;                           // add .gz/.br copies (see precompress.h)
  std::vector<std::string> encodings{"br", "gzip"};  // which of them
  std::string cache_dir;                             // compression cache; empty = no cache
  unsigned threads = 0;  // for hashing, compression and writing; 0 = hardware
  // Compressed copies kept from this process's previous build (agora
  // serve), updated by this one; null: none (see precompress_site).
  PrecompressMemo* memo = nullptr;
};

struct WriteReport {
  size_t files = 0;      // files in the new out_dir, manifest and copies included
  size_t written = 0;    // files written because they are new or changed
  size_t unchanged = 0;  // files hard-linked from the previous out_dir
  size_t deleted = 0;    // files of the previous out_dir that are gone
  uint64_t bytes = 0;    // total size of the new out_dir
  uint64_t bytes_written = 0;
  PrecompressStats precompress;
};

// Writes `files` plus their .gz/.br copies and manifest.json (every file but
// itself: path, bytes, sha256, sorted by path) to out_dir.
//
// The previous out_dir stays untouched until the new site is complete in
// "<out_dir>.staging"; then out_dir is renamed to "<out_dir>.old", staging is
// renamed to out_dir and the old tree is removed. A file whose bytes equal
// the previous version's is hard-linked, not rewritten, so it keeps its
// inode and mtime and `rsync -a` skips it; files no longer in `files`
// disappear with the old tree.
//
// On failure returns false with *err set; out_dir is then exactly as before
// and no staging dir is left. A previous run that died between the two
// renames is repaired first (the ".old" tree is put back).
//
// An out_dir that exists and is not a previous output (see
// is_previous_output in staging.h) is not replaced: an error. New
// compression cache entries are stored only after the swap.
//
// REQUIRES: every path of `files` passes is_safe_relative_path and none is
// manifest.json (checked; a violation is an error). *report may be null.
bool write_site(FileSystem& fs, const std::string& out_dir, const SiteFiles& files,
                const WriteOptions& opts, WriteReport* report, std::string* err);

}  // namespace agora
