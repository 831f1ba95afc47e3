#include <doctest/doctest.h>

#include "util/file_system.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <sstream>

#include "output_test_util.h"

using agora::MemoryFileSystem;

TEST_CASE("MemoryFileSystem lists files sorted and relative to the directory") {
  MemoryFileSystem fs;
  std::string err;
  CHECK(fs.write_file("content/b.md", "b", &err));
  CHECK(fs.write_file("content/a/x.md", "x", &err));
  CHECK(fs.write_file("other.md", "o", &err));
  CHECK(fs.list_files("content") == std::vector<std::string>{"a/x.md", "b.md"});
  CHECK(fs.is_directory("content/a"));
  CHECK_FALSE(fs.is_directory("content/b.md"));
  CHECK(fs.file_size("content/b.md") == 1);
}

TEST_CASE("MemoryFileSystem renames a whole tree and refuses to overwrite") {
  MemoryFileSystem fs;
  std::string err;
  fs.write_file("stage/index.html", "new", &err);
  fs.write_file("public/index.html", "old", &err);
  CHECK_FALSE(fs.rename("stage", "public", &err));
  CHECK(fs.remove_all("public", &err));
  CHECK(fs.rename("stage", "public", &err));
  std::string got;
  CHECK(fs.read_file("public/index.html", &got, &err));
  CHECK(got == "new");
  CHECK_FALSE(fs.exists("stage"));
}

TEST_CASE("exchange swaps two trees in one step, on disk and in memory") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  MemoryFileSystem memory;
  for (agora::FileSystem* fs :
       {static_cast<agora::FileSystem*>(&real), static_cast<agora::FileSystem*>(&memory)}) {
    const std::string root = fs == &real ? tmp.path() : "site";
    CAPTURE(root);
    std::string err, bytes;
    REQUIRE(fs->write_file(root + "/public/index.html", "old", &err));
    REQUIRE(fs->write_file(root + "/public/gone/a.html", "a", &err));
    REQUIRE(fs->write_file(root + "/stage/index.html", "new", &err));
    REQUIRE(fs->exchange(root + "/stage", root + "/public", &err) ==
            agora::ExchangeResult::kExchanged);
    CHECK(fs->list_files(root + "/public") == std::vector<std::string>{"index.html"});
    CHECK(fs->list_files(root + "/stage") == std::vector<std::string>{"gone/a.html", "index.html"});
    REQUIRE(fs->read_file(root + "/public/index.html", &bytes, &err));
    CHECK(bytes == "new");
    REQUIRE(fs->read_file(root + "/stage/index.html", &bytes, &err));
    CHECK(bytes == "old");
    // Both names must be there: with one missing, nothing changes.
    CHECK(fs->exchange(root + "/stage", root + "/missing", &err) == agora::ExchangeResult::kFailed);
    CHECK(err.starts_with("cannot exchange " + root + "/stage and " + root + "/missing: "));
    CHECK(fs->list_files(root + "/stage").size() == 2);
    CHECK_FALSE(fs->exists(root + "/missing"));
  }
}

TEST_CASE("RealFileSystem lists files and links in one walk, entering no linked folder") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  const std::string root = tmp.path() + "/site";
  std::string err;
  REQUIRE(real.write_file(root + "/b.md", "b", &err));
  REQUIRE(real.write_file(root + "/a/deep/x.md", "x", &err));
  REQUIRE(real.write_file(tmp.path() + "/outside/secret.md", "s", &err));
  std::filesystem::create_directory_symlink(tmp.path() + "/outside", root + "/a/linked");
  std::filesystem::create_symlink(tmp.path() + "/outside/secret.md", root + "/c.md");
  std::filesystem::create_directories(root + "/empty");

  const agora::TreeListing listing = real.list_tree(root);
  CHECK(listing.files == std::vector<std::string>{"a/deep/x.md", "b.md"});
  CHECK(listing.symlinks == std::vector<std::string>{"a/linked", "c.md"});
  CHECK(real.list_files(root) == listing.files);
  CHECK(real.list_symlinks(root) == listing.symlinks);
  // The folder asked for may itself be a link (a site kept elsewhere).
  std::filesystem::create_directory_symlink(root, tmp.path() + "/alias");
  CHECK(real.list_tree(tmp.path() + "/alias").files == listing.files);
  CHECK(real.list_tree(tmp.path() + "/missing").files.empty());
  CHECK(real.list_tree(root + "/b.md").files.empty());
}

