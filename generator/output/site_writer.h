#pragma once
// Writes the rendered site to its output folder as it is rendered:
// precompressed copies, manifest.json, staging and an atomic swap,
// and no rewrite of files whose bytes did not change.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "output/output_record.h"
#include "output/precompress.h"
#include "output/site_files.h"
#include "output/staging.h"

namespace agora {
class FileSystem;
struct StagedFile;  // site_writer.cpp
}  // namespace agora

namespace agora {

struct WriteOptions {
  bool precompress = true;                           // add .gz/.br copies (see precompress.h)
  std::vector<std::string> encodings{"br", "gzip"};  // which of them
  std::string cache_dir;                             // compression cache; empty = no cache
  // What the compression cache is read and written through; null: the
  // writer's own file system.
  FileSystem* cache_fs = nullptr;
  unsigned threads = 0;  // for hashing, compression and writing; 0 = hardware
  // Compressed copies kept from this process's previous build (agora
  // serve), updated by this one; null: none (see precompress_site).
  PrecompressMemo* memo = nullptr;
  // The user's secret that seals compression cache entries (see
  // precompress_site); empty: entries are checked by decompressing them.
  std::string cache_key;
  // The output record's file (see output_record.h), read and written like
  // the compression cache; empty: none, and every kept file is read.
  std::string record;
  // What the site was built from (see output/site_inputs.h), saved with the
  // record for the next build to compare.
  std::string inputs;
};

struct WriteReport {
  size_t files = 0;      // files in the new out_dir, manifest and copies included
  size_t written = 0;    // files written because they are new or changed
  size_t unchanged = 0;  // files hard-linked from the previous out_dir
  size_t deleted = 0;    // files of the previous out_dir that are gone
  uint64_t bytes = 0;    // total size of the new out_dir
  uint64_t bytes_written = 0;
  PrecompressStats precompress;
};

// Writes a site that arrives in batches (render_site hands them over as it
// renders) plus the .gz/.br copies and manifest.json (every file but
// itself: path, bytes, sha256, sorted by path) to out_dir. Each batch is
// hashed, compressed and written when it comes, so no more than a batch of
// the site is in memory at once.
//
// The previous out_dir stays untouched until the new site is complete in
// "<out_dir>.staging"; then the two folders exchange names in one step, so
// that a web server or an rsync reading out_dir never finds it missing
// (where the file system has no exchange: out_dir is renamed to
// "<out_dir>.old" and staging to out_dir; see swap_in_staging in
// staging.h). A file whose bytes equal the previous version's is
// hard-linked, not rewritten, so it keeps its inode and mtime and `rsync -a`
// skips it.
//
// The replaced tree stays as "<out_dir>.old" (mostly hard links to out_dir's
// files), and the next build makes it its staging folder, brought up to
// date in place: a file that already is out_dir's (one inode) and
// unchanged stays, any other is replaced by a rename or a new link, never
// written through, and what the site no longer has is removed with the
// folders it leaves empty. A rebuild then makes and removes no folders.
// A staging folder a killed build left is removed (a build killed just
// after the exchange leaves there the tree it replaced), and so is a kept
// tree with a symbolic link in it.
//
// A writer that is not committed (a failed batch, a failed build) removes
// its staging folder: out_dir is then exactly as before. A previous run that
// died between the two renames of a swap without exchange is repaired by
// open() (the ".old" tree is put back).
//
// An out_dir that exists and is not a previous output (see
// is_previous_output in staging.h) is not replaced: open() fails. New
// compression cache entries are stored only after the swap.
class SiteWriter final : public FileSink {
 public:
  SiteWriter(FileSystem& fs, std::string out_dir, WriteOptions opts);
  ~SiteWriter() override;
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  // Prepares the staging folder. On false, error() says why. `survey`,
  // when not null, is survey_output(fs, out_dir), made before (see
  // staging.h); `record`, when not null, is OutputRecord::load of the
  // options' record for out_dir, read before. Both are used up.
  bool open(OutputSurvey* survey = nullptr, OutputRecord* record = nullptr);
  // Writes a batch. Every path must pass is_safe_relative_path and none may
  // be manifest.json; a path may come again only with the same bytes (the
  // second is dropped). A file of the site replaces a compressed copy made
  // for an earlier batch at its path. On false, error() says why, and every
  // later add() and commit() fails too.
  bool add(SiteFiles batch) override;
  // Keeps each path whose file out_dir holds as the output record has it,
  // stamp and all, together with every compressed copy the page is a
  // candidate for, each as recorded: staged as out_dir's files, never read.
  // A page without the record's word for one of its copies is not kept.
  // See FileSink::keep.
  std::vector<char> keep(const std::vector<std::string>& paths) override;
  // keep(), of the paths whose recorded file has the given SHA-256.
  std::vector<int64_t> keep_as(const std::vector<std::string>& paths,
                               const std::vector<std::string>& sha256s) override;
  // Writes the manifest and swaps the site in. *report may be null.
  bool commit(WriteReport* report);

