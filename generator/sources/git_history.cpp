#include "sources/git_history.h"

#include <git2.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <memory>
#include <set>

namespace agora {

namespace {

// libgit2 objects freed on scope exit.
template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Deleter<T, Free>>;

using Repository = Owned<git_repository, git_repository_free>;
using Revwalk = Owned<git_revwalk, git_revwalk_free>;
using Commit = Owned<git_commit, git_commit_free>;
using Tree = Owned<git_tree, git_tree_free>;
using Diff = Owned<git_diff, git_diff_free>;
using Mailmap = Owned<git_mailmap, git_mailmap_free>;
using Signature = Owned<git_signature, git_signature_free>;

// git_libgit2_init is reference-counted; pairing it per read keeps callers free
// of global set-up.
struct Library {
  Library() { git_libgit2_init(); }
  ~Library() { git_libgit2_shutdown(); }
  Library(const Library&) = delete;
  Library& operator=(const Library&) = delete;
};

struct Tally {
  git_time_t newest = INT64_MIN;
  int offset_minutes = 0;
  std::map<std::string, int> commits_by_author;
};

std::string day_of(git_time_t time, int offset_minutes) {
  std::time_t local = static_cast<std::time_t>(time + static_cast<git_time_t>(offset_minutes) * 60);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

// The site root's path inside the work tree ("" or "docs/"), or false when
// the root is not inside it.
bool prefix_in_workdir(const std::string& site_root, const char* workdir, std::string* prefix) {
  std::error_code ec;
  auto root = std::filesystem::canonical(site_root, ec);
  if (ec) return false;
  auto work = std::filesystem::canonical(workdir, ec);
  if (ec) return false;
  auto relative = root.lexically_relative(work);
  std::string text = relative.generic_string();
  if (text.empty() || text == "..") return false;
  if (text.starts_with("../")) return false;
  *prefix = text == "." ? "" : text + "/";
  return true;
}

// The directory every path lies under ("content/"), to keep diffs away from
// the rest of the tree.
std::string common_directory(const std::vector<std::string>& paths) {
  if (paths.empty()) return "";
  std::string common = paths.front().substr(0, paths.front().rfind('/') + 1);
  for (const auto& path : paths) {
    while (!common.empty() && path.compare(0, common.size(), common) != 0) {
      common.pop_back();
      common.resize(common.rfind('/') == std::string::npos ? 0 : common.rfind('/') + 1);
    }
  }
  return common;
}

// Paths that differ between `parent` (null: the empty tree) and `tree`.
bool changed_paths(git_repository* repo, git_tree* parent, git_tree* tree,
                   const git_diff_options& options, std::set<std::string>* out) {
  git_diff* raw = nullptr;
  if (git_diff_tree_to_tree(&raw, repo, parent, tree, &options) != 0) return false;
  Diff diff(raw);
  size_t count = git_diff_num_deltas(diff.get());
  for (size_t i = 0; i < count; ++i) {
    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
    out->insert(delta->new_file.path);
  }
  return true;
}

// The paths this commit changed: against its only parent, or, for a merge,
// against every parent (a path taken unchanged from one side was changed by
// that side's own commits, which the walk visits too).
bool commit_changes(git_repository* repo, git_commit* commit, const git_diff_options& options,
                    std::set<std::string>* out) {
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, commit) != 0) return false;
  Tree tree(raw_tree);
  unsigned parents = git_commit_parentcount(commit);
  if (parents == 0) return changed_paths(repo, nullptr, tree.get(), options, out);
  for (unsigned p = 0; p < parents; ++p) {
    git_commit* raw_parent = nullptr;
    if (git_commit_parent(&raw_parent, commit, p) != 0) return false;
    Commit parent(raw_parent);
    git_tree* raw_parent_tree = nullptr;
    if (git_commit_tree(&raw_parent_tree, parent.get()) != 0) return false;
    Tree parent_tree(raw_parent_tree);
    std::set<std::string> changed;
    if (!changed_paths(repo, parent_tree.get(), tree.get(), options, &changed)) return false;
    if (p == 0) {
      *out = std::move(changed);
    } else {
      std::set<std::string> both;
      std::set_intersection(out->begin(), out->end(), changed.begin(), changed.end(),
                            std::inserter(both, both.begin()));
      *out = std::move(both);
    }
    if (out->empty()) break;
  }
  return true;
}

std::string author_name(git_mailmap* mailmap, git_commit* commit) {
  git_signature* raw = nullptr;
  if (mailmap && git_commit_author_with_mailmap(&raw, commit, mailmap) == 0) {
    Signature signature(raw);
    return signature->name;
  }
  return git_commit_author(commit)->name;
}

bool walk(git_repository* repo, const std::map<std::string, std::string>& wanted,
          const std::string& pathspec, std::map<std::string, Tally>* tallies) {
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo) != 0) return false;
  Revwalk revwalk(raw_walk);
  git_revwalk_sorting(revwalk.get(), GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);
  if (git_revwalk_push_head(revwalk.get()) != 0) return false;  // no commits yet

  git_mailmap* raw_mailmap = nullptr;
  git_mailmap_from_repository(&raw_mailmap, repo);
  Mailmap mailmap(raw_mailmap);

  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.flags = GIT_DIFF_SKIP_BINARY_CHECK;
  // "content" rather than "content/": a pathspec names a directory without the slash.
  std::string spec = pathspec;
  if (!spec.empty() && spec.back() == '/') spec.pop_back();
  char* specs[] = {spec.data()};
  if (!spec.empty()) {
    options.pathspec.strings = specs;
    options.pathspec.count = 1;
  }

  git_oid oid;
  while (git_revwalk_next(&oid, revwalk.get()) == 0) {
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repo, &oid) != 0) return false;
    Commit commit(raw_commit);
    std::set<std::string> changed;
    if (!commit_changes(repo, commit.get(), options, &changed)) return false;
    std::string author;
    for (const auto& path : changed) {
      auto it = wanted.find(path);
      if (it == wanted.end()) continue;
      if (author.empty()) author = author_name(mailmap.get(), commit.get());
      const git_time& when = git_commit_author(commit.get())->when;
      Tally& tally = (*tallies)[it->second];
      if (when.time > tally.newest) {
        tally.newest = when.time;
        tally.offset_minutes = when.offset;
      }
      ++tally.commits_by_author[author];
    }
  }
  return true;
}

}  // namespace

