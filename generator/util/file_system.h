#pragma once
// FileSystem: every read and write of the pipeline goes through this, so tests
// can use MemoryFileSystem or wrap the real one to count writes or inject a
// failure (leveldb's Env / EnvWrapper pattern).

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace agora {

// What the kernel keeps of a file: its inode and when it last changed.
// A write, a rename over it and a new link all move ctime, which no call
// can set back: equal stamps mean untouched bytes.
struct FileStamp {
  uint64_t device = 0, inode = 0;
  int64_t size = 0, mtime_ns = 0, ctime_ns = 0;
  bool operator==(const FileStamp&) const = default;
};

// What one walk of a folder finds: see FileSystem::list_tree.
struct TreeListing {
  std::vector<std::string> files;     // as list_files has them
  std::vector<std::string> symlinks;  // as list_symlinks has them
  // Empty, or when asked for (FileSystem::list_tree_stamped): each file's
  // stamp.
  std::vector<std::optional<FileStamp>> stamps;
};

// A whole file's bytes, read into memory or mapped from the page cache.
// Mapping a large file costs neither a copy nor fresh pages for the kernel
// to zero: a 61 MB search corpus, page-cached, took 0.58 s to read into a
// fresh string and 0.04 s to map (a test program; 0.26 s of `agora index`
// under perf). A mapped file that another process truncates meanwhile ends
// this one (SIGBUS), as it would for any program that maps its input.
class FileBytes {
 public:
  FileBytes() = default;
  explicit FileBytes(std::string text) : text_(std::move(text)) {}
  // Takes over a mapping made with mmap; unmapped when this goes.
  FileBytes(void* map, size_t size) : map_(map), map_size_(size) {}
  FileBytes(FileBytes&& other) noexcept { *this = std::move(other); }
  FileBytes& operator=(FileBytes&& other) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  ~FileBytes() { release(); }

  std::string_view view() const {
    return map_ != nullptr ? std::string_view(static_cast<const char*>(map_), map_size_)
                           : std::string_view(text_);
  }

 private:
  void release();

  std::string text_;
  void* map_ = nullptr;
  size_t map_size_ = 0;
};

// What FileSystem::exchange did. kUnsupported: the file system has no
// such step (nothing changed, *err untouched); the caller falls back.
enum class ExchangeResult { kExchanged, kUnsupported, kFailed };

class FileSystem {
 public:
  virtual ~FileSystem() = default;

  // Reads the whole file into *contents. On failure returns false and sets *err.
  virtual bool read_file(const std::string& path, std::string* contents,
                         std::string* err) const = 0;
  // The whole file, mapped where the file system can (large inputs read
  // once, such as a search corpus). The default is read_file's copy, so a
  // wrapper's checks on read_file hold here too.
  virtual bool read_bytes(const std::string& path, FileBytes* bytes, std::string* err) const {
    std::string text;
    if (!read_file(path, &text, err)) return false;
    *bytes = FileBytes(std::move(text));
    return true;
  }
  // Writes the whole file, creating parent directories.
  virtual bool write_file(const std::string& path, std::string_view contents, std::string* err) = 0;
  virtual bool exists(const std::string& path) const = 0;
  virtual bool is_directory(const std::string& path) const = 0;
  // Size in bytes, or -1 when the file does not exist.
  virtual int64_t file_size(const std::string& path) const = 0;
  // Every regular file under dir, recursively, as '/'-separated paths
  // relative to dir, sorted bytewise. Empty if dir does not exist. Symbolic
  // links are neither listed nor followed (see list_symlinks).
  virtual std::vector<std::string> list_files(const std::string& dir) const = 0;
  // The symbolic links under dir (to files or folders), recursively, relative
  // to dir, sorted; what list_files leaves out. None in memory.
  virtual std::vector<std::string> list_symlinks(const std::string&) const { return {}; }
  // Both lists from one walk of dir: a build lists trees of 50,000 files.
  // Unlike list_symlinks, a dir that is itself a link is followed.
  virtual TreeListing list_tree(const std::string& dir) const {
    return {list_files(dir), list_symlinks(dir), {}};
  }
  // True when the path itself (not what it points to) is a symbolic link.
  virtual bool is_symlink(const std::string&) const { return false; }
  // Writes the whole file so that a reader sees the old bytes or the new
  // ones, never a part: a temporary file beside it, renamed over it. A
  // process killed half-way leaves at most a stray "*.tmp-PID" file.
  virtual bool write_file_atomic(const std::string& path, std::string_view contents,
                                 std::string* err) {
    return write_file(path, contents, err);
  }
  // Writes what `fill` streams, atomically as write_file_atomic does, and
  // where the file system can without holding the file in memory (a search
  // index of 200 MB). The default collects it first.
  using StreamFill = std::function<void(std::ostream&)>;
  virtual bool write_streamed(const std::string& path, const StreamFill& fill, std::string* err);
  // Removes a file or a directory tree; succeeds if nothing is there.
  virtual bool remove_all(const std::string& path, std::string* err) = 0;
  // Renames a file or directory; `to` must not exist.
  virtual bool rename(const std::string& from, const std::string& to, std::string* err) = 0;
  // Swaps the names of two existing files or directories in one step: no
  // reader ever finds either name missing. kFailed sets *err and changes
  // nothing. The default has no such step.
  virtual ExchangeResult exchange(const std::string& /*a*/, const std::string& /*b*/,
                                  std::string* /*err*/) {
    return ExchangeResult::kUnsupported;
  }
  // Makes `to` a second name for the existing file `from` (same inode, same
  // mtime), creating parent directories; `to` must not exist. Writing through
  // either name changes both, so remove `to` before rewriting it.
  virtual bool hard_link(const std::string& from, const std::string& to, std::string* err) = 0;
  // hard_link, then the new name's stamp (what stamp(to) gives) in *made: a
  // writer that records the stamp of every file it links saves a look.
  virtual bool hard_link_stamped(const std::string& from, const std::string& to, std::string* err,
                                 std::optional<FileStamp>* made) {
    if (!hard_link(from, to, err)) return false;
    *made = stamp(to);
    return true;
  }
  // True when both paths name one regular file (one inode: hard links); a
  // symbolic link is never the same file. Without inodes: always false.
  virtual bool same_file(const std::string& /*a*/, const std::string& /*b*/) const { return false; }
  // The stamp of a regular file (not of a link); none without inodes.
  virtual std::optional<FileStamp> stamp(const std::string&) const { return std::nullopt; }
  // list_tree, with each file's stamp (what stamp(dir/file) gives it) in
  // the listing's stamps. A rebuild asks this of two trees of 145,000
  // files each at 10,000 documents: the walk has each folder open, so a
  // file is looked up by name there rather than by its whole path.
  virtual TreeListing list_tree_stamped(const std::string& dir) const;
  // list_tree_stamped, but a stamp may hold only the file's device and
  // inode, which the listing itself gives: no file is looked at. For a
  // tree whose files are only asked whether they are another's (the kept
  // tree a rebuild recycles): at 10,000 documents its 145,000 stat calls
  // were a third of its walk.
  virtual TreeListing list_tree_inodes(const std::string& dir) const {
    return list_tree_stamped(dir);
  }
  // Removes the folder if it holds nothing; false otherwise (or when there
  // are no folders of their own, as in memory).
  virtual bool remove_empty_folder(const std::string& /*dir*/) { return false; }
  // Makes the folder and those above it that are missing; true when it is
  // there (always, where folders are implicit, as in memory).
  virtual bool make_folder(const std::string& /*dir*/) { return true; }
  // Makes the one folder `dir` in a folder that exists: false when there
  // is anything at dir already, or no folder above it (and always where
  // folders are implicit). What was there already may be a link; what
  // this call made is not.
  virtual bool make_new_folder(const std::string& /*dir*/) { return false; }
};

// The process's real file system.
class RealFileSystem : public FileSystem {
 public:
  bool read_file(const std::string& path, std::string* contents, std::string* err) const override;
  bool read_bytes(const std::string& path, FileBytes* bytes, std::string* err) const override;
  bool write_file(const std::string& path, std::string_view contents, std::string* err) override;
  bool exists(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  int64_t file_size(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  std::vector<std::string> list_symlinks(const std::string& dir) const override;
  TreeListing list_tree(const std::string& dir) const override;
  bool is_symlink(const std::string& path) const override;
  bool write_file_atomic(const std::string& path, std::string_view contents,
                         std::string* err) override;
  bool write_streamed(const std::string& path, const StreamFill& fill, std::string* err) override;
  bool remove_all(const std::string& path, std::string* err) override;
  bool rename(const std::string& from, const std::string& to, std::string* err) override;
  // renameat2's RENAME_EXCHANGE: kUnsupported where the kernel or the file
  // system lacks it (some network and FUSE file systems).
  ExchangeResult exchange(const std::string& a, const std::string& b, std::string* err) override;
  bool hard_link(const std::string& from, const std::string& to, std::string* err) override;
  bool same_file(const std::string& a, const std::string& b) const override;
  std::optional<FileStamp> stamp(const std::string& path) const override;
  TreeListing list_tree_stamped(const std::string& dir) const override;
  TreeListing list_tree_inodes(const std::string& dir) const override;
  bool remove_empty_folder(const std::string& dir) override;
  bool make_folder(const std::string& dir) override;
  bool make_new_folder(const std::string& dir) override;
};

// An in-memory file system for tests. Directories exist implicitly when a file
// lies under them. Paths are normalised by stripping "./" and trailing '/'.
// Safe to call from several threads, as the output stage does.
class MemoryFileSystem : public FileSystem {
 public:
  bool read_file(const std::string& path, std::string* contents, std::string* err) const override;
  bool write_file(const std::string& path, std::string_view contents, std::string* err) override;
  bool exists(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  int64_t file_size(const std::string& path) const override;
  std::vector<std::string> list_files(const std::string& dir) const override;
  bool remove_all(const std::string& path, std::string* err) override;
  bool rename(const std::string& from, const std::string& to, std::string* err) override;
  ExchangeResult exchange(const std::string& a, const std::string& b, std::string* err) override;
  // Copies the bytes: memory files have no inodes, so a link is a copy.
  bool hard_link(const std::string& from, const std::string& to, std::string* err) override;

  const std::map<std::string, std::string>& files() const { return files_; }

 private:
  // Recursive: rename and hard_link call exists(). A copy gets a mutex of
  // its own, so the file system stays copyable and movable.
  struct OwnMutex {
    OwnMutex() = default;
    OwnMutex(const OwnMutex&) {}
    OwnMutex& operator=(const OwnMutex&) { return *this; }
    std::recursive_mutex mutex;
  };
  mutable OwnMutex own_;
  std::map<std::string, std::string> files_;
};

// Forwards every call to a target; a test subclass overrides one call.
class FileSystemWrapper : public FileSystem {
 public:
  explicit FileSystemWrapper(FileSystem* target) : target_(target) {}
  bool read_file(const std::string& path, std::string* contents, std::string* err) const override {
    return target_->read_file(path, contents, err);
  }
  bool write_file(const std::string& path, std::string_view contents, std::string* err) override {
    return target_->write_file(path, contents, err);
  }
  bool exists(const std::string& path) const override { return target_->exists(path); }
  bool is_directory(const std::string& path) const override { return target_->is_directory(path); }
  int64_t file_size(const std::string& path) const override { return target_->file_size(path); }
  std::vector<std::string> list_files(const std::string& dir) const override {
    return target_->list_files(dir);
  }
  std::vector<std::string> list_symlinks(const std::string& dir) const override {
    return target_->list_symlinks(dir);
  }
  TreeListing list_tree(const std::string& dir) const override { return target_->list_tree(dir); }
  bool is_symlink(const std::string& path) const override { return target_->is_symlink(path); }
  bool write_file_atomic(const std::string& path, std::string_view contents,
                         std::string* err) override {
    return target_->write_file_atomic(path, contents, err);
  }
  bool write_streamed(const std::string& path, const StreamFill& fill, std::string* err) override {
    return target_->write_streamed(path, fill, err);
  }
  bool remove_all(const std::string& path, std::string* err) override {
    return target_->remove_all(path, err);
  }
  bool rename(const std::string& from, const std::string& to, std::string* err) override {
    return target_->rename(from, to, err);
  }
  ExchangeResult exchange(const std::string& a, const std::string& b, std::string* err) override {
    return target_->exchange(a, b, err);
  }
  bool hard_link(const std::string& from, const std::string& to, std::string* err) override {
    return target_->hard_link(from, to, err);
  }
  bool hard_link_stamped(const std::string& from, const std::string& to, std::string* err,
                         std::optional<FileStamp>* made) override {
    return target_->hard_link_stamped(from, to, err, made);
  }
  bool same_file(const std::string& a, const std::string& b) const override {
    return target_->same_file(a, b);
  }
  std::optional<FileStamp> stamp(const std::string& path) const override {
    return target_->stamp(path);
  }
  TreeListing list_tree_stamped(const std::string& dir) const override {
    return target_->list_tree_stamped(dir);
  }
  TreeListing list_tree_inodes(const std::string& dir) const override {
    return target_->list_tree_inodes(dir);
  }
  bool remove_empty_folder(const std::string& dir) override {
    return target_->remove_empty_folder(dir);
  }
  bool make_folder(const std::string& dir) override { return target_->make_folder(dir); }
  bool make_new_folder(const std::string& dir) override { return target_->make_new_folder(dir); }

 protected:
  FileSystem* target() const { return target_; }

 private:
  FileSystem* target_;
};

// Joins two '/'-separated path pieces without doubling the separator.
std::string join_path(std::string_view a, std::string_view b);

}  // namespace agora
