#include "output/site_writer.h"

#include <set>
#include <utility>
#include <vector>

#include "output/manifest.h"
#include "output/staging.h"
#include "util/file_system.h"
#include "util/parallel.h"
#include "util/path.h"

namespace agora {

namespace {

bool check_paths(const SiteFiles& files, std::string* err) {
  for (const auto& [path, _] : files) {
    if (!is_safe_relative_path(path)) {
      *err = "cannot write \"" + path + "\": not a safe relative path";
      return false;
    }
    if (path == kManifestPath) {
      *err = "cannot write manifest.json: the output stage writes it";
      return false;
    }
  }
  return true;
}

// True when out_dir already holds exactly these bytes. Comparing bytes, not
// the old manifest's hashes, means a hand-edited output file is repaired.
bool same_as_old(const FileSystem& fs, const std::string& old_path, std::string_view bytes) {
  if (fs.file_size(old_path) != static_cast<int64_t>(bytes.size())) return false;
  std::string old_bytes, err;
  return fs.read_file(old_path, &old_bytes, &err) && old_bytes == bytes;
}

// Runs of consecutive items in one folder, at most kRunItems long. Creating
// a file locks its folder in the kernel: two threads handed neighbouring
// paths (page, page.br, page.gz) would wait on each other at every file.
constexpr size_t kRunItems = 256;
std::vector<std::pair<size_t, size_t>> folder_runs(
    const std::vector<SiteView::const_iterator>& items) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t begin = 0; begin < items.size();) {
    size_t end = begin + 1;
    const std::string folder = parent_dir(items[begin]->first);
    while (end < items.size() && end - begin < kRunItems &&
           parent_dir(items[end]->first) == folder) {
      ++end;
    }
    runs.emplace_back(begin, end);
    begin = end;
  }
  return runs;
}

// Writes every file of `outputs` into staging, linking the unchanged ones.
// Files are written on `threads` threads, a folder's run at a time:
// creating an inode costs the kernel far more than the bytes. The counts
// and the first error (in path order) do not depend on the timing.
bool stage(FileSystem& fs, const std::string& out_dir, const std::string& staging,
           const SiteView& outputs, unsigned threads, WriteReport* report, std::string* err) {
  std::vector<std::string> old_list = fs.list_files(out_dir);
  std::set<std::string> old_files(old_list.begin(), old_list.end());
  std::vector<SiteView::const_iterator> items;
  items.reserve(outputs.size());
  for (auto it = outputs.begin(); it != outputs.end(); ++it) items.push_back(it);
  enum class Outcome : unsigned char { kWritten, kLinked, kFailed };
  std::vector<Outcome> outcomes(items.size(), Outcome::kFailed);
  std::vector<std::string> errors(items.size());
  auto stage_one = [&](size_t i) {
    const auto& [path, bytes] = *items[i];
    std::string target = join_path(staging, path);
    if (old_files.count(path)) {
      std::string old_path = join_path(out_dir, path), link_err;
      // A failed link (e.g. a file system without hard links) falls back
      // to writing: slower for rsync, still correct.
      if (same_as_old(fs, old_path, bytes) && fs.hard_link(old_path, target, &link_err)) {
        outcomes[i] = Outcome::kLinked;
        return;
      }
    }
    outcomes[i] = fs.write_file(target, bytes, &errors[i]) ? Outcome::kWritten : Outcome::kFailed;
  };
  const std::vector<std::pair<size_t, size_t>> runs = folder_runs(items);
  parallel_for(
      runs.size(),
      [&](size_t r) {
        for (size_t i = runs[r].first; i < runs[r].second; ++i) stage_one(i);
      },
      threads);
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string_view bytes = items[i]->second;
    report->bytes += bytes.size();
    if (outcomes[i] == Outcome::kFailed) {
      *err = errors[i];
      return false;
    }
    if (outcomes[i] == Outcome::kLinked) {
      ++report->unchanged;
    } else {
      ++report->written;
      report->bytes_written += bytes.size();
    }
  }
  for (const std::string& path : old_files) {
    if (!outputs.count(path)) ++report->deleted;
  }
  report->files = outputs.size();
  return true;
}

}  // namespace

bool write_site(FileSystem& fs, const std::string& out_dir, const SiteFiles& files,
                const WriteOptions& opts, WriteReport* report, std::string* err) {
  if (out_dir.empty()) {
    *err = "output directory is empty";
    return false;
  }
  if (!check_paths(files, err)) return false;
  StagingPaths paths = staging_paths(out_dir);
  // Unlike the mirror, the writer has nothing to resume: a stale staging
  // dir is discarded.
  if (!recover_interrupted_swap(fs, paths, err) || !check_replaceable(fs, paths, err) ||
      !fs.remove_all(paths.staging, err)) {
    return false;
  }

  WriteReport local;
  SiteFiles variants;
  PrecompressCacheWrites cache_writes;
  if (opts.precompress) {
    precompress_site(fs, files, opts.cache_dir, opts.threads, &variants, &local.precompress,
                     &cache_writes, opts.encodings, opts.memo);
  }
  SiteView outputs = view_of(files);
  outputs.insert(variants.begin(), variants.end());
  std::string manifest;
  if (!manifest_json(manifest_entries(outputs, opts.threads), &manifest, err)) return false;
  outputs[kManifestPath] = manifest;

  if (!stage(fs, paths.dir, paths.staging, outputs, opts.threads, &local, err) ||
      !swap_in_staging(fs, paths, err)) {
    std::string cleanup_err;
    fs.remove_all(paths.staging, &cleanup_err);
    return false;
  }
  // Only now: a build killed before the swap leaves the cache as it was.
  store_precompress_cache(fs, cache_writes, opts.threads);
  if (report) *report = local;
  return true;
}

}  // namespace agora
