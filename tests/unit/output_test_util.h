#pragma once
// Helpers shared by the output-stage tests.

#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "util/file_system.h"

namespace agora::testing {

// Counts write_file calls per path and fails the Nth one (1-based) when
// fail_at_write is set. The output stage writes on several threads, so
// "the Nth" is the Nth to arrive.
class RecordingFileSystem : public FileSystemWrapper {
 public:
  using FileSystemWrapper::FileSystemWrapper;
  bool write_file(const std::string& path, std::string_view contents, std::string* err) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++write_count;
      if (fail_at_write != 0 && write_count >= fail_at_write) {
        *err = "injected failure writing " + path;
        return false;
      }
      writes.push_back(path);
    }
    return FileSystemWrapper::write_file(path, contents, err);
  }
  // Counted as writes too: the compression cache writes this way.
  bool write_file_atomic(const std::string& path, std::string_view contents,
                         std::string* err) override {
    return write_file(path, contents, err);
  }
  size_t write_count = 0;
  size_t fail_at_write = 0;
  std::vector<std::string> writes;

 private:
  std::mutex mutex_;
};

// Logs each step that moves or removes a tree ("rename a b", "exchange a b",
// "remove_all a", paths relative to `root`) and injects failures into them:
// the steps of a swap (output/staging.h) as its tests want to see them.
class SwapSteps : public FileSystemWrapper {
 public:
  explicit SwapSteps(FileSystem* target, std::string root = "")
      : FileSystemWrapper(target), root_(std::move(root)) {}
  bool rename(const std::string& from, const std::string& to, std::string* err) override {
    const bool ok = from == fail_rename_from ? injected("rename", err)
                                             : FileSystemWrapper::rename(from, to, err);
    log("rename " + name(from) + " " + name(to));
    return ok;
  }
  ExchangeResult exchange(const std::string& a, const std::string& b, std::string* err) override {
    ExchangeResult result = exchange_gives;
    if (result == ExchangeResult::kExchanged) result = FileSystemWrapper::exchange(a, b, err);
    if (result == ExchangeResult::kFailed && exchange_gives == result) injected("exchange", err);
    log("exchange " + name(a) + " " + name(b));
    return result;
  }
  bool remove_all(const std::string& path, std::string* err) override {
    const bool ok =
        path == fail_remove ? injected("remove", err) : FileSystemWrapper::remove_all(path, err);
    log("remove_all " + name(path));
    return ok;
  }

  // What exchange gives without asking the target: kUnsupported (a file
  // system without exchange) or kFailed.
  ExchangeResult exchange_gives = ExchangeResult::kExchanged;
  std::string fail_rename_from, fail_remove;  // whole paths
  // Appended to each step's entry as the step ends (whether a folder is
  // there, whether a lock is held).
  std::function<std::string()> after_step;
  std::vector<std::string> steps;

 private:
  static bool injected(const std::string& what, std::string* err) {
    *err = "injected: " + what + " failed";
    return false;
  }
  std::string name(const std::string& path) const {
    return !root_.empty() && path.starts_with(root_ + "/") ? path.substr(root_.size() + 1) : path;
  }
  void log(std::string step) {
    if (after_step) step += after_step();
    std::lock_guard<std::mutex> lock(mutex_);  // a build removes files on several threads
    steps.push_back(std::move(step));
  }

  std::string root_;
  std::mutex mutex_;
};

// Text that compresses well, `bytes` long, distinct per seed.
inline std::string compressible_text(size_t bytes, int seed = 0) {
  std::string out;
  while (out.size() < bytes) {
    out += "<p>Digital help desk case study " + std::to_string(seed) +
           ": the quick brown fox jumps over the lazy dog.</p>\n";
  }
  out.resize(bytes);
  return out;
}

// Bytes that do not compress.
inline std::string random_bytes(size_t bytes, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::string out(bytes, '\0');
  for (char& c : out) c = static_cast<char>(rng() & 0xff);
  return out;
}

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = (std::filesystem::temp_directory_path() /
             ("agora-test-" + std::to_string(rd()) + std::to_string(rd())))
                .string();
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace agora::testing
