// The program's build ID, against what binutils' readelf reads from the
// same file.

#include "util/build_id.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <string>

TEST_CASE("the build ID is the one readelf finds in the program's notes") {
  // readelf's own /proc/self/exe would be readelf: it is given this
  // program's path.
  char path[4096];
  const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
  REQUIRE(length > 0);
  path[length] = '\0';
  std::string notes;
  char buffer[4096];
  FILE* readelf = popen(("readelf -n '" + std::string(path) + "' 2>/dev/null").c_str(), "r");
  REQUIRE(readelf);
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, readelf)) > 0;) notes.append(buffer, n);
  pclose(readelf);
  const size_t at = notes.find("Build ID: ");
  REQUIRE(at != std::string::npos);
  const std::string expected = notes.substr(at + 10, notes.find('\n', at) - at - 10);
  CHECK(expected.size() >= 32);
  CHECK(agora::program_build_id() == expected);
}
