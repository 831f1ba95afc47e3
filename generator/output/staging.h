#pragma once
// The staging protocol shared by the site writer and the mirror: build the
// new tree in "<dir>.staging", then exchange the names of staging and dir in
// one step (or, where the file system cannot, rename dir to "<dir>.old" and
// staging to dir) and remove the old tree.

#include <string>

#include "util/file_system.h"

namespace agora {

struct StagingPaths {
  std::string dir, staging, old;
};
// Trailing '/' of dir are dropped first.
StagingPaths staging_paths(const std::string& dir);

// True when `dir` is empty or a previous output of agora (a site or a
// mirror): its manifest.json parses as ours and lists every other file of
// the folder. A file named manifest.json alone proves nothing. On false,
// *why says what did not fit. *listing, when not null, is what dir holds
// (one walk serves the check and the caller).
// What a listing takes of each file besides its name: nothing (list_tree),
// its device and inode (list_tree_inodes) or its whole stamp
// (list_tree_stamped).
enum class TreeStamps { kNone, kInodes, kFull };
bool is_previous_output(const FileSystem& fs, const std::string& dir, std::string* why,
                        TreeListing* listing = nullptr, TreeStamps stamps = TreeStamps::kNone);

// What is_previous_output found of one folder.
struct TreeCheck {
  bool exists = false;
  bool previous_output = true;  // missing counts as one
  std::string why;              // when not
  TreeListing listing;
};
TreeCheck check_tree(const FileSystem& fs, const std::string& dir,
                     TreeStamps stamps = TreeStamps::kNone);

// The checks of the output folder and of its ".old" that open the staging,
// made without changing anything: a rebuild of a large site spends seconds
// listing the two trees, stamping their files and reading their manifests,
// and can do so while the site loads. The folders must not change until
// the results are used.
struct OutputSurvey {
  TreeCheck live;  // paths.dir
  TreeCheck old;   // paths.old
};
OutputSurvey survey_output(const FileSystem& fs, const std::string& dir);

// Refuses to replace a folder that is not a previous output: dir must be
// missing or pass is_previous_output. A mistyped `--out ~` or mirror DEST
// must not delete someone's files. *listing as for is_previous_output.
// `known`, when not null, is dir's check, made before.
bool check_replaceable(const FileSystem& fs, const StagingPaths& paths, std::string* err,
                       TreeListing* listing = nullptr, TreeCheck* known = nullptr);

// Repairs a run that died between the two renames of a swap without
// exchange by renaming ".old" back, but only when the evidence says so: dir
// missing, ".old" a previous output and the staging folder present (a user's
// own ".old" with no staging beside it is left alone). Then removes a ".old"
// left over, again only when it is a previous output; any other ".old" is an
// error, since the swap needs the name. With keep_old, a ".old" that is a
// previous output beside dir is kept (the site writer recycles it: see
// SiteWriter), and *kept, when not null, is what it holds; otherwise *kept is
// left empty. `known`, when not null, is ".old"'s check, made before.
// A run that died after an exchange left dir whole and the tree it replaced
// as staging: nothing to repair here, the next run treats it as any staging
// folder a killed run left (the site writer removes it, the mirror checks
// each of its files before it keeps one).
bool recover_interrupted_swap(FileSystem& fs, const StagingPaths& paths, std::string* err,
                              bool keep_old = false, TreeListing* kept = nullptr,
                              TreeCheck* known = nullptr);

// Swaps staging in. A missing dir is made by renaming staging. An existing
// one is exchanged with staging (FileSystem::exchange), so that a reader of
// dir finds the old tree or the new one and never no tree; the replaced
// tree, then at staging, is removed, or with keep_old renamed to ".old".
// Where the file system has no exchange: dir is renamed to ".old" and staging
// to dir, and dir is missing in between. On failure dir is as before (a
// first rename is undone) and staging still exists. Putting the replaced
// tree away is not part of the swap, and failing to is not an error: the
// next run removes a ".old" (recover_interrupted_swap) or a staging folder
// left over.
bool swap_in_staging(FileSystem& fs, const StagingPaths& paths, std::string* err,
                     bool keep_old = false);

}  // namespace agora
