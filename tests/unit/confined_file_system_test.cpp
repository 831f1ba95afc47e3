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

namespace {

// A guarded root "site" with the folder "site/a", in a fresh temp dir.
struct GuardedSite {
  TempDir tmp;
  std::string root = tmp.path() + "/site";
  RealFileSystem real;
  ConfinedFileSystem confined{&real};
  std::string err;
  GuardedSite() {
    fs::create_directories(root + "/a");
    confined.guard(root);
  }
};

}  // namespace

TEST_CASE("a folder removed and replaced by a link is refused, though it was walked before") {
  GuardedSite site;
  const std::string outside = site.tmp.path() + "/outside";
  fs::create_directories(outside);
  REQUIRE(site.confined.write_file(site.root + "/a/one.txt", "1", &site.err));
  REQUIRE(site.confined.remove_all(site.root + "/a", &site.err));
  fs::create_directory_symlink(outside, site.root + "/a");
  CHECK_FALSE(site.confined.write_file(site.root + "/a/two.txt", "2", &site.err));
  CHECK(site.err.find("symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(outside + "/two.txt"));
}

TEST_CASE("removing a file keeps the folders walked, and a link in its place is still refused") {
  GuardedSite site;
  const std::string outside = site.tmp.path() + "/outside.txt";
  REQUIRE(site.confined.write_file(site.root + "/a/one.txt", "1", &site.err));
  REQUIRE(site.confined.remove_all(site.root + "/a/one.txt", &site.err));
  CHECK_FALSE(fs::exists(site.root + "/a/one.txt"));
  // The last component is looked at every time, remembered folder or not.
  fs::create_symlink(outside, site.root + "/a/one.txt");
  CHECK_FALSE(site.confined.write_file(site.root + "/a/one.txt", "2", &site.err));
  CHECK_FALSE(fs::exists(outside));
}

TEST_CASE(
    "a walked folder stands for its ancestors only: a linked sibling, '.' and '..' are looked at") {
  GuardedSite site;
  const std::string outside = site.tmp.path() + "/outside";
  fs::create_directories(outside);
  REQUIRE(site.confined.write_file(site.root + "/a/b/one.txt", "1", &site.err));
  fs::create_directory_symlink(outside, site.root + "/a/c");
  CHECK_FALSE(site.confined.write_file(site.root + "/a/c/two.txt", "2", &site.err));
  CHECK_FALSE(site.confined.write_file(site.root + "/a/b/../c/two.txt", "2", &site.err));
  CHECK_FALSE(site.confined.write_file(site.root + "/a/./c/two.txt", "2", &site.err));
  CHECK_FALSE(site.confined.write_file(site.root + "/a//c/two.txt", "2", &site.err));
  CHECK_FALSE(fs::exists(outside + "/two.txt"));
  CHECK(site.confined.write_file(site.root + "/a/./b/two.txt", "2", &site.err));
  CHECK(site.confined.link_in(site.root + "/a/b/two.txt").empty());
  CHECK(site.confined.link_in(site.root + "/a/c/x", true) == site.root + "/a/c");
  CHECK(site.confined.link_in(site.root + "/a/c") == site.root + "/a/c");
  CHECK(site.confined.link_in(site.root + "/a/c", true).empty());
}

TEST_CASE("same_file: one inode under two names; never a link, never through a linked folder") {
  GuardedSite site;
  const std::string& root = site.root;
  ConfinedFileSystem& confined = site.confined;
  fs::create_directories(root + "/b");
  REQUIRE(confined.write_file(root + "/a/one.txt", "1", &site.err));
  REQUIRE(confined.hard_link(root + "/a/one.txt", root + "/b/one.txt", &site.err));
  REQUIRE(confined.write_file(root + "/a/two.txt", "1", &site.err));
  CHECK(confined.same_file(root + "/a/one.txt", root + "/b/one.txt"));
  CHECK_FALSE(confined.same_file(root + "/a/one.txt", root + "/a/two.txt"));
  fs::create_symlink(root + "/a/one.txt", root + "/b/link.txt");
  CHECK_FALSE(confined.same_file(root + "/a/one.txt", root + "/b/link.txt"));
  fs::create_directory_symlink(root + "/a", root + "/c");
  CHECK_FALSE(confined.same_file(root + "/a/one.txt", root + "/c/one.txt"));
}

TEST_CASE("hard_link: never from a link, never through a linked folder, never over a link") {
  GuardedSite site;
  const std::string& root = site.root;
  ConfinedFileSystem& confined = site.confined;
  const std::string outside = site.tmp.path() + "/outside";
  fs::create_directories(outside);
  REQUIRE(confined.write_file(root + "/a/one.txt", "1", &site.err));
  fs::create_symlink(root + "/a/one.txt", root + "/a/link.txt");
  CHECK_FALSE(confined.hard_link(root + "/a/link.txt", root + "/a/two.txt", &site.err));
  CHECK(site.err.find("is a symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(root + "/a/two.txt"));
  fs::create_directory_symlink(outside, root + "/c");
  CHECK_FALSE(confined.hard_link(root + "/a/one.txt", root + "/c/one.txt", &site.err));
  CHECK(site.err.find("is a symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(outside + "/one.txt"));
  // A link at the new name is not followed: the call fails, and what the
  // link names is untouched.
  fs::create_symlink(outside + "/target.txt", root + "/a/over.txt");
  CHECK_FALSE(confined.hard_link(root + "/a/one.txt", root + "/a/over.txt", &site.err));
  CHECK_FALSE(fs::exists(outside + "/target.txt"));
  CHECK(fs::is_symlink(root + "/a/over.txt"));
  CHECK(confined.hard_link(root + "/a/one.txt", root + "/b/one.txt", &site.err));
  CHECK(confined.same_file(root + "/a/one.txt", root + "/b/one.txt"));
  // The stamped link is looked at after it is made: from a link, the new
  // name is removed again and the call refused, in a walked folder too.
  std::optional<agora::FileStamp> made;
  CHECK_FALSE(
      confined.hard_link_stamped(root + "/a/link.txt", root + "/b/two.txt", &site.err, &made));
  CHECK(site.err.find("a/link.txt is a symbolic link") != std::string::npos);
  CHECK_FALSE(fs::exists(root + "/b/two.txt"));
  CHECK_FALSE(fs::is_symlink(root + "/b/two.txt"));
  CHECK_FALSE(made);
  REQUIRE(confined.hard_link_stamped(root + "/a/one.txt", root + "/b/two.txt", &site.err, &made));
  CHECK(made == site.real.stamp(root + "/b/two.txt"));
}

TEST_CASE("make_folder: never a link's name, never through a linked folder, walked or not") {
  GuardedSite site;
  const std::string& root = site.root;
  ConfinedFileSystem& confined = site.confined;
  const std::string outside = site.tmp.path() + "/outside";
  fs::create_directories(outside);
  REQUIRE(confined.write_file(root + "/a/one.txt", "1", &site.err));  // "a" is walked
  fs::create_directory_symlink(outside, root + "/a/link");
  CHECK_FALSE(confined.make_new_folder(root + "/a/link"));
  CHECK_FALSE(confined.make_folder(root + "/a/link"));
  CHECK_FALSE(confined.make_folder(root + "/a/link/x"));
  CHECK_FALSE(confined.make_new_folder(root + "/a/link/x"));
  CHECK_FALSE(fs::exists(outside + "/x"));
  REQUIRE(confined.diagnostics().items().size() == 1);  // the one link, named once
  CHECK(confined.diagnostics().items()[0].file == "a/link");
  // A new folder in a walked one, and a folder there already.
  CHECK(confined.make_folder(root + "/a/b"));
  CHECK(fs::is_directory(root + "/a/b"));
  CHECK(confined.make_folder(root + "/a/b"));
  CHECK_FALSE(confined.make_new_folder(root + "/a/b"));
  // Several at once, below folders not walked.
  CHECK(confined.make_folder(root + "/c/d/e"));
  CHECK(fs::is_directory(root + "/c/d/e"));
  // A folder that became a link after it was made is no longer walked.
  REQUIRE(confined.remove_all(root + "/a/b", &site.err));
  fs::create_directory_symlink(outside, root + "/a/b");
  CHECK_FALSE(confined.make_folder(root + "/a/b/y"));
  CHECK_FALSE(fs::exists(outside + "/y"));
}

TEST_CASE("stamp: a regular file's; never a link's, never through a linked folder") {
  GuardedSite site;
  const std::string& root = site.root;
  ConfinedFileSystem& confined = site.confined;
  REQUIRE(confined.write_file(root + "/a/one.txt", "1", &site.err));
  const std::optional<agora::FileStamp> stamp = confined.stamp(root + "/a/one.txt");
  REQUIRE(stamp);
  CHECK(stamp == site.real.stamp(root + "/a/one.txt"));
  CHECK(stamp->size == 1);
  fs::create_symlink(root + "/a/one.txt", root + "/a/link.txt");
  CHECK_FALSE(confined.stamp(root + "/a/link.txt"));
  CHECK_FALSE(confined.stamp(root + "/a/link.txt/"));
  fs::create_directory_symlink(root + "/a", root + "/c");
  CHECK_FALSE(confined.stamp(root + "/c/one.txt"));
  CHECK_FALSE(confined.stamp(root + "/a"));
  CHECK_FALSE(confined.stamp(root + "/a/missing.txt"));
}

TEST_CASE("read_bytes is refused where read_file is: a large file is not mapped through a link") {
  GuardedSite site;
  const std::string outside = site.tmp.path() + "/outside.json";
  const std::string large(2 << 20, 'x');
  REQUIRE(site.real.write_file(outside, large, &site.err));
  fs::create_symlink(outside, site.root + "/a/linked.json");
  agora::FileBytes bytes;
  CHECK_FALSE(site.confined.read_bytes(site.root + "/a/linked.json", &bytes, &site.err));
  CHECK(site.err == "cannot use " + site.root + "/a/linked.json: " + site.root +
                        "/a/linked.json is a symbolic link");
  CHECK(bytes.view().empty());
  REQUIRE(site.real.write_file(site.root + "/a/own.json", large, &site.err));
  CHECK(site.confined.read_bytes(site.root + "/a/own.json", &bytes, &site.err));
  CHECK(bytes.view() == large);
}

TEST_CASE("a folder below a walked one is remembered, and a rename forgets it with the rest") {
  GuardedSite site;
  const std::string outside = site.tmp.path() + "/outside";
  fs::create_directories(outside + "/d");
  REQUIRE(site.confined.write_file(site.root + "/a/b/one.txt", "1", &site.err));
  REQUIRE(site.confined.write_file(site.root + "/a/b/d/two.txt", "2", &site.err));
  REQUIRE(site.confined.write_file(site.root + "/a/b/d/e/three.txt", "3", &site.err));
  CHECK(site.confined.link_in(site.root + "/a/b/d/e/three.txt").empty());
  REQUIRE(site.confined.rename(site.root + "/a", site.root + "/moved", &site.err));
  fs::create_directories(site.root + "/a");
  fs::create_directory_symlink(outside, site.root + "/a/b");
  CHECK_FALSE(site.confined.write_file(site.root + "/a/b/d/four.txt", "4", &site.err));
  CHECK_FALSE(site.confined.stamp(site.root + "/a/b/d/two.txt"));
  CHECK(site.confined.link_in(site.root + "/a/b/d/x", true) == site.root + "/a/b");
  CHECK_FALSE(fs::exists(outside + "/d/four.txt"));
}

TEST_CASE("exchange: forgets the walked folders, swaps a link itself, never goes through one") {
  GuardedSite site;
  const std::string outside = site.tmp.path() + "/outside";
  fs::create_directories(outside + "/d");
  REQUIRE(site.confined.write_file(site.root + "/a/b/one.txt", "1", &site.err));
  REQUIRE(site.confined.write_file(site.root + "/x/other.txt", "2", &site.err));
  REQUIRE(site.confined.exchange(site.root + "/a", site.root + "/x", &site.err) ==
          agora::ExchangeResult::kExchanged);
  // "a" is the other tree now: its "b", walked before, may be anything.
  fs::create_directory_symlink(outside, site.root + "/a/b");
  CHECK_FALSE(site.confined.write_file(site.root + "/a/b/d/two.txt", "2", &site.err));
  CHECK_FALSE(fs::exists(outside + "/d/two.txt"));

  // The last component may be a link: the link itself changes name.
  fs::create_directory_symlink(outside, site.root + "/link");
  REQUIRE(site.confined.exchange(site.root + "/link", site.root + "/x", &site.err) ==
          agora::ExchangeResult::kExchanged);
  CHECK(fs::is_symlink(site.root + "/x"));
  CHECK(fs::exists(site.root + "/link/b/one.txt"));
  CHECK(fs::exists(outside + "/d"));

  // A link on the way is not.
  CHECK(site.confined.exchange(site.root + "/x/d", site.root + "/link", &site.err) ==
        agora::ExchangeResult::kFailed);
  CHECK(site.err == "cannot use " + site.root + "/x/d: " + site.root + "/x is a symbolic link");
  CHECK(fs::is_directory(outside + "/d"));
  CHECK_FALSE(fs::exists(site.root + "/x/d/b"));
}
