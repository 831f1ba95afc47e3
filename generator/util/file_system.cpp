#include "util/file_system.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/path.h"

namespace fs = std::filesystem;

namespace agora {

std::string join_path(std::string_view a, std::string_view b) {
  if (a.empty() || a == ".") return std::string(b);
  if (b.empty()) return std::string(a);
  std::string out(a);
  if (out.back() != '/') out += '/';
  out += b.front() == '/' ? b.substr(1) : b;
  return out;
}

// ---- FileBytes ----

FileBytes& FileBytes::operator=(FileBytes&& other) noexcept {
  if (this != &other) {
    release();
    text_ = std::move(other.text_);
    map_ = std::exchange(other.map_, nullptr);
    map_size_ = std::exchange(other.map_size_, 0);
  }
  return *this;
}

void FileBytes::release() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
  map_ = nullptr;
  map_size_ = 0;
  // Not `text_ = {}` nor a move from an empty string: both keep the buffer,
  // which kept the body cache's 133 MB of files to the end of a build.
  std::string().swap(text_);
}

TreeListing FileSystem::list_tree_stamped(const std::string& dir) const {
  TreeListing listing = list_tree(dir);
  listing.stamps.reserve(listing.files.size());
  for (const std::string& file : listing.files)
    listing.stamps.push_back(stamp(join_path(dir, file)));
  return listing;
}

// ---- RealFileSystem ----

bool RealFileSystem::read_bytes(const std::string& path, FileBytes* bytes, std::string* err) const {
  // Below a few pages a copy is as cheap as the mapping's bookkeeping.
  constexpr int64_t kMapFrom = 1 << 20;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    struct stat info {};
    void* map = MAP_FAILED;
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size >= kMapFrom) {
      map = ::mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);  // a mapping outlives its descriptor
    if (map != MAP_FAILED) {
      *bytes = FileBytes(map, static_cast<size_t>(info.st_size));
      return true;
    }
  }
  // Small, not a regular file, or not mappable: read_file's copy, and its
  // error when the file cannot be opened.
  return FileSystem::read_bytes(path, bytes, err);
}

