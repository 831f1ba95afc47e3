#include "serve/change_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace agora {

namespace {

constexpr uint32_t kEvents = IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE |
                             IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |
                             IN_DONT_FOLLOW | IN_ONLYDIR;

// Scratch files editors write beside the one being saved.
bool is_scratch(const std::string& name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name == "4913" ||
         name.ends_with(".swp") || name.ends_with(".swx");
}

}  // namespace

ChangeWatcher::ChangeWatcher() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {}

ChangeWatcher::~ChangeWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool ChangeWatcher::ok(std::string* err) const {
  if (fd_ >= 0) return true;
  *err = std::string("inotify: ") + std::strerror(errno);
  return false;
}

void ChangeWatcher::add(const std::string& dir, Watch watch) {
  if (fd_ < 0) return;
  int wd = inotify_add_watch(fd_, dir.c_str(), kEvents);
  if (wd < 0) return;  // gone already, or not a folder
  watch.dir = dir;
  // The same folder added twice gets the same descriptor: a tree watch wins.
  auto [it, inserted] = watches_.try_emplace(wd, watch);
  if (!inserted && watch.tree) it->second = watch;
}

void ChangeWatcher::watch_tree(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return;
  Watch watch;
  watch.tree = true;
  add(dir, watch);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) add(it->path().string(), watch);
  }
}

void ChangeWatcher::watch_names(const std::string& dir, const std::vector<std::string>& names) {
  Watch watch;
  watch.names.insert(names.begin(), names.end());
  add(dir, watch);
}

void ChangeWatcher::forget_under(const std::string& dir) {
  for (auto it = watches_.begin(); it != watches_.end();) {
    const std::string& path = it->second.dir;
    if (path == dir || path.starts_with(dir + "/")) {
      inotify_rm_watch(fd_, it->first);
      it = watches_.erase(it);
    } else {
      ++it;
    }
  }
}

std::vector<std::string> ChangeWatcher::read_changes() {
  std::vector<std::string> changes;
  alignas(struct inotify_event) char buffer[64 * 1024];
  while (fd_ >= 0) {
    ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more waits
    for (char* at = buffer; at < buffer + n;) {
      auto* event = reinterpret_cast<struct inotify_event*>(at);
      at += sizeof(struct inotify_event) + event->len;
      if (event->mask & IN_Q_OVERFLOW) {
        changes.push_back("*");
        continue;
      }
      auto watch = watches_.find(event->wd);
      if (watch == watches_.end()) continue;
      if (event->mask & IN_IGNORED) {
        watches_.erase(watch);
        continue;
      }
      std::string name = event->len ? std::string(event->name) : std::string();
      const Watch& w = watch->second;
      if (name.empty()) {
        // The watched folder itself was deleted or moved.
        if (w.tree) changes.push_back(w.dir);
        continue;
      }
      if (!w.tree && !w.names.count(name)) continue;
      if (w.tree && is_scratch(name)) continue;
      std::string path = w.dir + "/" + name;
      bool folder = event->mask & IN_ISDIR;
      if (folder && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
        std::string dir = path;  // watch_tree may rehash watches_
        watch_tree(dir);
      } else if (folder && (event->mask & IN_MOVED_FROM)) {
        forget_under(path);
      }
      changes.push_back(path);
    }
  }
  return changes;
}

}  // namespace agora
