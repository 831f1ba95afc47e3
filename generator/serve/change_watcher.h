#pragma once
// Watches a site's sources for changes with inotify (Linux): whole folder
// trees (content/, data/, templates/, themes/, ...) and chosen names inside
// one folder (site.yaml, and those folders appearing, beside each other).

#include <map>
#include <set>
#include <string>
#include <vector>

namespace agora {

class ChangeWatcher {
 public:
  ChangeWatcher();
  ~ChangeWatcher();
  ChangeWatcher(const ChangeWatcher&) = delete;
  ChangeWatcher& operator=(const ChangeWatcher&) = delete;

  // False with *err when inotify is not available.
  bool ok(std::string* err) const;

  // Watches `dir` and every folder below it, also those created later.
  // Symbolic links are not followed. A missing dir is not an error.
  void watch_tree(const std::string& dir);

  // Watches the entries of `dir` called one of `names`, not what lies
  // below them; a folder of one of these names that appears is then watched
  // as a tree.
  void watch_names(const std::string& dir, const std::vector<std::string>& names);

  // For poll(): readable when events wait.
  int fd() const { return fd_; }

  // Reads the waiting events without blocking and returns the paths they
  // name, in order, repeats included. Editors' scratch files (".x.swp",
  // "x~", vim's "4913") are left out. A lost event queue (overflow) reports
  // "*": something changed, no one knows what.
  std::vector<std::string> read_changes();

 private:
  struct Watch {
    std::string dir;
    bool tree = false;            // report everything, follow new folders
    std::set<std::string> names;  // else: only these entries
  };
  void add(const std::string& dir, Watch watch);
  void forget_under(const std::string& dir);

  int fd_ = -1;
  std::map<int, Watch> watches_;
};

}  // namespace agora
