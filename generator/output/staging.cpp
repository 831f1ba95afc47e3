#include "output/staging.h"

#include <future>
#include <utility>
#include <vector>

#include "output/manifest.h"
#include "util/file_system.h"
#include "util/path.h"

namespace agora {

StagingPaths staging_paths(const std::string& dir) {
  // "public/" + ".staging" would land inside the folder it replaces.
  const std::string d(without_trailing_slashes(dir));
  return StagingPaths{d, d + ".staging", d + ".old"};
}

bool is_previous_output(const FileSystem& fs, const std::string& dir, std::string* why,
                        TreeListing* listing, TreeStamps stamps) {
  TreeListing own;
  TreeListing& found = listing ? *listing : own;
  found = stamps == TreeStamps::kFull     ? fs.list_tree_stamped(dir)
          : stamps == TreeStamps::kInodes ? fs.list_tree_inodes(dir)
                                          : fs.list_tree(dir);
  const std::vector<std::string>& files = found.files;
  if (files.empty()) return true;
  std::string json, err;
  if (!fs.read_file(join_path(dir, kManifestPath), &json, &err)) {
    *why = "no manifest.json";
    return false;
  }
  // The manifest's paths are sorted (read_manifest checks it), and so are
  // the listing's (list_files sorts bytewise): one walk side by side finds a
  // file it does not list, without holding its 145,000 entries.
  size_t next = 0;
  std::string unlisted;
  auto skip_to = [&](const std::string* path) {
    for (; next < files.size() && (!path || files[next] < *path); ++next) {
      if (unlisted.empty() && files[next] != kManifestPath) unlisted = files[next];
    }
  };
  auto walk = [&](const ManifestEntry& e) {
    skip_to(&e.path);
    if (next < files.size() && files[next] == e.path) ++next;
    return true;
  };
  if (!read_manifest(json, walk, &err)) {
    *why = "its manifest.json is not one agora wrote: " + err;
    return false;
  }
  skip_to(nullptr);
  if (!unlisted.empty()) {
    *why = "its manifest.json does not list " + unlisted;
    return false;
  }
  return true;
}

TreeCheck check_tree(const FileSystem& fs, const std::string& dir, TreeStamps stamps) {
  TreeCheck check;
  check.exists = fs.exists(dir);
  if (check.exists) {
    check.previous_output = is_previous_output(fs, dir, &check.why, &check.listing, stamps);
  }
  return check;
}

OutputSurvey survey_output(const FileSystem& fs, const std::string& dir) {
  const StagingPaths paths = staging_paths(dir);
  OutputSurvey survey;
  // The writer asks of a kept file only whether it is the live file (one
  // inode), and of a live file whether the output record vouches for it.
  // The two walks run at once: when the kernel has let the trees' folders
  // and inodes go, each walk waits on one read at a time, and a rebuild at
  // 10,000 documents waited 7 s for them (two walks: 15.7 s -> 12.1 s).
  std::future<TreeCheck> old = std::async(
      std::launch::async, [&fs, &paths] { return check_tree(fs, paths.old, TreeStamps::kInodes); });
  survey.live = check_tree(fs, paths.dir, TreeStamps::kFull);
  survey.old = old.get();
  return survey;
}

bool check_replaceable(const FileSystem& fs, const StagingPaths& paths, std::string* err,
                       TreeListing* listing, TreeCheck* known) {
  TreeCheck check = known ? std::move(*known) : check_tree(fs, paths.dir);
  if (listing) *listing = std::move(check.listing);
  if (check.previous_output) return true;
  *err = paths.dir + " exists and is not a site written by agora (" + check.why +
         "); refusing to replace it";
  return false;
}

bool recover_interrupted_swap(FileSystem& fs, const StagingPaths& paths, std::string* err,
                              bool keep_old, TreeListing* kept, TreeCheck* known) {
  if (kept) *kept = {};
  TreeCheck check = known ? std::move(*known) : check_tree(fs, paths.old);
  if (!check.exists) return true;
  if (!check.previous_output) {
    *err = paths.old + " exists and is not a previous output of agora (" + check.why +
           "); move it away: the update needs that name";
    return false;
  }
  if (!fs.exists(paths.dir)) {
    // The swap renames dir to ".old", then staging to dir: only a staging
    // folder beside a missing dir shows it stopped in between.
    if (!fs.exists(paths.staging)) return true;
    return fs.rename(paths.old, paths.dir, err);
  }
  if (!keep_old) return fs.remove_all(paths.old, err);
  if (kept) *kept = std::move(check.listing);
  return true;
}

namespace {

// The swap where there is no exchange: dir is missing between the renames.
bool swap_by_renames(FileSystem& fs, const StagingPaths& paths, std::string* err, bool keep_old) {
  if (!fs.rename(paths.dir, paths.old, err)) return false;
  if (!fs.rename(paths.staging, paths.dir, err)) {
    std::string restore_err;
    fs.rename(paths.old, paths.dir, &restore_err);
    return false;
  }
  std::string remove_err;
  if (!keep_old) fs.remove_all(paths.old, &remove_err);
  return true;
}

}  // namespace

bool swap_in_staging(FileSystem& fs, const StagingPaths& paths, std::string* err, bool keep_old) {
  if (!fs.exists(paths.dir)) return fs.rename(paths.staging, paths.dir, err);
  switch (fs.exchange(paths.staging, paths.dir, err)) {
    case ExchangeResult::kExchanged:
      break;
    case ExchangeResult::kUnsupported:
      return swap_by_renames(fs, paths, err, keep_old);
    case ExchangeResult::kFailed:
      return false;
  }
  // The new tree is in; a failure below leaves the old one at staging.
  std::string put_away_err;
  if (keep_old) {
    fs.rename(paths.staging, paths.old, &put_away_err);
  } else {
    fs.remove_all(paths.staging, &put_away_err);
  }
  return true;
}

}  // namespace agora