 private:
  struct Written {
    uint64_t bytes = 0;
    std::string sha256;
    bool copy = false;    // a compressed copy (PATH.gz, PATH.br)
    bool linked = false;  // the previous output's file, unchanged
    // The file's stamp as staged, when taken (see stage()).
    std::optional<FileStamp> stamp;
  };
  bool fail(std::string why);
  bool stage(const std::vector<StagedFile>& files);
  // What keep() and keep_as() keep of `paths` (with sha256s: only files
  // recorded with those): each kept file's entry, else null.
  std::vector<const RecordedFile*> keep_files(const std::vector<std::string>& paths,
                                              const std::vector<std::string>* sha256s);
  // Whether keep() can keep `path`: then its entry, with those of its
  // copies in *copies.
  const RecordedFile* keepable(const std::string& path,
                               std::vector<const RecordedFile*>* copies) const;
  // True when out_dir's file at `old_path` already has the item's bytes:
  // the record proves it from `live`, the file's stamp, or the bytes are
  // compared.
  bool unchanged(const StagedFile& item, const std::string& old_path,
                 const std::optional<FileStamp>& live) const;
  // Whether out_dir's `variant` was made from `path`'s bytes of hash `sha`
  // and is untouched since (see Precompressor::add).
  bool copy_kept(const std::string& path, const std::string& variant, const std::string& sha) const;
  FileSystem& cache_fs() const { return opts_.cache_fs ? *opts_.cache_fs : fs_; }
  // Before a path new to the recycled tree is written: removes the tree's
  // file where the path needs a folder, or its folder where the path is a
  // file, and forgets what it removed.
  bool clear_way(const std::string& path, std::string* err);
  // A rebuild without a tree to recycle makes the folders of out_dir in
  // its new staging tree on a thread of its own (folder_thread_), ahead of
  // the files linked into them: a site has tens of thousands of folders,
  // each made under its parent's lock in the kernel, which the threads
  // staging files would otherwise take turns on. Files still make the
  // folders they miss. Stopped before the swap, on a path that needs a
  // file where it made a folder, and when the writer goes.
  void start_folders();
  void stop_folders();
  // Before the swap: removes the folders it made that hold no file of the
  // site, so the tree is a clean build's.
  void remove_unused_folders();

  FileSystem& fs_;
  std::string out_dir_;
  WriteOptions opts_;
  StagingPaths paths_;
  // The files of out_dir and of a recycled staging tree when the writer
  // opened, each with the stamp taken as its tree was walked. Only this
  // build touches the trees meanwhile, and only by linking their files,
  // which changes no bytes and no inode.
  using Stamped = std::map<std::string, std::optional<FileStamp>, std::less<>>;
  Stamped old_files_;
  Stamped staged_before_;
  std::map<std::string, Written, std::less<>> written_;
  std::optional<Precompressor> precompressor_;
  OutputRecord record_;  // what the last build left in out_dir
  WriteReport report_;
  bool opened_ = false, committed_ = false, failed_ = false;
  std::thread folder_thread_;
  std::atomic<bool> stop_folders_{false};
  std::mutex folders_mutex_;          // one stop_folders() at a time
  std::vector<std::string> folders_;  // made by folder_thread_; read once it has stopped
};

// The whole site in one batch: open, add, commit.
bool write_site(FileSystem& fs, const std::string& out_dir, const SiteFiles& files,
                const WriteOptions& opts, WriteReport* report, std::string* err);

}  // namespace agora
