#include "util/confined_file_system.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "output_test_util.h"

using agora::ConfinedFileSystem;
using agora::RealFileSystem;
using agora::testing::TempDir;
namespace fs = std::filesystem;

// The folders a confined file system has walked are remembered (one look per
// folder, not per file); these pin down when that memory must be dropped.

TEST_CASE("a folder removed and replaced by a link is refused, though it was walked before") {
  TempDir tmp;
  const std::string root = tmp.path() + "/site", outside = tmp.path() + "/outside";
  fs::create_directories(root + "/a");
  fs::create_directories(outside);
  RealFileSystem real;
  ConfinedFileSystem confined(&real);
  confined.guard(root);
  std::string err;
  REQUIRE(confined.write_file(root + "/a/one.txt", "1", &err));
  REQUIRE(confined.remove_all(root + "/a", &err));
  fs::create_directory_symlink(outside, root + "/a");
  CHECK_FALSE(confined.write_file(root + "/a/two.txt", "2", &err));
  CHECK(err.find("symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(outside + "/two.txt"));
}

TEST_CASE("removing a file keeps the folders walked, and a link in its place is still refused") {
  TempDir tmp;
  const std::string root = tmp.path() + "/site", outside = tmp.path() + "/outside.txt";
  fs::create_directories(root + "/a");
  RealFileSystem real;
  ConfinedFileSystem confined(&real);
  confined.guard(root);
  std::string err;
  REQUIRE(confined.write_file(root + "/a/one.txt", "1", &err));
  REQUIRE(confined.remove_all(root + "/a/one.txt", &err));
  CHECK_FALSE(fs::exists(root + "/a/one.txt"));
  // The last component is looked at every time, remembered folder or not.
  fs::create_symlink(outside, root + "/a/one.txt");
  CHECK_FALSE(confined.write_file(root + "/a/one.txt", "2", &err));
  CHECK_FALSE(fs::exists(outside));
}

TEST_CASE("same_file: one inode under two names; never a link, never through a linked folder") {
  TempDir tmp;
  const std::string root = tmp.path() + "/site";
  fs::create_directories(root + "/a");
  fs::create_directories(root + "/b");
  RealFileSystem real;
  ConfinedFileSystem confined(&real);
  confined.guard(root);
  std::string err;
  REQUIRE(confined.write_file(root + "/a/one.txt", "1", &err));
  REQUIRE(confined.hard_link(root + "/a/one.txt", root + "/b/one.txt", &err));
  REQUIRE(confined.write_file(root + "/a/two.txt", "1", &err));
  CHECK(confined.same_file(root + "/a/one.txt", root + "/b/one.txt"));
  CHECK_FALSE(confined.same_file(root + "/a/one.txt", root + "/a/two.txt"));
  fs::create_symlink(root + "/a/one.txt", root + "/b/link.txt");
  CHECK_FALSE(confined.same_file(root + "/a/one.txt", root + "/b/link.txt"));
  fs::create_directory_symlink(root + "/a", root + "/c");
  CHECK_FALSE(confined.same_file(root + "/a/one.txt", root + "/c/one.txt"));
}
