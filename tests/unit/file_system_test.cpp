#include <doctest/doctest.h>

#include "util/file_system.h"

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