TEST_CASE("RealFileSystem stamps a tree's files as it walks it, as stamp() does each") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  const std::string root = tmp.path() + "/site";
  std::string err;
  // Files around, above and below a folder's run, as a sorted listing has
  // them ("a/b-c" < "a/b/x" < "a/b0"), which is not the walk's order.
  for (const char* file : {"index.html", "a/b-c.html", "a/b/x.html", "a/b/deep/y.html", "a/b0.html",
                           "a/z.html", "b/index.html", "c/d/e/f.html"}) {
    REQUIRE(real.write_file(root + "/" + file, file, &err));
  }
  REQUIRE(real.write_file(tmp.path() + "/outside/secret.html", "s", &err));
  std::filesystem::create_directory_symlink(tmp.path() + "/outside", root + "/linked");
  std::filesystem::create_symlink(tmp.path() + "/outside/secret.html", root + "/a/link.html");

  const agora::TreeListing listing = real.list_tree_stamped(root);
  CHECK(listing.files == real.list_tree(root).files);
  CHECK(listing.symlinks == std::vector<std::string>{"a/link.html", "linked"});
  REQUIRE(listing.stamps.size() == listing.files.size());
  for (size_t i = 0; i < listing.files.size(); ++i) {
    CAPTURE(listing.files[i]);
    REQUIRE(listing.stamps[i].has_value());
    CHECK(listing.stamps[i] == real.stamp(root + "/" + listing.files[i]));
  }
  // Stamps differ from file to file (one inode each).
  CHECK(listing.stamps[0]->inode != listing.stamps[1]->inode);
  // The default, for file systems without their own: list_tree, then
  // stamp() per file.
  CHECK(real.FileSystem::list_tree_stamped(root).stamps == listing.stamps);
  CHECK(real.list_tree_stamped(tmp.path() + "/missing").files.empty());
  CHECK(real.list_tree(root).stamps.empty());
  // Inodes only, from the listing itself: the same files, each with the
  // device and inode stamp() gives it.
  const agora::TreeListing inodes = real.list_tree_inodes(root);
  CHECK(inodes.files == listing.files);
  CHECK(inodes.symlinks == listing.symlinks);
  REQUIRE(inodes.stamps.size() == listing.stamps.size());
  for (size_t i = 0; i < inodes.stamps.size(); ++i) {
    CAPTURE(inodes.files[i]);
    REQUIRE(inodes.stamps[i].has_value());
    CHECK(inodes.stamps[i]->device == listing.stamps[i]->device);
    CHECK(inodes.stamps[i]->inode == listing.stamps[i]->inode);
  }
  CHECK(real.list_tree_inodes(tmp.path() + "/missing").files.empty());
}

TEST_CASE("a folder too long for one read of its listing is walked whole, its subfolders too") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  const std::string root = tmp.path() + "/site";
  std::string err;
  // 3,000 records of about 240 bytes: about 700 KB of listing, read in many
  // calls, with subfolders among them that are walked while their parent's
  // listing is still being gone through.
  std::vector<std::string> expected;
  const std::string long_name(220, 'n');
  for (int i = 0; i < 3000; ++i) {
    const std::string name = long_name + std::to_string(i);
    const std::string file = i % 500 == 0 ? name + "/" + long_name + "/inner.html" : name + ".html";
    REQUIRE(real.write_file(root + "/" + file, "x", &err));
    expected.push_back(file);
  }
  std::sort(expected.begin(), expected.end());
  CHECK(real.list_tree(root).files == expected);
  const agora::TreeListing inodes = real.list_tree_inodes(root);
  CHECK(inodes.files == expected);
  const agora::TreeListing stamped = real.list_tree_stamped(root);
  CHECK(stamped.files == expected);
  REQUIRE(inodes.stamps.size() == expected.size());
  REQUIRE(stamped.stamps.size() == expected.size());
  for (size_t i = 0; i < expected.size(); i += 97) {
    CAPTURE(expected[i]);
    REQUIRE(stamped.stamps[i].has_value());
    CHECK(stamped.stamps[i] == real.stamp(root + "/" + expected[i]));
    CHECK(inodes.stamps[i]->inode == stamped.stamps[i]->inode);
  }
}

