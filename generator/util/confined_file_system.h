#pragma once
// ConfinedFileSystem: a FileSystem that does not follow symbolic links inside
// the folders it guards (the site root, the theme, a mirror's destination).
// Anyone can send a pull request; a link in it to /proc/self/environ or
// /etc/passwd must not be published, printed in a diagnostic, or written
// through.

#include <functional>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

class ConfinedFileSystem : public FileSystemWrapper {
 public:
  explicit ConfinedFileSystem(FileSystem* target) : FileSystemWrapper(target) {}

  // Guards every path under `root` ("." guards every relative path). The
  // root itself and the folders above it may be links: only what lies below
  // it is checked.
  void guard(std::string root);

  // A path under a guarded root with a symbolic link in any component below
  // the root, the last one included, is refused: reads, sizes and writes
  // fail with *err naming the link, file_size is -1, and the refusal is
  // recorded (see diagnostics()). exists() and is_symlink() still tell the
  // truth, so a caller tries the read and hears why it failed. remove_all,
  // rename and exchange accept a link as their last component: they act on
  // the link, never on what it points to.
  bool read_file(const std::string& path, std::string* contents, std::string* err) const override;
  bool write_file(const std::string& path, std::string_view contents, std::string* err) override;
  bool write_file_atomic(const std::string& path, std::string_view contents,
                         std::string* err) override;
  bool write_streamed(const std::string& path, const StreamFill& fill, std::string* err) override;
  bool exists(const std::string& path) const override;
  bool is_directory(const std::string& path) const override;
  int64_t file_size(const std::string& path) const override;
  // Links are never listed (see FileSystem::list_files); under a guarded
  // root each one found is recorded as a warning.
  std::vector<std::string> list_files(const std::string& dir) const override;
  TreeListing list_tree(const std::string& dir) const override;
  bool remove_all(const std::string& path, std::string* err) override;
  bool rename(const std::string& from, const std::string& to, std::string* err) override;
  ExchangeResult exchange(const std::string& a, const std::string& b, std::string* err) override;
  bool hard_link(const std::string& from, const std::string& to, std::string* err) override;
  bool hard_link_stamped(const std::string& from, const std::string& to, std::string* err,
                         std::optional<FileStamp>* made) override;
  bool same_file(const std::string& a, const std::string& b) const override;
  std::optional<FileStamp> stamp(const std::string& path) const override;
  TreeListing list_tree_stamped(const std::string& dir) const override;
  TreeListing list_tree_inodes(const std::string& dir) const override;
  bool remove_empty_folder(const std::string& dir) override;
  bool make_folder(const std::string& dir) override;
  // What it makes is no link: only the folders on the way are looked at.
  bool make_new_folder(const std::string& dir) override;

  // The link found in `path` below a guarded root (the first component that
  // is one), or "" when there is none. `through_only` ignores the last
  // component.
  std::string link_in(const std::string& path, bool through_only = false) const;

  // One diagnostic per refused or skipped link, code "symlink", named by its
  // path relative to its root: errors for refused reads and writes, warnings
  // for links left out of a listing. Sorted, without repeats.
  Diagnostics diagnostics() const;

 private:
  bool refuse(const std::string& path, bool through_only, std::string* err) const;
  // Records `link`, found on the way to `path`, and says so in *err (when
  // not null). Always true: the call is refused.
  bool refused(const std::string& path, const std::string& link, std::string* err) const;
  // Before a rename or exchange of a and b: refuses a link on the way to
  // either, and forgets the walked folders, which may now hold anything.
  bool may_move(const std::string& a, const std::string& b, std::string* err);
  void record(const std::string& link, Severity severity) const;
  // `listing` of dir, its links recorded (as warnings) when dir is guarded.
  TreeListing recorded(const std::string& dir, TreeListing listing) const;
  // The guarded root `path` lies under, or null.
  const std::string* root_of(std::string_view path) const;

  // Folders below a root that a read, write, link or same_file went
  // through, so found real (or made) then. A build writes 145,000 files
  // into 45,000 folders: looking at each folder once, not once per file,
  // saves a system call per path component. Removing a folder and any
  // rename or exchange forget them all. A folder swapped for a link by
  // another process during a build is not seen; it was not before either,
  // between the look and the open.
  bool walked(const std::string& folder) const;
  // Whether `path`, a plain path below a root, lies in a walked folder (or
  // in the root itself), found without a copy of it.
  bool in_walked_folder(std::string_view path) const;
  void remember_folders(const std::string& path) const;
  void forget_folders();

  std::vector<std::string> roots_;
  mutable std::shared_mutex walked_mutex_;
  // Looked up by string_view, without a copy.
  struct FolderHash {
    using is_transparent = void;
    size_t operator()(std::string_view folder) const {
      return std::hash<std::string_view>()(folder);
    }
  };
  mutable std::unordered_set<std::string, FolderHash, std::equal_to<>> walked_;
  mutable std::mutex mutex_;
  mutable Diagnostics found_;
};

}  // namespace agora
