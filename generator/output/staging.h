#pragma once
// The staging protocol shared by the site writer and the mirror: build the
// new tree in "<dir>.staging", then rename dir to "<dir>.old", rename staging
// to dir and remove the old tree.

#include <string>

namespace agora {
class FileSystem;
}

namespace agora {

struct StagingPaths {
  std::string dir, staging, old;
};
// Trailing '/' of dir are dropped first.
StagingPaths staging_paths(const std::string& dir);

// Refuses to replace a folder that is not a previous output: dir must be
// missing, empty, or hold a manifest.json. A mistyped `--out ~` or mirror
// DEST must not delete someone's files.
bool check_replaceable(const FileSystem& fs, const StagingPaths& paths, std::string* err);

// Repairs a run that died between the two renames (dir missing, ".old"
// present) by renaming ".old" back, then removes any ".old" left over.
bool recover_interrupted_swap(FileSystem& fs, const StagingPaths& paths, std::string* err);

// Swaps staging in. On failure dir is as before (the first rename is undone)
// and staging still exists. A ".old" tree that cannot be removed afterwards
// is not an error: recover_interrupted_swap removes it next time.
bool swap_in_staging(FileSystem& fs, const StagingPaths& paths, std::string* err);

}  // namespace agora
