#include "util/confined_file_system.h"

#include <optional>
#include <string_view>

#include "util/path.h"

namespace agora {

namespace {

bool relative_to(const std::string& root, const std::string& path, std::string* rest) {
  const std::optional<std::string_view> found = path_below(root, path);
  if (found) *rest = std::string(*found);
  return found.has_value();
}

// Whether every component of a relative path is a name: none empty, "." or
// "..".
bool plain_components(std::string_view rest) {
  for (size_t start = 0;;) {
    const size_t slash = rest.find('/', start);
    const std::string_view component =
        rest.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (component.empty() || component == "." || component == "..") return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

}  // namespace

bool ConfinedFileSystem::in_walked_folder(std::string_view path) const {
  if (path.starts_with("./") || path.ends_with("/")) return false;  // not as tidy_path() has it
  const std::string* root = root_of(path);
  const std::optional<std::string_view> rest = root ? path_below(*root, path) : std::nullopt;
  if (!rest || rest->empty() || !plain_components(*rest)) return false;
  const size_t last = rest->rfind('/');
  if (last == std::string_view::npos) return true;  // in the root itself
  // The folder's name as remember_folders keeps it: join_path(root, its
  // part of rest), which is the path up to its last slash.
  const std::string_view folder = path.substr(0, path.size() - rest->size() + last);
  std::shared_lock lock(walked_mutex_);
  return walked_.find(folder) != walked_.end();
}

void ConfinedFileSystem::guard(std::string root) {
  root = tidy_path(root);
  if (root.empty()) root = ".";
  roots_.push_back(std::move(root));
}

const std::string* ConfinedFileSystem::root_of(std::string_view path) const {
  // The longest root wins, so a theme inside the site is named from its own
  // root; the names are only for messages.
  const std::string* best = nullptr;
  for (const std::string& root : roots_) {
    if (path_below(root, path) && (!best || root.size() > best->size())) best = &root;
  }
  return best;
}

std::string ConfinedFileSystem::link_in(const std::string& path, bool through_only) const {
  // walked_ holds a folder only together with its ancestors (see
  // remember_folders): when the deepest folder was walked, so were all, and
  // one look stands for the loop below. Every write and stamp of a build
  // comes here.
  if (in_walked_folder(path)) {
    return through_only || !target()->is_symlink(path) ? std::string() : path;
  }
  std::string p = tidy_path(path), rest;
  const std::string* root = root_of(p);
  if (!root || !relative_to(*root, p, &rest) || rest.empty()) return "";
  std::vector<std::string> components;
  for (size_t start = 0;;) {
    size_t slash = rest.find('/', start);
    components.push_back(rest.substr(start, slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  if (through_only) components.pop_back();
  std::string at = *root;
  for (size_t i = 0; i < components.size(); ++i) {
    const std::string& component = components[i];
    if (component.empty() || component == ".") continue;
    at = join_path(at, component);
    // ".." would leave the root without passing a link: as bad as one.
    if (component == "..") return at;
    // The last component of a read or write may be anything: always look.
    bool folder = through_only || i + 1 < components.size();
    if (folder && walked(at)) continue;
    if (target()->is_symlink(at)) return at;
  }
  return "";
}

bool ConfinedFileSystem::walked(const std::string& folder) const {
  std::shared_lock lock(walked_mutex_);
  return walked_.count(folder) > 0;
}

void ConfinedFileSystem::remember_folders(const std::string& path) const {
  if (in_walked_folder(path)) return;
  std::string p = tidy_path(path), rest;
  const std::string* root = root_of(p);
  if (!root || !relative_to(*root, p, &rest)) return;
  size_t last = rest.rfind('/');
  if (last == std::string::npos) return;
  // Ancestors are remembered together with the deepest folder.
  if (walked(join_path(*root, rest.substr(0, last)))) return;
  std::unique_lock lock(walked_mutex_);
  for (size_t slash = rest.find('/'); slash != std::string::npos;
       slash = rest.find('/', slash + 1)) {
    walked_.insert(join_path(*root, rest.substr(0, slash)));
  }
}

void ConfinedFileSystem::forget_folders() {
  std::unique_lock lock(walked_mutex_);
  walked_.clear();
}

void ConfinedFileSystem::record(const std::string& link, Severity severity) const {
  std::string shown = link, rest;
  if (const std::string* root = root_of(link); root && relative_to(*root, link, &rest))
    shown = rest;
  Diagnostic d;
  d.file = shown;
  d.severity = severity;
  d.code = "symlink";
  d.message = severity == Severity::kError
                  ? "a symbolic link: agora does not follow links inside the site, so it was "
                    "not read"
                  : "a symbolic link: agora does not follow links inside the site, so it was "
                    "skipped";
  d.hint = "replace the link with the file or folder itself";
  std::lock_guard<std::mutex> lock(mutex_);
  found_.add(std::move(d));
}

bool ConfinedFileSystem::refuse(const std::string& path, bool through_only,
                                std::string* err) const {
  std::string link = link_in(path, through_only);
  return !link.empty() && refused(path, link, err);
}

bool ConfinedFileSystem::refused(const std::string& path, const std::string& link,
                                 std::string* err) const {
  record(link, Severity::kError);
  if (err) {
    *err = "cannot use " + path + ": " +
           (link.ends_with("..") ? "'..' leads out of " + *root_of(tidy_path(path))
                                 : link + " is a symbolic link");
  }
  return true;
}

bool ConfinedFileSystem::read_file(const std::string& path, std::string* contents,
                                   std::string* err) const {
  if (refuse(path, false, err) || !FileSystemWrapper::read_file(path, contents, err)) return false;
  remember_folders(path);
  return true;
}

bool ConfinedFileSystem::write_file(const std::string& path, std::string_view contents,
                                    std::string* err) {
  if (refuse(path, false, err) || !FileSystemWrapper::write_file(path, contents, err)) return false;
  remember_folders(path);
  return true;
}

bool ConfinedFileSystem::write_file_atomic(const std::string& path, std::string_view contents,
                                           std::string* err) {
  if (refuse(path, false, err) || !FileSystemWrapper::write_file_atomic(path, contents, err)) {
    return false;
  }
  remember_folders(path);
  return true;
}

bool ConfinedFileSystem::write_streamed(const std::string& path, const StreamFill& fill,
                                        std::string* err) {
  if (refuse(path, false, err) || !FileSystemWrapper::write_streamed(path, fill, err)) {
    return false;
  }
  remember_folders(path);
  return true;
}

bool ConfinedFileSystem::exists(const std::string& path) const {
  return FileSystemWrapper::exists(path) || !link_in(path).empty();
}

bool ConfinedFileSystem::is_directory(const std::string& path) const {
  return link_in(path).empty() && FileSystemWrapper::is_directory(path);
}

int64_t ConfinedFileSystem::file_size(const std::string& path) const {
  return link_in(path).empty() ? FileSystemWrapper::file_size(path) : -1;
}

std::vector<std::string> ConfinedFileSystem::list_files(const std::string& dir) const {
  return list_tree(dir).files;
}

TreeListing ConfinedFileSystem::list_tree(const std::string& dir) const {
  if (!link_in(dir).empty()) return {};
  return recorded(dir, FileSystemWrapper::list_tree(dir));
}

TreeListing ConfinedFileSystem::list_tree_stamped(const std::string& dir) const {
  if (!link_in(dir).empty()) return {};
  return recorded(dir, FileSystemWrapper::list_tree_stamped(dir));
}

TreeListing ConfinedFileSystem::list_tree_inodes(const std::string& dir) const {
  if (!link_in(dir).empty()) return {};
  return recorded(dir, FileSystemWrapper::list_tree_inodes(dir));
}

TreeListing ConfinedFileSystem::recorded(const std::string& dir, TreeListing listing) const {
  if (root_of(tidy_path(dir))) {
    for (const std::string& link : listing.symlinks) {
      record(join_path(tidy_path(dir), link), Severity::kWarning);
    }
  }
  return listing;
}

bool ConfinedFileSystem::remove_all(const std::string& path, std::string* err) {
  if (refuse(path, true, err)) return false;
  // Only a folder's removal can let a link take its name: removing a file
  // (as a rebuild does at every changed file) keeps what was walked.
  if (!target()->is_symlink(path) && target()->is_directory(path)) forget_folders();
  return FileSystemWrapper::remove_all(path, err);
}

bool ConfinedFileSystem::may_move(const std::string& a, const std::string& b, std::string* err) {
  if (refuse(a, true, err) || refuse(b, true, err)) return false;
  forget_folders();
  return true;
}

bool ConfinedFileSystem::rename(const std::string& from, const std::string& to, std::string* err) {
  return may_move(from, to, err) && FileSystemWrapper::rename(from, to, err);
}

ExchangeResult ConfinedFileSystem::exchange(const std::string& a, const std::string& b,
                                            std::string* err) {
  if (!may_move(a, b, err)) return ExchangeResult::kFailed;
  return FileSystemWrapper::exchange(a, b, err);
}

bool ConfinedFileSystem::hard_link(const std::string& from, const std::string& to,
                                   std::string* err) {
  std::optional<FileStamp> made;
  return hard_link_stamped(from, to, err, &made);
}

bool ConfinedFileSystem::hard_link_stamped(const std::string& from, const std::string& to,
                                           std::string* err, std::optional<FileStamp>* made) {
  // link(2) follows neither name: a link at `to` fails the call as any file
  // there does, and a link at `from` would become a second name of the
  // link. So only the folders on the way are looked at before, and what
  // was linked after: one look at the new name, which is also its stamp.
  // A build into a folder with no tree to recycle links every file of the
  // site, 145,000 at 10,000 documents, and the look it saves was a quarter
  // of a link's cost.
  if (refuse(from, true, err) || refuse(to, true, err) ||
      !FileSystemWrapper::hard_link(from, to, err)) {
    return false;
  }
  std::optional<FileStamp> stamp = FileSystemWrapper::stamp(to);
  if (!stamp && FileSystemWrapper::is_symlink(to)) {
    std::string remove_err;  // a stray link in a folder of ours: not published, not followed
    FileSystemWrapper::remove_all(to, &remove_err);
    refused(from, from, err);
    return false;
  }
  remember_folders(from);
  remember_folders(to);
  *made = stamp;
  return true;
}

bool ConfinedFileSystem::same_file(const std::string& a, const std::string& b) const {
  // The last components need no look of their own: same_file never takes
  // a link for a file (see FileSystem::same_file).
  if (!link_in(a, true).empty() || !link_in(b, true).empty() ||
      !FileSystemWrapper::same_file(a, b)) {
    return false;
  }
  // Both paths were walked: a rebuild asks this of every file it keeps.
  remember_folders(a);
  remember_folders(b);
  return true;
}

std::optional<FileStamp> ConfinedFileSystem::stamp(const std::string& path) const {
  // A rebuild asks this of every file it keeps, nearly always in a walked
  // folder: then there is nothing to look at or remember but the file.
  if (in_walked_folder(path)) return FileSystemWrapper::stamp(path);
  // Nor here: a stamp is never a link's.
  if (!link_in(path, true).empty()) return std::nullopt;
  std::optional<FileStamp> found = FileSystemWrapper::stamp(path);
  if (found) remember_folders(path);  // a rebuild asks this of every file it keeps
  return found;
}

bool ConfinedFileSystem::make_folder(const std::string& dir) {
  // A folder this call makes, in a walked folder, is no link: the looks
  // below are for a name taken already or a folder on the way not walked.
  // A rebuild with no tree to recycle makes 47,000 folders at 10,000
  // documents, each in the one made before it or beside it.
  if (in_walked_folder(dir) && make_new_folder(dir)) return true;
  // A link anywhere on the way, the folder itself included, is refused.
  if (refuse(dir, false, nullptr) || !FileSystemWrapper::make_folder(dir)) return false;
  remember_folders(join_path(dir, "file"));  // remembers dir, the folder of a file in it
  return true;
}

bool ConfinedFileSystem::make_new_folder(const std::string& dir) {
  if (refuse(dir, true, nullptr) || !FileSystemWrapper::make_new_folder(dir)) return false;
  remember_folders(join_path(dir, "file"));
  return true;
}

bool ConfinedFileSystem::remove_empty_folder(const std::string& dir) {
  if (refuse(dir, true, nullptr)) return false;
  forget_folders();
  return FileSystemWrapper::remove_empty_folder(dir);
}

Diagnostics ConfinedFileSystem::diagnostics() const {
  std::lock_guard<std::mutex> lock(mutex_);
  Diagnostics out = found_;
  out.sort();
  return out;
}

}  // namespace agora
