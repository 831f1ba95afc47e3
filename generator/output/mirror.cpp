#include "output/mirror.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <ostream>
#include <set>

#include "output/manifest.h"
#include "output/mirror_source.h"
#include "output/staging.h"
#include "util/confined_file_system.h"
#include "util/file_system.h"
#include "util/human_bytes.h"
#include "util/sha256.h"

namespace agora {

namespace {

using Clock = std::chrono::steady_clock;

// True when the file at path has the entry's size and sha256; its bytes are
// left in *bytes.
bool file_matches(const FileSystem& fs, const std::string& path, const ManifestEntry& entry,
                  std::string* bytes) {
  if (fs.file_size(path) != static_cast<int64_t>(entry.bytes)) return false;
  std::string err;
  return fs.read_file(path, bytes, &err) && sha256_hex(*bytes) == entry.sha256;
}

// DEST's own manifest tells a corrupted file (DEST disagrees with itself)
// from a changed one; a missing or broken manifest just means no repairs
// are counted.
std::map<std::string, std::string> dest_hashes(const FileSystem& fs, const std::string& dest) {
  std::map<std::string, std::string> out;
  std::string json, err;
  std::vector<ManifestEntry> entries;
  if (fs.read_file(join_path(dest, kManifestPath), &json, &err) &&
      parse_manifest(json, &entries, &err)) {
    for (ManifestEntry& e : entries) out.emplace(std::move(e.path), std::move(e.sha256));
  }
  return out;
}

class ProgressMeter {
 public:
  ProgressMeter(const MirrorOptions& opts, size_t total) : opts_(opts), start_(Clock::now()) {
    state_.files_total = total;
  }
  MirrorProgress& state() { return state_; }

  void update(bool final) {
    auto now = Clock::now();
    state_.seconds = std::chrono::duration<double>(now - start_).count();
    state_.bytes_per_second =
        state_.seconds > 0 ? static_cast<double>(state_.bytes_fetched) / state_.seconds : 0;
    if (opts_.on_progress) opts_.on_progress(state_);
    if (opts_.progress_out && (final || now - last_line_ >= std::chrono::milliseconds(250))) {
      last_line_ = now;
      *opts_.progress_out << fmt::format(
          "mirror: {}/{} files, {} of {}, {}/s\n", state_.files_done, state_.files_total,
          human_bytes(state_.bytes_fetched), human_bytes(state_.bytes_to_fetch),
          human_bytes(static_cast<uint64_t>(state_.bytes_per_second)));
    }
  }

