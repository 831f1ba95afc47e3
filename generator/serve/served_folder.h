#pragma once
// The built site on disk as `agora serve` reads it: never a file outside the
// folder, and never the folder half swapped.

#include <shared_mutex>
#include <string>

#include "util/file_system.h"

namespace agora {

class ServedFolder {
 public:
  // `dir` is the build's output folder; it may not exist yet.
  explicit ServedFolder(std::string dir);

  const std::string& dir() const { return dir_; }

  // REQUIRES for kind(), read() and has_site(): the caller holds
  // swap_mutex() shared, once for all the reads one response makes, so they
  // all see the same build.

  enum class Kind { kFile, kFolder, kMissing };
  // What `relative` (a RequestPath's path: no "." or ".." segment) names.
  // A path whose real location, once every symbolic link is resolved, is
  // not inside the folder is kMissing, as is anything but a regular file or
  // a folder.
  Kind kind(const std::string& relative) const;

  // Reads the regular file `relative` under the same rule; false when kind()
  // would not say kFile.
  bool read(const std::string& relative, std::string* bytes) const;

  // True once a build has written a site here (its manifest.json exists).
  bool has_site() const;

  // Held shared while a response reads and exclusively by
  // SwapLockingFileSystem for the swap of a build.
  std::shared_mutex& swap_mutex() const { return swap_mutex_; }

 private:
  // The real path of `relative` when it lies inside the folder, else "".
  std::string resolve(const std::string& relative) const;

  std::string dir_;
  mutable std::shared_mutex swap_mutex_;
};

// A FileSystem for the build that serve runs: it holds the served folder's
// lock exclusively for the swap (swap_in_staging in output/staging.h), so
// that a response reads one build whole. That is the one step of an
// exchange of the folder with the new one, or, where the file system has
// none, from the rename that moves the folder away to the rename that moves
// the new one in (or, when that fails, the old one back): a request then
// waits a moment instead of finding no site.
class SwapLockingFileSystem : public FileSystemWrapper {
 public:
  SwapLockingFileSystem(FileSystem* target, ServedFolder* folder);
  bool rename(const std::string& from, const std::string& to, std::string* err) override;
  ExchangeResult exchange(const std::string& a, const std::string& b, std::string* err) override;

 private:
  ServedFolder* folder_;
  std::string dir_;      // the folder as the writer names it (no trailing '/')
  std::string staging_;  // its staging folder (output/staging.h)
  bool held_ = false;    // only the build thread renames
};

}  // namespace agora
