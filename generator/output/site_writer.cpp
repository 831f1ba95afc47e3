#include "output/site_writer.h"

#include <algorithm>
#include <cstddef>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "output/manifest.h"
#include "util/file_system.h"
#include "util/parallel.h"
#include "util/path.h"
#include "util/sha256.h"

namespace agora {

// One file to stage: a file of the site or a compressed copy.
struct StagedFile {
  const std::string* path;
  std::string_view bytes;
  std::string sha256;
  bool copy = false;
  // A compressed copy out_dir holds unchanged (see SiteWriter::copy_kept):
  // no bytes in memory, `size` and sha256 from the output record.
  bool kept = false;
  uint64_t size = 0;
  // The live file's stamp, when copy_kept took it already: for a kept
  // copy, the one its record entry has (copy_kept checked they are equal).
  std::optional<FileStamp> live;
};

namespace {

// What FileSystem::same_file says of two regular files, from their stamps.
bool same_inode(const std::optional<FileStamp>& a, const FileStamp& b) {
  return a && a->device == b.device && a->inode == b.inode;
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
std::vector<std::pair<size_t, size_t>> folder_runs(const std::vector<StagedFile>& items) {
  std::vector<std::pair<size_t, size_t>> runs;
  for (size_t begin = 0; begin < items.size();) {
    size_t end = begin + 1;
    const std::string folder = parent_dir(*items[begin].path);
    while (end < items.size() && end - begin < kRunItems &&
           parent_dir(*items[end].path) == folder) {
      ++end;
    }
    runs.emplace_back(begin, end);
    begin = end;
  }
  return runs;
}

// The folders a relative path lies in, deepest first: "a/b/c" -> "a/b", "a".
std::vector<std::string> folders_of(const std::string& path) {
  std::vector<std::string> out;
  for (std::string dir = parent_dir(path); !dir.empty(); dir = parent_dir(dir)) {
    dir.pop_back();  // "a/b/" -> "a/b"
    out.push_back(dir);
  }
  return out;
}

// Calls f(path) for each key of `from` that `in` lacks, until f returns
// false; false then. Both are sorted by path: one walk of each instead of a
// lookup of each key (a rebuild at 10,000 documents asks it of 143,669
// paths, twice, on one thread at the end of the build).
template <typename From, typename In, typename F>
bool for_each_missing(const From& from, const In& in, F f) {
  auto at = in.begin();
  for (const auto& [path, _] : from) {
    while (at != in.end() && at->first < path) ++at;
    if ((at == in.end() || at->first != path) && !f(path)) return false;
  }
  return true;
}

// The items of a batch, its copies and the copies out_dir keeps (their
// entries in `record`), in path order. `copy_shas`: the hashes of copies
// the compression already took (see Precompressor::add); the rest are
// hashed here.
std::vector<StagedFile> items_of(const SiteFiles& files, std::vector<std::string>&& shas,
                                 const SiteFiles& copies,
                                 std::map<std::string, std::string>&& copy_shas,
                                 const std::vector<std::string>& kept, const OutputRecord& record,
                                 unsigned threads) {
  std::vector<StagedFile> items;
  items.reserve(files.size() + copies.size() + kept.size());
  size_t i = 0;
  for (const auto& [path, bytes] : files) {
    items.push_back({&path, bytes, std::move(shas[i++]), false, false, bytes.size(), {}});
  }
  const size_t first_copy = items.size();
  for (const auto& [path, bytes] : copies) {
    auto known = copy_shas.find(path);
    items.push_back({&path,
                     bytes,
                     known == copy_shas.end() ? std::string() : std::move(known->second),
                     true,
                     false,
                     bytes.size(),
                     {}});
  }
  parallel_for(
      items.size() - first_copy,
      [&](size_t k) {
        StagedFile& copy = items[first_copy + k];
        if (copy.sha256.empty()) copy.sha256 = sha256_hex(copy.bytes);
      },
      threads);
  for (const std::string& path : kept) {
    const RecordedFile* file = record.find(path);
    items.push_back({&path, {}, file->sha256, true, true, file->bytes, file->stamp});
  }
  auto by_path = [](const StagedFile& a, const StagedFile& b) { return *a.path < *b.path; };
  std::sort(items.begin() + static_cast<ptrdiff_t>(first_copy), items.end(), by_path);
  std::inplace_merge(items.begin(), items.begin() + static_cast<ptrdiff_t>(first_copy), items.end(),
                     by_path);
  return items;
}

}  // namespace

SiteWriter::SiteWriter(FileSystem& fs, std::string out_dir, WriteOptions opts)
    : fs_(fs), out_dir_(std::move(out_dir)), opts_(std::move(opts)) {}

SiteWriter::~SiteWriter() {
  stop_folders();
  if (opened_ && !committed_) {
    std::string err;
    fs_.remove_all(paths_.staging, &err);
  }
}

bool SiteWriter::fail(std::string why) {
  failed_ = true;
  error_ = std::move(why);
  return false;
}

bool SiteWriter::open(OutputSurvey* survey, OutputRecord* record) {
  if (out_dir_.empty()) return fail("output directory is empty");
  paths_ = staging_paths(out_dir_);
  std::string err;
  // One walk of each tree serves every question asked of it below.
  OutputSurvey own;
  if (!survey) {
    own = survey_output(fs_, out_dir_);
    survey = &own;
  }
  TreeListing kept, live;
  if (!recover_interrupted_swap(fs_, paths_, &err, /*keep_old=*/true, &kept, &survey->old)) {
    return fail(err);
  }
  // Repairing an interrupted swap puts the kept tree where dir was missing:
  // what the survey found of dir is then out of date.
  TreeCheck repaired_live;
  const bool repaired = !survey->live.exists && fs_.exists(paths_.dir);
  if (repaired) repaired_live = check_tree(fs_, paths_.dir, TreeStamps::kFull);
  if (!check_replaceable(fs_, paths_, &err, &live, repaired ? &repaired_live : &survey->live)) {
    return fail(err);
  }
  // A staging folder a killed build left may hold a folder made for a file
  // never written: it is discarded. The tree the last swap replaced
  // (".old", kept beside dir) is brought up to date in place instead of
  // being removed and made anew: removing a folder frees a block, which a
  // file system mounted with `discard` waits on, and a site has tens of
  // thousands of folders.
  if (!fs_.remove_all(paths_.staging, &err)) return fail(err);
  const bool recycled = fs_.exists(paths_.dir) && fs_.exists(paths_.old);
  if (recycled && !fs_.rename(paths_.old, paths_.staging, &err)) return fail(err);
  // A link in it, or a link for it, would be written through: such a tree
  // starts afresh.
  if (recycled && (!kept.symlinks.empty() || fs_.is_symlink(paths_.staging))) {
    if (!fs_.remove_all(paths_.staging, &err)) return fail(err);
    kept = {};
  }
  opened_ = true;
  // Both listings were stamped as they were walked (the kept tree's with
  // device and inode only: same_inode is all it is asked); a file without
  // a stamp is not proven untouched, so it is compared or written again.
  auto stamped = [](const TreeListing& listing, Stamped* out) {
    for (size_t i = 0; i < listing.files.size(); ++i) {
      out->emplace_hint(out->end(), listing.files[i],
                        i < listing.stamps.size() ? listing.stamps[i] : std::nullopt);
    }
  };
  stamped(live, &old_files_);
  stamped(kept, &staged_before_);
  if (staged_before_.empty() && !old_files_.empty()) start_folders();
  if (record) {
    record_ = std::move(*record);
  } else if (!opts_.record.empty()) {
    record_ = OutputRecord::load(cache_fs(), opts_.record, out_dir_, precompress_tag());
  }
  if (opts_.precompress) {
    precompressor_.emplace(cache_fs(), opts_.cache_dir, opts_.encodings, opts_.threads, opts_.memo,
                           Precompressor::CacheWrites::kDeferredLinks, opts_.cache_key);
  }
  return true;
}

void SiteWriter::start_folders() {
  folder_thread_ = std::thread([this] {
    // old_files_ is sorted: a folder's files are together.
    std::string last;
    for (const auto& [path, _] : old_files_) {
      if (stop_folders_.load(std::memory_order_relaxed)) return;
      std::string folder = parent_dir(path);
      if (folder.empty() || folder == last) continue;
      last = folder;
      folder.pop_back();  // "a/b/" -> "a/b", as folders_of has it
      if (!fs_.make_folder(join_path(paths_.staging, folder))) return;
      folders_.push_back(std::move(folder));
    }
  });
}

void SiteWriter::stop_folders() {
  std::lock_guard<std::mutex> lock(folders_mutex_);
  stop_folders_ = true;
  if (folder_thread_.joinable()) folder_thread_.join();
}

void SiteWriter::remove_unused_folders() {
  stop_folders();
  if (folders_.empty()) return;
  std::set<std::string> made;
  for (const std::string& folder : folders_) {
    made.insert(folder);
    for (const std::string& dir : folders_of(folder)) {
      if (!made.insert(dir).second) break;
    }
  }
  // A folder sorts after its parent: backwards, each goes before it. One
  // is used when a path of this build lies under it: the first such path,
  // if any, is where written_ would put the folder's name and a slash.
  for (auto it = made.rbegin(); it != made.rend(); ++it) {
    const std::string under = *it + "/";
    auto first = written_.lower_bound(under);
    if (first == written_.end() || !first->first.starts_with(under)) {
      fs_.remove_empty_folder(join_path(paths_.staging, *it));
    }
  }
  folders_.clear();
}

bool SiteWriter::add(SiteFiles batch) {
  if (failed_) return false;
  if (!opened_) return fail("the site writer was not opened");
  for (const auto& [path, _] : batch) {
    if (!is_safe_relative_path(path)) {
      return fail("cannot write \"" + path + "\": not a safe relative path");
    }
    if (path == kManifestPath)
      return fail("cannot write manifest.json: the output stage writes it");
  }
  // Each file is hashed once, for the manifest and the compression cache.
  std::vector<const std::string*> contents;
  contents.reserve(batch.size());
  for (const auto& [_, bytes] : batch) contents.push_back(&bytes);
  std::vector<std::string> shas(contents.size());
  parallel_for(
      contents.size(), [&](size_t i) { shas[i] = sha256_hex(*contents[i]); }, opts_.threads);

  // A path that came before: the same bytes again are dropped, a compressed
  // copy gives way to the file.
  std::vector<std::string> kept_shas;
  kept_shas.reserve(shas.size());
  size_t i = 0;
  for (auto it = batch.begin(); it != batch.end(); ++i) {
    auto seen = written_.find(it->first);
    if (seen != written_.end() && !seen->second.copy) {
      if (seen->second.sha256 != shas[i]) {
        return fail("two different files would be written at \"" + it->first + "\"");
      }
      it = batch.erase(it);
      continue;
    }
    if (seen != written_.end()) {
      std::string err;
      if (!fs_.remove_all(join_path(paths_.staging, it->first), &err)) return fail(err);
      written_.erase(seen);
    }
    kept_shas.push_back(std::move(shas[i]));
    ++it;
  }

  SiteFiles copies;
  std::map<std::string, std::string> copy_shas;
  std::vector<std::string> kept;
  if (precompressor_) {
    Precompressor::KeptCopy copy_kept;
    if (record_.size()) {
      copy_kept = [this](const std::string& path, const std::string& variant,
                         const std::string& sha) { return this->copy_kept(path, variant, sha); };
    }
    precompressor_->add(
        batch, kept_shas, [this](const std::string& path) { return written_.count(path) > 0; },
        &copies, copy_kept, &kept, &copy_shas);
  }
  return stage(items_of(batch, std::move(kept_shas), copies, std::move(copy_shas), kept, record_,
                        opts_.threads));
}

const RecordedFile* SiteWriter::keepable(const std::string& path,
                                         std::vector<const RecordedFile*>* copies) const {
  if (path == kManifestPath || !is_safe_relative_path(path) || written_.count(path)) return nullptr;
  auto live = old_files_.find(path);
  if (live == old_files_.end()) return nullptr;
  const RecordedFile* file = record_.untouched(path, live->second);
  if (!file || file->copy) return nullptr;
  if (!precompressor_) return file;
  // A copy the record does not name was not made (it did not save enough)
  // or is not proven: the page renders, and the writer finds out which.
  for (const std::string& variant : precompressor_->candidate_variants(path, file->bytes)) {
    if (written_.count(variant) || !copy_kept(path, variant, file->sha256)) return nullptr;
    copies->push_back(record_.find(variant));
  }
  return file;
}

std::vector<char> SiteWriter::keep(const std::vector<std::string>& paths) {
  const std::vector<const RecordedFile*> files = keep_files(paths, nullptr);
  std::vector<char> kept(paths.size(), 0);
  for (size_t i = 0; i < paths.size(); ++i) kept[i] = files[i] != nullptr;
  return kept;
}

std::vector<int64_t> SiteWriter::keep_as(const std::vector<std::string>& paths,
                                         const std::vector<std::string>& sha256s) {
  const std::vector<const RecordedFile*> files = keep_files(paths, &sha256s);
  std::vector<int64_t> sizes(paths.size(), -1);
  for (size_t i = 0; i < paths.size(); ++i) {
    if (files[i]) sizes[i] = static_cast<int64_t>(files[i]->bytes);
  }
  return sizes;
}

std::vector<const RecordedFile*> SiteWriter::keep_files(const std::vector<std::string>& paths,
                                                        const std::vector<std::string>* sha256s) {
  std::vector<const RecordedFile*> kept(paths.size(), nullptr);
  if (failed_ || !opened_ || record_.size() == 0) return kept;
  std::vector<const RecordedFile*> pages(paths.size());
  std::vector<std::vector<const RecordedFile*>> copies(paths.size());
  parallel_for(
      paths.size(),
      [&](size_t i) {
        pages[i] = keepable(paths[i], &copies[i]);
        if (pages[i] && sha256s && pages[i]->sha256 != (*sha256s)[i]) pages[i] = nullptr;
      },
      opts_.threads);
  // Two offers of one path: the first is kept, the second is refused, as
  // add() refuses nothing but drops a second copy of the same bytes.
  std::set<std::string_view> offered;
  std::vector<StagedFile> items;
  size_t kept_copies = 0, compressible = 0;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (!pages[i] || !offered.insert(paths[i]).second) continue;
    kept[i] = pages[i];
    for (const RecordedFile* file : copies[i]) {
      items.push_back({&file->path, {}, file->sha256, true, true, file->bytes, file->stamp});
    }
    kept_copies += copies[i].size();
    compressible += !copies[i].empty();
    items.push_back(
        {&pages[i]->path, {}, pages[i]->sha256, false, true, pages[i]->bytes, pages[i]->stamp});
  }
  if (precompressor_) precompressor_->count_kept(compressible, kept_copies);
  std::sort(items.begin(), items.end(),
            [](const StagedFile& a, const StagedFile& b) { return *a.path < *b.path; });
  // A failure fails the writer: the next add() or commit() says so.
  stage(items);
  return kept;
}

bool SiteWriter::unchanged(const StagedFile& item, const std::string& old_path,
                           const std::optional<FileStamp>& live) const {
  if (item.kept) return true;
  if (const RecordedFile* file = record_.untouched(*item.path, live)) {
    return file->sha256 == item.sha256;
  }
  return same_as_old(fs_, old_path, item.bytes);
}

bool SiteWriter::copy_kept(const std::string& path, const std::string& variant,
                           const std::string& sha) const {
  // The record says which bytes the copy was made from (those the page had
  // in the same build); the copy's stamp says it is still what was made.
  const RecordedFile* page = record_.find(path);
  if (!page || page->copy || page->sha256 != sha) return false;
  auto live = old_files_.find(variant);
  if (live == old_files_.end()) return false;
  // Staging the copy needs its stamp again: the record entry's, equal to
  // this one, serves (items_of).
  const RecordedFile* copy = record_.untouched(variant, live->second);
  return copy && copy->copy;
}

// Writes the items into staging, linking the unchanged ones. Files are
// written on opts_.threads threads, a folder's run at a time: creating an
// inode costs the kernel far more than the bytes. The first error (in path
// order) does not depend on the timing.
bool SiteWriter::stage(const std::vector<StagedFile>& items) {
  // A recycled tree may hold a file where the site now has a folder, or a
  // folder where it has a file: cleared first, on one thread.
  if (!staged_before_.empty()) {
    std::string err;
    for (const StagedFile& item : items) {
      if (!staged_before_.count(*item.path) && !clear_way(*item.path, &err)) return fail(err);
    }
  }
  enum class Outcome : unsigned char { kWritten, kLinked, kFailed };
  std::vector<Outcome> outcomes(items.size(), Outcome::kFailed);
  std::vector<std::string> errors(items.size());
  // Each staged file's stamp, for the output record, unless something
  // links it again before the record is saved (see commit()). Taken here,
  // in a folder this build has walked, rather than after the swap, when
  // the confined file system has forgotten every folder: at 10,000
  // documents that took the last 4 s of a build into an empty folder, on
  // one core.
  std::vector<std::optional<FileStamp>> stamps(items.size());
  auto keep_stamp = [&](size_t i, const std::optional<FileStamp>& stamp) {
    if (stamp && stamp->size == static_cast<int64_t>(items[i].size)) stamps[i] = stamp;
  };
  auto stage_one = [&](size_t i) {
    const StagedFile& item = items[i];
    std::string target = join_path(paths_.staging, *item.path);
    // A recycled tree may hold the path already (see open()).
    auto staged = staged_before_.find(*item.path);
    const bool there = staged != staged_before_.end();
    const std::string old_path = join_path(paths_.dir, *item.path);
    if (auto listed = old_files_.find(*item.path); listed != old_files_.end()) {
      std::string link_err;
      // One look at the live file serves both the record's proof and the
      // check that the recycled file already is it (one inode): a rebuild
      // asks both of every file.
      const std::optional<FileStamp> live = item.live ? item.live : listed->second;
      if (unchanged(item, old_path, live)) {
        if (there && live && same_inode(staged->second, *live)) {
          outcomes[i] = Outcome::kLinked;  // the live file itself already
          stamps[i] = live;
          return;
        }
        // A failed link (e.g. a file system without hard links) falls
        // back to writing: slower for rsync, still correct.
        std::optional<FileStamp> linked;  // a new link moved its ctime
        if ((!there || fs_.remove_all(target, &link_err)) &&
            fs_.hard_link_stamped(old_path, target, &link_err, &linked)) {
          outcomes[i] = Outcome::kLinked;
          keep_stamp(i, linked);
          return;
        }
      }
    }
    // A kept copy that could not be linked is copied.
    std::string copied;
    std::string_view bytes = item.bytes;
    if (item.kept) {
      if (!fs_.read_file(old_path, &copied, &errors[i])) return;
      bytes = copied;
    }
    // A recycled file may be a link to a live file's inode: it is replaced
    // by a rename, never written through.
    bool written = there ? fs_.write_file_atomic(target, bytes, &errors[i])
                         : fs_.write_file(target, bytes, &errors[i]);
    // The site now has a file where out_dir had a folder, which
    // start_folders() made again: stopped, and the folder goes (nothing of
    // this build can be in it: a path is a file or a folder).
    if (!written && !there && fs_.is_directory(target)) {
      stop_folders();
      std::string err;
      written = fs_.remove_all(target, &err) && fs_.write_file(target, bytes, &errors[i]);
    }
    outcomes[i] = written ? Outcome::kWritten : Outcome::kFailed;
    if (written) keep_stamp(i, fs_.stamp(target));
  };
  const std::vector<std::pair<size_t, size_t>> runs = folder_runs(items);
  parallel_for(
      runs.size(),
      [&](size_t r) {
        for (size_t i = runs[r].first; i < runs[r].second; ++i) stage_one(i);
      },
      opts_.threads);
  for (size_t i = 0; i < items.size(); ++i) {
    if (outcomes[i] == Outcome::kFailed) return fail(errors[i]);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const StagedFile& item = items[i];
    written_[*item.path] = Written{item.size, item.sha256, item.copy,
                                   outcomes[i] == Outcome::kLinked, std::move(stamps[i])};
  }
  return true;
}

bool SiteWriter::clear_way(const std::string& path, std::string* err) {
  for (const std::string& dir : folders_of(path)) {
    if (staged_before_.erase(dir) && !fs_.remove_all(join_path(paths_.staging, dir), err)) {
      return false;
    }
  }
  const std::string as_folder = path + "/";
  auto first = staged_before_.lower_bound(as_folder), last = first;
  while (last != staged_before_.end() && last->first.starts_with(as_folder)) ++last;
  if (first == last) return true;
  staged_before_.erase(first, last);
  return fs_.remove_all(join_path(paths_.staging, path), err);
}

bool SiteWriter::commit(WriteReport* report) {
  if (failed_) return false;
  if (!opened_) return fail("the site writer was not opened");
  std::string err;
  {
    // Scoped: the entries and their JSON go before the record is built, or
    // the end of the build would be its memory peak.
    std::vector<ManifestEntry> entries;
    entries.reserve(written_.size());
    for (const auto& [path, file] : written_) entries.push_back({path, file.bytes, file.sha256});
    std::string manifest;
    if (!manifest_json(entries, &manifest, &err)) return fail(err);
    std::vector<ManifestEntry>().swap(entries);
    const std::string manifest_path = kManifestPath;
    if (!stage({StagedFile{
            &manifest_path, manifest, sha256_hex(manifest), false, false, manifest.size(), {}}})) {
      return false;
    }
  }
  remove_unused_folders();
  // What a recycled tree had and the site no longer has goes, with the
  // folders it leaves empty: the tree must be a clean build's.
  const bool cleared = for_each_missing(staged_before_, written_, [&](const std::string& path) {
    if (!fs_.remove_all(join_path(paths_.staging, path), &err)) return false;
    for (const std::string& dir : folders_of(path)) {
      if (!fs_.remove_empty_folder(join_path(paths_.staging, dir))) break;
    }
    return true;
  });
  if (!cleared) return fail(err);
  // The replaced tree stays as ".old", for the next build to recycle.
  if (!swap_in_staging(fs_, paths_, &err, /*keep_old=*/true)) return fail(err);
  committed_ = true;

  WriteReport out;
  for (const auto& [path, file] : written_) {
    ++out.files;
    out.bytes += file.bytes;
    if (file.linked) {
      ++out.unchanged;
    } else {
      ++out.written;
      out.bytes_written += file.bytes;
    }
  }
  for_each_missing(old_files_, written_, [&out](const std::string&) {
    ++out.deleted;
    return true;
  });
  // What the previous output held is of no more use: freed before the
  // record is built.
  Stamped().swap(old_files_);
  Stamped().swap(staged_before_);
  record_ = OutputRecord();
  // Only now: a build killed before the swap leaves the cache as it was.
  if (precompressor_) {
    store_precompress_cache(cache_fs(), precompressor_->cache_writes(), opts_.threads, paths_.dir);
    precompressor_->finish();
    out.precompress = precompressor_->stats();
  }
  // Last, so the stamps are those the files keep: linking a new cache
  // entry to a copy moves the copy's ctime.
  if (!opts_.record.empty()) {
    // A file the cache was linked to has a new ctime: stamped again.
    std::set<std::string_view> relinked;
    if (precompressor_) {
      for (const PrecompressCacheWrite& write : precompressor_->cache_writes()) {
        if (!write.from.empty()) relinked.insert(write.from);
      }
    }
    std::vector<RecordedFile> files;
    std::vector<char> stamped;
    files.reserve(written_.size());
    stamped.reserve(written_.size());
    // The written files move into the record, node by node, rather than
    // being copied: nothing reads them after the commit.
    while (!written_.empty()) {
      auto node = written_.extract(written_.begin());
      Written& file = node.mapped();
      const bool known = file.stamp && !relinked.count(node.key());
      files.push_back({std::move(node.key()), file.bytes, std::move(file.sha256),
                       known ? *file.stamp : FileStamp{}, file.copy});
      stamped.push_back(known);
    }
    std::string record_err;  // costs the next build time only
    save_output_record(cache_fs(), opts_.record, fs_, paths_.dir, precompress_tag(),
                       std::move(files), opts_.threads, &record_err, std::move(stamped),
                       opts_.inputs);
  }
  if (report) *report = out;
  return true;
}

bool write_site(FileSystem& fs, const std::string& out_dir, const SiteFiles& files,
                const WriteOptions& opts, WriteReport* report, std::string* err) {
  SiteWriter writer(fs, out_dir, opts);
  if (writer.open() && writer.add(files) && writer.commit(report)) return true;
  *err = writer.error();
  return false;
}

}  // namespace agora
