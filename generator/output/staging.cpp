#include "output/staging.h"

#include <set>
#include <utility>
#include <vector>

#include "output/manifest.h"
#include "util/file_system.h"

namespace agora {

StagingPaths staging_paths(const std::string& dir) {
  // "public/" + ".staging" would land inside the folder it replaces.
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return StagingPaths{d, d + ".staging", d + ".old"};
}

bool is_previous_output(const FileSystem& fs, const std::string& dir, std::string* why,
                        TreeListing* listing) {
  TreeListing own;
  TreeListing& found = listing ? *listing : own;
  found = fs.list_tree(dir);
  const std::vector<std::string>& files = found.files;
  if (files.empty()) return true;
  std::string json, err;
  std::vector<ManifestEntry> entries;
  if (!fs.read_file(join_path(dir, kManifestPath), &json, &err)) {
    *why = "no manifest.json";
    return false;
  }
  if (!parse_manifest(json, &entries, &err)) {
    *why = "its manifest.json is not one agora wrote: " + err;
    return false;
  }
  std::set<std::string> listed;
  for (const ManifestEntry& e : entries) listed.insert(e.path);
  for (const std::string& file : files) {
    if (file != kManifestPath && !listed.count(file)) {
      *why = "its manifest.json does not list " + file;
      return false;
    }
  }
  return true;
}

bool check_replaceable(const FileSystem& fs, const StagingPaths& paths, std::string* err,
                       TreeListing* listing) {
  std::string why;
  if (!fs.exists(paths.dir) || is_previous_output(fs, paths.dir, &why, listing)) return true;
  *err = paths.dir + " exists and is not a site written by agora (" + why +
         "); refusing to replace it";
  return false;
}

bool recover_interrupted_swap(FileSystem& fs, const StagingPaths& paths, std::string* err,
                              bool keep_old, TreeListing* kept) {
  TreeListing listing;
  if (kept) *kept = {};
  if (!fs.exists(paths.old)) return true;
  std::string why;
  if (!is_previous_output(fs, paths.old, &why, &listing)) {
    *err = paths.old + " exists and is not a previous output of agora (" + why +
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
  if (kept) *kept = std::move(listing);
  return true;
}

bool swap_in_staging(FileSystem& fs, const StagingPaths& paths, std::string* err, bool keep_old) {
  bool had_old = fs.exists(paths.dir);
  if (had_old && !fs.rename(paths.dir, paths.old, err)) return false;
  if (!fs.rename(paths.staging, paths.dir, err)) {
    std::string restore_err;
    if (had_old) fs.rename(paths.old, paths.dir, &restore_err);
    return false;
  }
  std::string remove_err;
  if (had_old && !keep_old) fs.remove_all(paths.old, &remove_err);
  return true;
}

}  // namespace agora