TEST_CASE("a streamed write lands whole, on disk and in memory, or not at all") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  agora::MemoryFileSystem mem;
  const std::string path = tmp.path() + "/deep/index.json";
  std::string err, got;
  auto fill = [](std::ostream& out) {
    for (int i = 0; i < 100000; ++i) out << i << ',';
  };
  std::ostringstream expected;
  fill(expected);
  for (agora::FileSystem* fs :
       {static_cast<agora::FileSystem*>(&real), static_cast<agora::FileSystem*>(&mem)}) {
    REQUIRE(fs->write_streamed(path, fill, &err));
    REQUIRE(fs->read_file(path, &got, &err));
    CHECK(got == expected.str());
  }
  // Where the file cannot be made, what was there stays and no temporary
  // file is left behind.
  std::filesystem::create_directories(tmp.path() + "/taken");
  REQUIRE(real.write_file(tmp.path() + "/taken/x", "kept", &err));
  CHECK_FALSE(real.write_streamed(tmp.path() + "/taken/x/y", fill, &err));
  CHECK_FALSE(err.empty());
  CHECK(real.list_files(tmp.path() + "/taken") == std::vector<std::string>{"x"});
}

namespace {

// Whether this process has `path` mapped (/proc/self/maps names the file).
bool mapped(const std::string& path) {
  std::string maps, err;
  agora::RealFileSystem().read_file("/proc/self/maps", &maps, &err);
  return maps.find(path) != std::string::npos;
}

}  // namespace

TEST_CASE("read_bytes maps a large file, copies a small one, and reads as read_file does") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  agora::MemoryFileSystem mem;
  std::string large;
  for (int i = 0; large.size() < (3 << 20); ++i) large += std::to_string(i) + ',';
  const std::string path = tmp.path() + "/corpus.json";
  std::string err;
  for (const std::string& text : {large, std::string("small"), std::string()}) {
    for (agora::FileSystem* fs :
         {static_cast<agora::FileSystem*>(&real), static_cast<agora::FileSystem*>(&mem)}) {
      REQUIRE(fs->write_file(path, text, &err));
      agora::FileBytes bytes;
      REQUIRE(fs->read_bytes(path, &bytes, &err));
      CHECK(bytes.view() == text);
      CHECK(mapped(path) == (fs == &real && text.size() == large.size()));
      agora::FileBytes moved = std::move(bytes);  // the mapping goes with it
      CHECK(moved.view() == text);
      moved = agora::FileBytes();
      CHECK_FALSE(mapped(path));
    }
  }
  agora::FileBytes none;
  CHECK_FALSE(real.read_bytes(tmp.path() + "/missing", &none, &err));
  CHECK(err == "cannot open " + tmp.path() + "/missing");
}

TEST_CASE("RealFileSystem links into folders it makes only when they are missing") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  std::string err;
  const std::string from = tmp.path() + "/a/page.html";
  REQUIRE(real.write_file(from, "page", &err));
  // Into a folder that is there, and into two that are not.
  REQUIRE(real.hard_link(from, tmp.path() + "/a/again.html", &err));
  REQUIRE(real.hard_link(from, tmp.path() + "/b/c/page.html", &err));
  CHECK(real.same_file(from, tmp.path() + "/b/c/page.html"));
  CHECK(real.same_file(from, tmp.path() + "/a/again.html"));
  // A missing source fails, and makes no folder for it.
  CHECK_FALSE(real.hard_link(tmp.path() + "/a/missing.html", tmp.path() + "/d/e/x.html", &err));
  CHECK(err.find("cannot link") == 0);
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/d"));
  // Nor does a name already taken.
  CHECK_FALSE(real.hard_link(from, tmp.path() + "/a/again.html", &err));
}

TEST_CASE("RealFileSystem makes one new folder, or fails, and stamps a file as it links it") {
  agora::testing::TempDir tmp;
  agora::RealFileSystem real;
  std::string err;
  CHECK(real.make_new_folder(tmp.path() + "/a"));
  CHECK(std::filesystem::is_directory(tmp.path() + "/a"));
  // A name taken, by a folder or a file, and a missing folder above fail.
  CHECK_FALSE(real.make_new_folder(tmp.path() + "/a"));
  REQUIRE(real.write_file(tmp.path() + "/a/page.html", "page", &err));
  CHECK_FALSE(real.make_new_folder(tmp.path() + "/a/page.html"));
  CHECK_FALSE(real.make_new_folder(tmp.path() + "/b/c"));
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/b"));
  // The stamp is the new name's, taken after the link moved its ctime.
  std::optional<agora::FileStamp> made;
  REQUIRE(real.hard_link_stamped(tmp.path() + "/a/page.html", tmp.path() + "/a/again.html", &err,
                                 &made));
  REQUIRE(made);
  CHECK(made == real.stamp(tmp.path() + "/a/again.html"));
  CHECK(made == real.stamp(tmp.path() + "/a/page.html"));
}
