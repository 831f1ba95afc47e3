// The kernel's floor under a build: makes a copy of a finished output tree
// (its folders, then its files with their bytes, or hard links to them) on
// N threads, with nothing else to do. `make bench` runs it on agora's own
// output, beside Hugo in the same run: what the kernel alone takes to make
// those files, which a build that writes them is not likely to beat on the
// same machine (it must also make their bytes).
//
//   tree-floor write|link SRC DEST [--threads N]
//
// What it prints, one line: `floor wall S cpu S user S sys S folders N
// files N bytes N`. Only the making of DEST is timed; reading SRC into
// memory (write) or listing it (link) comes first.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "util/parallel.h"

namespace {

namespace fs = std::filesystem;

struct Folder {
  std::string path;  // relative to the tree, "" for its root
  size_t depth = 0;
  std::vector<std::string> files;     // names
  std::vector<std::string> contents;  // bytes, in write mode
};

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; }

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "tree-floor: %s\n", what.c_str());
  std::exit(1);
}

std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: tree-floor write|link SRC DEST [--threads N]\n");
    return 2;
  }
  const std::string mode = argv[1];
  const fs::path src = argv[2], dest = argv[3];
  unsigned threads = agora::default_thread_count();
  if (argc == 6 && std::string(argv[4]) == "--threads") threads = std::stoul(argv[5]);
  if (mode != "write" && mode != "link") fail("mode is write or link, not " + mode);
  if (fs::exists(dest)) fail(dest.string() + " exists");
  const bool write = mode == "write";

  // Folders in path order: a parent before its children.
  std::map<std::string, Folder> by_path;
  by_path[""] = Folder{};
  size_t file_count = 0, bytes = 0;
  for (auto it = fs::recursive_directory_iterator(src); it != fs::recursive_directory_iterator();
       ++it) {
    const fs::path rel = it->path().lexically_relative(src);
    if (it->is_directory()) {
      by_path[rel.string()] = Folder{rel.string(), static_cast<size_t>(it.depth()) + 1, {}, {}};
    } else if (it->is_regular_file()) {
      Folder& folder = by_path[rel.parent_path().string()];
      folder.files.push_back(it->path().filename().string());
      if (write) {
        folder.contents.push_back(read_whole(it->path()));
        bytes += folder.contents.back().size();
      } else {
        bytes += it->file_size();
      }
      ++file_count;
    }
  }
  std::vector<Folder*> folders;
  size_t deepest = 0;
  for (auto& [_, folder] : by_path) {
    folders.push_back(&folder);
    deepest = std::max(deepest, folder.depth);
  }

  rusage before{}, after{};
  getrusage(RUSAGE_SELF, &before);
  const auto start = std::chrono::steady_clock::now();
  // The first error's number; the tree is the bench's, so any is fatal.
  std::atomic<int> failed{0};
  // Folders one depth at a time, each depth on every thread: a folder's
  // parent is made before it.
  for (size_t depth = 0; depth <= deepest; ++depth) {
    std::vector<Folder*> level;
    for (Folder* folder : folders) {
      if (folder->depth == depth) level.push_back(folder);
    }
    agora::parallel_for(
        level.size(),
        [&](size_t i) {
          if (::mkdir((dest / level[i]->path).c_str(), 0755) != 0) failed = errno;
        },
        threads);
  }
  // Then the files, a folder at a time per thread, as agora stages them.
  agora::parallel_for(
      folders.size(),
      [&](size_t f) {
        const Folder& folder = *folders[f];
        const fs::path from = src / folder.path, to = dest / folder.path;
        for (size_t i = 0; i < folder.files.size(); ++i) {
          const std::string target = (to / folder.files[i]).string();
          if (!write) {
            if (::link((from / folder.files[i]).c_str(), target.c_str()) != 0) failed = errno;
            continue;
          }
          const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
          if (fd < 0) {
            failed = errno;
            continue;
          }
          const std::string& content = folder.contents[i];
          if (::write(fd, content.data(), content.size()) != static_cast<ssize_t>(content.size())) {
            failed = errno ? errno : EIO;
          }
          ::close(fd);
        }
      },
      threads);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  getrusage(RUSAGE_SELF, &after);
  if (failed) fail("could not make all of " + dest.string() + ": " + std::strerror(failed));
  const double user = seconds(after.ru_utime) - seconds(before.ru_utime);
  const double sys = seconds(after.ru_stime) - seconds(before.ru_stime);
  std::printf("floor wall %.3f cpu %.3f user %.3f sys %.3f folders %zu files %zu bytes %zu\n", wall,
              user + sys, user, sys, folders.size(), file_count, bytes);
  return 0;
}
