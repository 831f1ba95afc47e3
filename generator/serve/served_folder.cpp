#include "serve/served_folder.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <mutex>

#include "output/manifest.h"
#include "output/staging.h"

namespace agora {

namespace {

std::string real_path(const std::string& path) {
  char buffer[PATH_MAX];
  return ::realpath(path.c_str(), buffer) ? std::string(buffer) : std::string();
}

}  // namespace

ServedFolder::ServedFolder(std::string dir) : dir_(staging_paths(dir).dir) {}

std::string ServedFolder::resolve(const std::string& relative) const {
  std::string root = real_path(dir_);
  if (root.empty()) return "";
  if (relative.empty()) return root;
  std::string real = real_path(dir_ + "/" + relative);
  if (real.size() <= root.size() || real.compare(0, root.size(), root) != 0 ||
      (root != "/" && real[root.size()] != '/')) {
    return "";
  }
  return real;
}

ServedFolder::Kind ServedFolder::kind(const std::string& relative) const {
  std::string real = resolve(relative);
  struct stat st;
  if (real.empty() || ::stat(real.c_str(), &st) != 0) return Kind::kMissing;
  if (S_ISREG(st.st_mode)) return Kind::kFile;
  return S_ISDIR(st.st_mode) ? Kind::kFolder : Kind::kMissing;
}

bool ServedFolder::read(const std::string& relative, std::string* bytes) const {
  std::string real = resolve(relative);
  if (real.empty()) return false;
  // O_NOFOLLOW: the resolved path has no link left; one put there since is
  // refused rather than followed.
  int fd = ::open(real.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  bytes->clear();
  if (ok) bytes->reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  while (ok) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) ok = false;
    if (n <= 0) break;
    bytes->append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return ok;
}

bool ServedFolder::has_site() const { return kind(kManifestPath) == Kind::kFile; }

SwapLockingFileSystem::SwapLockingFileSystem(FileSystem* target, ServedFolder* folder)
    : FileSystemWrapper(target),
      folder_(folder),
      dir_(folder->dir()),
      staging_(staging_paths(dir_).staging) {}

bool SwapLockingFileSystem::rename(const std::string& from, const std::string& to,
                                   std::string* err) {
  if (from == dir_ && !held_) {
    folder_->swap_mutex().lock();
    held_ = true;
    if (target()->rename(from, to, err)) return true;
    held_ = false;
    folder_->swap_mutex().unlock();
    return false;
  }
  bool ok = target()->rename(from, to, err);
  // A failed rename in leaves dir missing until the rename that puts the
  // folder back (swap_in_staging makes it next): held until then.
  if (to == dir_ && held_ && (ok || from != staging_)) {
    held_ = false;
    folder_->swap_mutex().unlock();
  }
  return ok;
}

ExchangeResult SwapLockingFileSystem::exchange(const std::string& a, const std::string& b,
                                               std::string* err) {
  // Already held: a swap by renames is under way.
  if (held_ || (a != dir_ && b != dir_)) return target()->exchange(a, b, err);
  std::unique_lock lock(folder_->swap_mutex());
  return target()->exchange(a, b, err);
}

}  // namespace agora
