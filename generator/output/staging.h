#pragma once
// The staging protocol shared by the site writer and the mirror: build the
// new tree in "<dir>.staging", then rename dir to "<dir>.old", rename staging
// to dir and remove the old tree.

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

// Repairs a run that died between the two renames by renaming ".old" back,
// but only when the evidence says so: dir missing, ".old" a previous output
// and the staging folder present (a user's own ".old" with no staging
// beside it is left alone). Then removes a ".old" left over, again only when
// it is a previous output; any other ".old" is an error, since the swap needs
// the name. With keep_old, a ".old" that is a previous output beside dir is
// kept (the site writer recycles it: see SiteWriter), and *kept, when not
// null, is what it holds; otherwise *kept is left empty. `known`, when not
// null, is ".old"'s check, made before.
bool recover_interrupted_swap(FileSystem& fs, const StagingPaths& paths, std::string* err,
                              bool keep_old = false, TreeListing* kept = nullptr,
                              TreeCheck* known = nullptr);

// Swaps staging in. On failure dir is as before (the first rename is undone)
// and staging still exists. A ".old" tree that cannot be removed afterwards
// is not an error: recover_interrupted_swap removes it next time. With
// keep_old the replaced tree stays as ".old".
bool swap_in_staging(FileSystem& fs, const StagingPaths& paths, std::string* err,
                     bool keep_old = false);

}  // namespace agora
