#pragma once
// Where each content file came from: the date of the last commit that touched
// it and who wrote its commits. Behind an interface so tests can fake it;
// GitHistory reads the repository with libgit2.

#include <map>
#include <string>
#include <vector>

namespace agora {

struct Contributor {
  std::string name;
  int commits = 0;

  bool operator==(const Contributor&) const = default;
};

struct FileHistory {
  // "YYYY-MM-DD" of the newest commit that changed the file, in that commit
  // author's own time zone (as `git log --date=short` shows it).
  std::string last_updated;
  // Author names with their number of commits to the file: most commits
  // first, then by name.
  std::vector<Contributor> contributors;

  bool operator==(const FileHistory&) const = default;
};

class HistorySource {
 public:
  virtual ~HistorySource() = default;
  // The history of each of `paths` (relative to `site_root`, '/'-separated).
  // A path with no commits is absent from the result. Returns an empty map
  // when there is no usable history (not a repository, a shallow clone, an
  // unreadable repository): callers then fall back to front matter dates.
  virtual std::map<std::string, FileHistory> read(const std::string& site_root,
                                                  const std::vector<std::string>& paths) const = 0;
};

// Reads the Git repository that contains site_root. Walks the history once
// for all paths: each commit is diffed against its parent(s) and the changed
// paths are credited to it, so the cost grows with commits and changes, not
// with commits times files. Renames are not followed (like `git log` without
// --follow); a merge commit counts for a file only when it differs from every
// parent (a conflict resolution), as `git log` shows merges. Author names go
// through the repository's .mailmap.
class GitHistory : public HistorySource {
 public:
  std::map<std::string, FileHistory> read(const std::string& site_root,
                                          const std::vector<std::string>& paths) const override;
};

}  // namespace agora