std::map<std::string, FileHistory> GitHistory::read(const std::string& site_root,
                                                    const std::vector<std::string>& paths) const {
  Library library;
  git_repository* raw_repo = nullptr;
  if (git_repository_open_ext(&raw_repo, site_root.c_str(), 0, nullptr) != 0) return {};
  Repository repo(raw_repo);
  // A shallow clone's oldest commits look like they added every file: the
  // counts and first authors would be wrong, so use no history at all.
  const char* workdir = git_repository_workdir(repo.get());
  if (!workdir || git_repository_is_shallow(repo.get()) == 1) return {};
  std::string prefix;
  if (!prefix_in_workdir(site_root, workdir, &prefix)) return {};

  std::map<std::string, std::string> wanted;  // path in the repository -> path as asked
  for (const auto& path : paths) wanted[prefix + path] = path;
  std::map<std::string, Tally> tallies;
  if (!walk(repo.get(), wanted, prefix + common_directory(paths), &tallies)) return {};

  std::map<std::string, FileHistory> out;
  for (const auto& [path, tally] : tallies) {
    FileHistory& history = out[path];
    history.last_updated = day_of(tally.newest, tally.offset_minutes);
    for (const auto& [name, commits] : tally.commits_by_author) {
      history.contributors.push_back({name, commits});
    }
    std::stable_sort(
        history.contributors.begin(), history.contributors.end(),
        [](const Contributor& a, const Contributor& b) { return a.commits > b.commits; });
  }
  return out;
}

}  // namespace agora
