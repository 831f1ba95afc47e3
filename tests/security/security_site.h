#pragma once
// A small site on the real file system, in a temporary folder, for the
// security tests: symbolic links, caches and output folders only exist
// there. Commands run in-process against the real file system.

#include <filesystem>
#include <string>
#include <vector>

#include "../unit/cli_runner.h"
#include "../unit/output_test_util.h"
#include "../unit/site_fixture.h"
#include "util/file_system.h"

namespace agora::testing {

class SecuritySite {
 public:
  SecuritySite() {
    MemoryFileSystem memory;
    write_fixture_site(&memory);
    for (const auto& [path, bytes] : memory.files()) write(path, bytes);
    // A compression cache warmed once per process: compressing would
    // otherwise be most of each test's time.
    static const std::string warm = warm_cache();
    std::filesystem::copy(warm, path("site/.agora-cache"),
                          std::filesystem::copy_options::recursive);
  }

  // Paths are relative to the temporary folder: "site/content/x.md".
  std::string path(const std::string& relative) const { return join_path(tmp_.path(), relative); }
  void write(const std::string& relative, const std::string& bytes) {
    std::string err;
    real_.write_file(path(relative), bytes, &err);
  }
  std::string read(const std::string& relative) const {
    std::string bytes, err;
    real_.read_file(path(relative), &bytes, &err);
    return bytes;
  }
  bool exists(const std::string& relative) const {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(path(relative), ec));
  }
  void link(const std::string& target, const std::string& relative) {
    std::filesystem::create_directories(std::filesystem::path(path(relative)).parent_path());
    std::filesystem::create_symlink(target, path(relative));
  }

  CliRun run(std::vector<std::string> args) {
    for (std::string& a : args) {
      if (a.starts_with("@")) a = path(a.substr(1));  // "@site/site.yaml"
    }
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    return run_agora(&real_, argv, "2024-01-01", false, false, cache_key);
  }
  // What the builds seal the compression cache with (util/cache_key.h).
  std::string (*cache_key)() = nullptr;
  CliRun build() { return run({"build", "--config", "@site/site.yaml", "--out", "@out", "-q"}); }
  CliRun check(const std::string& format = "text") {
    return run({"check", "--config", "@site/site.yaml", "--format", format});
  }

  // Every file under `relative` with its bytes, links included as "-> target".
  std::map<std::string, std::string> tree(const std::string& relative) const {
    std::map<std::string, std::string> out;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(path(relative), ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = std::filesystem::relative(it->path(), path(relative)).string();
      if (it->is_symlink()) {
        out[name] = "-> " + std::filesystem::read_symlink(it->path()).string();
      } else if (it->is_regular_file()) {
        out[name] = read(join_path(relative, name));
      }
    }
    return out;
  }

  RealFileSystem& fs() { return real_; }

 private:
  static std::string warm_cache() {
    static TempDir cache;
    MemoryFileSystem memory;
    write_fixture_site(&memory);
    RealFileSystem real;
    std::string err;
    for (const auto& [path, bytes] : memory.files()) {
      real.write_file(join_path(cache.path(), "w/" + path), bytes, &err);
    }
    std::string config = join_path(cache.path(), "w/site/site.yaml");
    std::string out = join_path(cache.path(), "w/out");
    run_agora(&real, {"build", "-q", "--config", config.c_str(), "--out", out.c_str()});
    return join_path(cache.path(), "w/site/.agora-cache");
  }

  TempDir tmp_;
  RealFileSystem real_;
};

// The first line of `text` that contains `needle`, or "".
inline std::string line_with(const std::string& text, const std::string& needle) {
  size_t at = text.find(needle);
  if (at == std::string::npos) return "";
  size_t begin = text.rfind('\n', at);
  size_t end = text.find('\n', at);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

}  // namespace agora::testing
