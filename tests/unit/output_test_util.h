#pragma once
// Helpers shared by the output-stage tests.

#include <filesystem>
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