bool RealFileSystem::read_file(const std::string& path, std::string* contents,
                               std::string* err) const {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *err = "cannot open " + path;
    return false;
  }
  // Sized from fstat, one read for most files; files that report no size
  // (/proc) or grow while read are read to their end all the same.
  struct stat info {};
  size_t size = ::fstat(fd, &info) == 0 && info.st_size > 0 ? static_cast<size_t>(info.st_size) : 0;
  contents->resize(size + 1);
  size_t done = 0;
  for (;;) {
    if (done == contents->size()) contents->resize(contents->size() * 2 + 4096);
    ssize_t n = ::read(fd, contents->data() + done, contents->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *err = "cannot read " + path + ": " + std::strerror(errno);
      ::close(fd);
      contents->clear();
      return false;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  contents->resize(done);
  return true;
}

namespace {

// Makes the folders above `path` that are missing. Writes and links try
// first and call this only when they fail for a missing folder: most go
// into a folder that exists, and a build makes 145,000 files.
std::error_code make_parent_folders(const std::string& path) {
  std::error_code ec;
  const fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  return ec;
}

}  // namespace

bool RealFileSystem::write_file(const std::string& path, std::string_view contents,
                                std::string* err) {
  const int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
  int fd = ::open(path.c_str(), flags, 0666);
  if (fd < 0 && errno == ENOENT) {
    if (const std::error_code ec = make_parent_folders(path)) {
      *err =
          "cannot create directory " + fs::path(path).parent_path().string() + ": " + ec.message();
      return false;
    }
    fd = ::open(path.c_str(), flags, 0666);
  }
  if (fd < 0) {
    *err = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  for (size_t done = 0; done < contents.size();) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *err = "write failed: " + path + ": " + std::strerror(n < 0 ? errno : ENOSPC);
      ::close(fd);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    *err = "write failed: " + path + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

bool RealFileSystem::exists(const std::string& path) const {
  std::error_code ec;
  return fs::exists(path, ec);
}

bool RealFileSystem::is_directory(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

int64_t RealFileSystem::file_size(const std::string& path) const {
  std::error_code ec;
  auto size = fs::file_size(path, ec);
  return ec ? -1 : static_cast<int64_t>(size);
}

std::vector<std::string> RealFileSystem::list_files(const std::string& dir) const {
  return list_tree(dir).files;
}

namespace {

std::optional<FileStamp> stamp_of(const struct stat& st) {
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  constexpr int64_t kNs = 1000000000;
  return FileStamp{static_cast<uint64_t>(st.st_dev), static_cast<uint64_t>(st.st_ino),
                   static_cast<int64_t>(st.st_size), st.st_mtim.tv_sec * kNs + st.st_mtim.tv_nsec,
                   st.st_ctim.tv_sec * kNs + st.st_ctim.tv_nsec};
}

// What a walk takes of each file besides its name.
enum class Stamps { kNone, kInodes, kFull };

// One walk's state: what it takes of each file, and a buffer per depth for
// the folders being listed (a deque: the buffers of outer folders must not
// move while an inner one is added).
struct Walk {
  Stamps stamps;
  uint64_t device;  // kInodes: the device of every stamp
  std::deque<std::vector<char>> buffers;
  TreeListing* out;
};

// Reads every record of the folder open as `fd` into `buffer` and returns
// how many bytes they take (what was read before an error, if one comes).
// getdents64 rather than readdir(): fdopendir adds an fstat and two fcntl
// calls and a 32 KB allocation per folder, and an output tree has 45,000
// folders of three files each (strace -c of a 10,000-document rebuild:
// 188,774 fcntl calls).
size_t read_records(int fd, std::vector<char>& buffer) {
  constexpr size_t kRoom = 8192;  // more than any one record (names are at most 255 bytes)
  size_t used = 0;
  for (;;) {
    if (buffer.size() - used < kRoom) buffer.resize(std::max<size_t>(4 * kRoom, 2 * buffer.size()));
    const ssize_t n = ::getdents64(fd, buffer.data() + used, buffer.size() - used);
    if (n <= 0) return used;
    used += static_cast<size_t>(n);
  }
}

// Adds what the folder open as `fd` holds to walk.out, named under
// `prefix`, and closes fd; each file's stamp too as walk.stamps says
// (kInodes: the inode the listing gives). Subfolders are opened from their
// parent's descriptor: opening them by path would look up every component
// again.
void walk_folder(int fd, const std::string& prefix, size_t depth, Walk& walk) {
  if (walk.buffers.size() <= depth) walk.buffers.emplace_back();
  std::vector<char>& buffer = walk.buffers[depth];
  const size_t used = read_records(fd, buffer);
  TreeListing* out = walk.out;
  for (size_t at = 0; at < used;) {
    // A record is d_ino, d_off, d_reclen, d_type and the name; copied out
    // field by field, since the buffer holds bytes, not dirent64 objects.
    const char* record = buffer.data() + at;
    uint64_t inode = 0;
    uint16_t length = 0;
    unsigned char type = 0;
    std::memcpy(&inode, record + offsetof(struct dirent64, d_ino), sizeof inode);
    std::memcpy(&length, record + offsetof(struct dirent64, d_reclen), sizeof length);
    std::memcpy(&type, record + offsetof(struct dirent64, d_type), sizeof type);
    const char* c_name = record + offsetof(struct dirent64, d_name);
    if (length == 0) break;
    at += length;
    const std::string_view name = c_name;
    if (name == "." || name == "..") continue;
    if (type == DT_UNKNOWN) {  // file systems that do not say in the listing
      struct stat st {};
      if (::fstatat(fd, c_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
      type = S_ISLNK(st.st_mode)   ? DT_LNK
             : S_ISDIR(st.st_mode) ? DT_DIR
             : S_ISREG(st.st_mode) ? DT_REG
                                   : DT_UNKNOWN;
    }
    std::string path = prefix;
    path += name;
    if (type == DT_REG) {
      out->files.push_back(std::move(path));
      if (walk.stamps == Stamps::kNone) continue;
      if (walk.stamps == Stamps::kInodes) {
        out->stamps.push_back(FileStamp{walk.device, inode});
        continue;
      }
      struct stat st {};
      out->stamps.push_back(::fstatat(fd, c_name, &st, AT_SYMLINK_NOFOLLOW) == 0 ? stamp_of(st)
                                                                                 : std::nullopt);
    } else if (type == DT_LNK) {
      out->symlinks.push_back(std::move(path));
    } else if (type == DT_DIR) {
      // O_NOFOLLOW: a folder swapped for a link since the listing is not entered.
      int sub = ::openat(fd, c_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (sub >= 0) walk_folder(sub, path + "/", depth + 1, walk);
    }
  }
  ::close(fd);
}

TreeListing list_real_tree(const std::string& dir, Stamps stamps) {
  TreeListing out;
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return out;
  struct stat folder {};
  if (::fstat(fd, &folder) != 0) {
    ::close(fd);
    return out;
  }
  Walk walk{stamps, static_cast<uint64_t>(folder.st_dev), {}, &out};
  walk_folder(fd, "", 0, walk);
  std::sort(out.symlinks.begin(), out.symlinks.end());
  if (stamps == Stamps::kNone) {
    std::sort(out.files.begin(), out.files.end());
    return out;
  }
  // The stamps follow their files into order.
  std::vector<uint32_t> order(out.files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return out.files[a] < out.files[b]; });
  TreeListing sorted;
  sorted.symlinks = std::move(out.symlinks);
  sorted.files.reserve(order.size());
  sorted.stamps.reserve(order.size());
  for (uint32_t i : order) {
    sorted.files.push_back(std::move(out.files[i]));
    sorted.stamps.push_back(out.stamps[i]);
  }
  return sorted;
}

}  // namespace

TreeListing RealFileSystem::list_tree(const std::string& dir) const {
  return list_real_tree(dir, Stamps::kNone);
}

TreeListing RealFileSystem::list_tree_stamped(const std::string& dir) const {
  return list_real_tree(dir, Stamps::kFull);
}

TreeListing RealFileSystem::list_tree_inodes(const std::string& dir) const {
  return list_real_tree(dir, Stamps::kInodes);
}

std::vector<std::string> RealFileSystem::list_symlinks(const std::string& dir) const {
  // A dir that is itself a link is not entered (list_tree enters it).
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return {};
  return list_tree(dir).symlinks;
}

bool RealFileSystem::is_symlink(const std::string& path) const {
  std::error_code ec;
  return fs::is_symlink(fs::symlink_status(path, ec));
}

namespace {

// A temporary file beside `path`: the process id and a counter keep two
// writers (processes or threads) off each other's.
std::string temp_path_for(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

// Renames a finished temporary file over `path` (POSIX rename replaces it
// in one step), or removes it.
bool rename_into_place(const std::string& temp, const std::string& path, std::string* err) {
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) {
    *err = "cannot rename " + temp + " to " + path + ": " + ec.message();
    fs::remove(temp, ec);
    return false;
  }
  return true;
}

}  // namespace

bool RealFileSystem::write_file_atomic(const std::string& path, std::string_view contents,
                                       std::string* err) {
  const std::string temp = temp_path_for(path);
  return write_file(temp, contents, err) && rename_into_place(temp, path, err);
}

bool FileSystem::write_streamed(const std::string& path, const StreamFill& fill, std::string* err) {
  std::ostringstream out;
  fill(out);
  return write_file_atomic(path, out.view(), err);
}

bool RealFileSystem::write_streamed(const std::string& path, const StreamFill& fill,
                                    std::string* err) {
  const std::string temp = temp_path_for(path);
  // write_file makes the folders (and says why it could not).
  if (!write_file(temp, "", err)) return false;
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  if (out) fill(out);
  out.close();
  if (!out) {
    *err = "write failed: " + path;
    std::error_code ec;
    fs::remove(temp, ec);
    return false;
  }
  return rename_into_place(temp, path, err);
}

bool RealFileSystem::remove_all(const std::string& path, std::string* err) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (ec) {
    *err = "cannot remove " + path + ": " + ec.message();
    return false;
  }
  return true;
}

bool RealFileSystem::rename(const std::string& from, const std::string& to, std::string* err) {
  std::error_code ec;
  fs::rename(from, to, ec);
  if (ec) {
    *err = "cannot rename " + from + " to " + to + ": " + ec.message();
    return false;
  }
  return true;
}

ExchangeResult RealFileSystem::exchange(const std::string& a, const std::string& b,
                                        std::string* err) {
  if (::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0) {
    return ExchangeResult::kExchanged;
  }
  const int error = errno;
  // EINVAL: the file system has no exchange (FUSE without it, NFS); ENOSYS:
  // the kernel has no renameat2 (before 3.15).
  if (error == EINVAL || error == ENOSYS) return ExchangeResult::kUnsupported;
  *err = "cannot exchange " + a + " and " + b + ": " + std::strerror(error);
  return ExchangeResult::kFailed;
}

bool RealFileSystem::same_file(const std::string& a, const std::string& b) const {
  struct stat sa {};
  struct stat sb {};
  return ::lstat(a.c_str(), &sa) == 0 && ::lstat(b.c_str(), &sb) == 0 && S_ISREG(sa.st_mode) &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

std::optional<FileStamp> RealFileSystem::stamp(const std::string& path) const {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
  return stamp_of(st);
}

bool RealFileSystem::remove_empty_folder(const std::string& dir) {
  return ::rmdir(dir.c_str()) == 0;
}

bool RealFileSystem::make_folder(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  return !ec;
}

bool RealFileSystem::make_new_folder(const std::string& dir) {
  return ::mkdir(dir.c_str(), 0777) == 0;
}

bool RealFileSystem::hard_link(const std::string& from, const std::string& to, std::string* err) {
  // A missing source makes no folder.
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec == std::errc::no_such_file_or_directory && fs::exists(from)) {
    ec = make_parent_folders(to);
    if (!ec) fs::create_hard_link(from, to, ec);
  }
  if (ec) {
    *err = "cannot link " + from + " to " + to + ": " + ec.message();
    return false;
  }
  return true;
}

// ---- MemoryFileSystem ----

namespace {
bool under(const std::string& file, const std::string& dir) {
  return dir.empty() || dir == "." ||
         (file.size() > dir.size() && file.compare(0, dir.size(), dir) == 0 &&
          file[dir.size()] == '/');
}

using Files = std::map<std::string, std::string>;

// Takes out the file `path`, or every file under it, each keyed by what
// follows `path` in its name.
Files take_tree(Files* files, const std::string& path) {
  Files taken;
  for (auto it = files->begin(); it != files->end();) {
    if (it->first == path || under(it->first, path)) {
      taken[it->first.substr(path.size())] = std::move(it->second);
      it = files->erase(it);
    } else {
      ++it;
    }
  }
  return taken;
}

void put_tree(Files* files, const std::string& path, Files tree) {
  for (auto& [rest, bytes] : tree) (*files)[path + rest] = std::move(bytes);
}
}  // namespace

bool MemoryFileSystem::read_file(const std::string& path, std::string* contents,
                                 std::string* err) const {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  auto it = files_.find(tidy_path(path));
  if (it == files_.end()) {
    *err = "cannot open " + path;
    return false;
  }
  *contents = it->second;
  return true;
}

bool MemoryFileSystem::write_file(const std::string& path, std::string_view contents,
                                  std::string*) {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  files_[tidy_path(path)] = std::string(contents);
  return true;
}

bool MemoryFileSystem::exists(const std::string& path) const {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  return files_.count(tidy_path(path)) || is_directory(path);
}

bool MemoryFileSystem::is_directory(const std::string& path) const {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  std::string dir = tidy_path(path);
  auto it = files_.lower_bound(dir + "/");
  return it != files_.end() && under(it->first, dir);
}

int64_t MemoryFileSystem::file_size(const std::string& path) const {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  auto it = files_.find(tidy_path(path));
  return it == files_.end() ? -1 : static_cast<int64_t>(it->second.size());
}

std::vector<std::string> MemoryFileSystem::list_files(const std::string& dir) const {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  std::string d = tidy_path(dir);
  std::vector<std::string> out;
  for (const auto& [name, _] : files_) {
    if (under(name, d)) out.push_back(d.empty() || d == "." ? name : name.substr(d.size() + 1));
  }
  return out;  // std::map keeps them sorted bytewise
}

bool MemoryFileSystem::remove_all(const std::string& path, std::string*) {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  std::string p = tidy_path(path);
  std::erase_if(files_, [&](const auto& kv) { return kv.first == p || under(kv.first, p); });
  return true;
}

bool MemoryFileSystem::rename(const std::string& from, const std::string& to, std::string* err) {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  std::string f = tidy_path(from), t = tidy_path(to);
  if (exists(t)) {
    *err = "cannot rename " + from + " to " + to + ": target exists";
    return false;
  }
  Files moved = take_tree(&files_, f);
  if (moved.empty()) {
    *err = "cannot rename " + from + ": no such file";
    return false;
  }
  put_tree(&files_, t, std::move(moved));
  return true;
}

ExchangeResult MemoryFileSystem::exchange(const std::string& a, const std::string& b,
                                          std::string* err) {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  std::string x = tidy_path(a), y = tidy_path(b);
  if (!exists(x) || !exists(y)) {
    *err = "cannot exchange " + a + " and " + b + ": no such file";
    return ExchangeResult::kFailed;
  }
  if (under(x, y) || under(y, x)) {
    *err = "cannot exchange " + a + " and " + b + ": one holds the other";
    return ExchangeResult::kFailed;
  }
  Files first = take_tree(&files_, x);
  Files second = take_tree(&files_, y);
  put_tree(&files_, y, std::move(first));
  put_tree(&files_, x, std::move(second));
  return ExchangeResult::kExchanged;
}

bool MemoryFileSystem::hard_link(const std::string& from, const std::string& to, std::string* err) {
  std::lock_guard<std::recursive_mutex> lock(own_.mutex);
  auto it = files_.find(tidy_path(from));
  if (it == files_.end()) {
    *err = "cannot link " + from + ": no such file";
    return false;
  }
  if (exists(to)) {
    *err = "cannot link " + from + " to " + to + ": target exists";
    return false;
  }
  files_[tidy_path(to)] = it->second;
  return true;
}

}  // namespace agora
