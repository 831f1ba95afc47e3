#include "output/staging.h"

#include "util/file_system.h"

namespace agora {

StagingPaths staging_paths(const std::string& dir) {
  // "public/" + ".staging" would land inside the folder it replaces.
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  return StagingPaths{d, d + ".staging", d + ".old"};
}

bool check_replaceable(const FileSystem& fs, const StagingPaths& paths, std::string* err) {
  if (!fs.exists(paths.dir) || fs.exists(join_path(paths.dir, "manifest.json")) ||
      (fs.is_directory(paths.dir) && fs.list_files(paths.dir).empty())) {
    return true;
  }
  *err = paths.dir + " exists and is not a site written by agora (no manifest.json); " +
         "refusing to replace it";
  return false;
}

bool recover_interrupted_swap(FileSystem& fs, const StagingPaths& paths, std::string* err) {
  if (!fs.exists(paths.dir) && fs.exists(paths.old) && !fs.rename(paths.old, paths.dir, err)) {
    return false;
  }
  return fs.remove_all(paths.old, err);
}

bool swap_in_staging(FileSystem& fs, const StagingPaths& paths, std::string* err) {
  bool had_old = fs.exists(paths.dir);
  if (had_old && !fs.rename(paths.dir, paths.old, err)) return false;
  if (!fs.rename(paths.staging, paths.dir, err)) {
    std::string restore_err;
    if (had_old) fs.rename(paths.old, paths.dir, &restore_err);
    return false;
  }
  std::string remove_err;
  if (had_old) fs.remove_all(paths.old, &remove_err);
  return true;
}

}  // namespace agora
