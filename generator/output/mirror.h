#pragma once
// `agora mirror SOURCE DEST`: bring a copy of a built site up to date while
// moving only the files that changed.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>

namespace agora {
class FileSystem;
}

namespace agora {

class MirrorSource;

// The largest manifest.json a mirror accepts: about 400,000 files' worth.
inline constexpr uint64_t kManifestMaxBytes = 64ull << 20;

struct MirrorProgress {
  size_t files_done = 0;   // manifest entries settled (kept, resumed or fetched)
  size_t files_total = 0;  // entries in the source manifest
  uint64_t bytes_fetched = 0;
  uint64_t bytes_to_fetch = 0;  // known once the local files are checked
  double seconds = 0;           // since the run started
  double bytes_per_second = 0;  // fetch rate so far
};

struct MirrorOptions {
  // Receives a progress snapshot after each fetched file and once at the end.
  std::function<void(const MirrorProgress&)> on_progress;
  // When set, gets progress lines ("mirror: 12/340 files, 1.2 MB of 5.0 MB,
  // 350.2 KB/s"), at most about four a second, and a final one.
  std::ostream* progress_out = nullptr;
  // Where DEST (and a folder SOURCE) live; null = the real file system.
  FileSystem* fs = nullptr;
};

struct MirrorReport {
  size_t files = 0;     // entries in the source manifest
  size_t kept = 0;      // unchanged files of DEST, hard-linked into the update
  size_t resumed = 0;   // files an interrupted run had already fetched and verified
  size_t fetched = 0;   // files fetched from SOURCE in this run
  size_t repaired = 0;  // fetched although DEST's own manifest listed them
                        // unchanged: damaged or missing in DEST
  size_t deleted = 0;   // DEST files gone from SOURCE
  uint64_t bytes_fetched = 0;
};

// Mirrors the site at `source` (a folder, or an http(s) URL: see
// mirror_source.h) into the folder `dest`:
//  - reads SOURCE's manifest.json; every path is checked to stay inside DEST;
//  - a DEST file whose sha256 matches the manifest is kept (hard-linked, so
//    its inode and mtime stay); anything else is fetched and its size and
//    sha256 verified, so a corrupted DEST file is detected and replaced;
//  - the update is built in "<dest>.staging" and swapped in (see staging.h),
//    so DEST is always either the old or the new version, never a mix;
//    files gone from SOURCE disappear with the old tree.
// On failure returns false with *err, leaves DEST as it was, and keeps the
// staging folder: the next run re-verifies its files by sha256 and fetches
// only what is missing or wrong (a staging folder holding a symbolic link is
// dropped instead). No symbolic link beside or inside DEST is followed, and
// nothing larger than its manifest entry (or kManifestMaxBytes) is read.
// *report may be null.
bool mirror_site(const std::string& source, const std::string& dest, const MirrorOptions& opts,
                 MirrorReport* report, std::string* err);

// The same over an already opened source and a given file system (tests
// inject failures through either). opts.fs is ignored.
bool mirror_from(MirrorSource& source, FileSystem& fs, const std::string& dest,
                 const MirrorOptions& opts, MirrorReport* report, std::string* err);

}  // namespace agora