 private:
  const MirrorOptions& opts_;
  Clock::time_point start_;
  Clock::time_point last_line_{};
  MirrorProgress state_;
};

// Settles every entry that needs no fetch (resumed from staging, or kept
// from DEST) and returns the ones to fetch.
bool settle_local(FileSystem& fs, const StagingPaths& paths,
                  const std::vector<ManifestEntry>& entries, MirrorReport* report,
                  std::vector<const ManifestEntry*>* to_fetch, std::string* err) {
  std::map<std::string, std::string> old_hashes = dest_hashes(fs, paths.dir);
  std::string bytes;
  for (const ManifestEntry& entry : entries) {
    std::string staged = join_path(paths.staging, entry.path);
    if (fs.exists(staged)) {
      if (file_matches(fs, staged, entry, &bytes)) {
        ++report->resumed;
        continue;
      }
      // Remove, never overwrite: the staged file may be a hard link into
      // DEST, which must not change before the swap.
      if (!fs.remove_all(staged, err)) return false;
    }
    std::string current = join_path(paths.dir, entry.path);
    if (file_matches(fs, current, entry, &bytes)) {
      // Without hard links (another file system), a local copy still beats
      // fetching.
      std::string link_err;
      if (!fs.hard_link(current, staged, &link_err) && !fs.write_file(staged, bytes, err)) {
        return false;
      }
      ++report->kept;
      continue;
    }
    auto old = old_hashes.find(entry.path);
    if (old != old_hashes.end() && old->second == entry.sha256) ++report->repaired;
    to_fetch->push_back(&entry);
  }
  return true;
}

bool fetch_verified(MirrorSource& source, FileSystem& fs, const StagingPaths& paths,
                    const ManifestEntry& entry, std::string* bytes, std::string* err) {
  if (!source.fetch(entry.path, entry.bytes, bytes, err)) return false;
  if (bytes->size() != entry.bytes || sha256_hex(*bytes) != entry.sha256) {
    *err = fmt::format("{}: fetched {} bytes with sha256 {}, manifest says {} bytes, {}",
                       entry.path, bytes->size(), sha256_hex(*bytes), entry.bytes, entry.sha256);
    return false;
  }
  return fs.write_file(join_path(paths.staging, entry.path), *bytes, err);
}

// A staging folder is ours to resume only if nothing in it is a link: a
// planted one would make the next write or delete land outside DEST. Such a
// folder is dropped whole (removing never follows links) and the run starts
// afresh.
bool drop_linked_staging(FileSystem& fs, const StagingPaths& paths, std::string* err) {
  if (!fs.is_symlink(paths.staging) && fs.list_symlinks(paths.staging).empty()) return true;
  return fs.remove_all(paths.staging, err);
}

// Staged files not in the new manifest: leftovers of a run against an
// older SOURCE, or its manifest.json.
bool remove_extra_staged(FileSystem& fs, const StagingPaths& paths,
                         const std::set<std::string>& wanted, std::string* err) {
  for (const std::string& path : fs.list_files(paths.staging)) {
    if (!wanted.count(path) && !fs.remove_all(join_path(paths.staging, path), err)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool mirror_from(MirrorSource& source, FileSystem& fs, const std::string& dest,
                 const MirrorOptions& opts, MirrorReport* report, std::string* err) {
  StagingPaths paths = staging_paths(dest);
  std::string manifest_bytes;
  std::vector<ManifestEntry> entries;
  if (!source.fetch(kManifestPath, kManifestMaxBytes, &manifest_bytes, err)) return false;
  if (!parse_manifest(manifest_bytes, &entries, err)) {
    *err = source.describe() + ": " + *err;
    return false;
  }
  std::set<std::string> wanted;
  for (const ManifestEntry& e : entries) wanted.insert(e.path);
  if (!recover_interrupted_swap(fs, paths, err) || !check_replaceable(fs, paths, err) ||
      !drop_linked_staging(fs, paths, err) || !remove_extra_staged(fs, paths, wanted, err)) {
    return false;
  }

  MirrorReport local;
  local.files = entries.size();
  std::vector<const ManifestEntry*> to_fetch;
  if (!settle_local(fs, paths, entries, &local, &to_fetch, err)) return false;

  ProgressMeter meter(opts, entries.size());
  meter.state().files_done = entries.size() - to_fetch.size();
  for (const ManifestEntry* entry : to_fetch) meter.state().bytes_to_fetch += entry->bytes;
  std::string bytes;
  for (const ManifestEntry* entry : to_fetch) {
    if (!fetch_verified(source, fs, paths, *entry, &bytes, err)) {
      if (report) *report = local;
      return false;
    }
    ++local.fetched;
    local.bytes_fetched += bytes.size();
    ++meter.state().files_done;
    meter.state().bytes_fetched = local.bytes_fetched;
    meter.update(false);
  }
  meter.update(true);

  for (const std::string& path : fs.list_files(paths.dir)) {
    if (path != kManifestPath && !wanted.count(path)) ++local.deleted;
  }
  // The manifest goes in last, so a staging dir that has one is complete.
  if (!fs.write_file(join_path(paths.staging, kManifestPath), manifest_bytes, err) ||
      !swap_in_staging(fs, paths, err)) {
    if (report) *report = local;
    return false;
  }
  if (report) *report = local;
  return true;
}

bool mirror_site(const std::string& source, const std::string& dest, const MirrorOptions& opts,
                 MirrorReport* report, std::string* err) {
  RealFileSystem real;
  FileSystem& target = opts.fs ? *opts.fs : real;
  std::unique_ptr<MirrorSource> from = open_mirror_source(source, target, err);
  if (!from) return false;
  // DEST, its staging and ".old" folders sit side by side: guard their
  // parent, so no link among them or inside them is followed.
  ConfinedFileSystem fs(&target);
  StagingPaths paths = staging_paths(dest);
  size_t slash = paths.dir.rfind('/');
  fs.guard(slash == std::string::npos ? "." : slash == 0 ? "/" : paths.dir.substr(0, slash));
  return mirror_from(*from, fs, dest, opts, report, err);
}

}  // namespace agora
