#include "util/cache_key.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "output_test_util.h"

using agora::cache_key_from;
using agora::testing::TempDir;

TEST_CASE("cache key: the variable wins, else a key file made once and kept") {
  TempDir tmp;
  const std::string state = tmp.path() + "/state";
  CHECK(cache_key_from("a secret from CI", state) == "a secret from CI");
  CHECK_FALSE(std::filesystem::exists(state));  // nothing made for it

  const std::string key = cache_key_from(nullptr, state);
  CHECK(key.size() == 64);
  CHECK(key.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(cache_key_from("", state) == key);  // an empty variable is unset
  struct stat st {};
  REQUIRE(::stat((state + "/agora/cache-key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);  // the user's alone
  REQUIRE(::stat((state + "/agora").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);

  // Another folder, another key: two users, two secrets.
  CHECK(cache_key_from(nullptr, tmp.path() + "/other") != key);
}

TEST_CASE("cache key: a damaged or linked key file gives none, and no state folder none") {
  TempDir tmp;
  const std::string state = tmp.path() + "/state";
  std::filesystem::create_directories(state + "/agora");
  { std::ofstream(state + "/agora/cache-key") << "short\n"; }
  CHECK(cache_key_from(nullptr, state).empty());

  std::filesystem::remove(state + "/agora/cache-key");
  { std::ofstream(tmp.path() + "/elsewhere") << std::string(64, 'a') << "\n"; }
  std::filesystem::create_symlink(tmp.path() + "/elsewhere", state + "/agora/cache-key");
  CHECK(cache_key_from(nullptr, state).empty());

  CHECK(cache_key_from(nullptr, "").empty());
  CHECK(cache_key_from(nullptr, tmp.path() + "/missing/parent").empty());
}
