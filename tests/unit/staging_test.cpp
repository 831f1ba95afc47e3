// swap_in_staging on a real folder: one exchange where the file system has
// one, so the folder is never missing; two renames, undone on failure,
// where it has none.
#include "output/staging.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "output_test_util.h"

using namespace agora;
using agora::testing::SwapSteps;
using agora::testing::TempDir;

namespace {

// "out" holding the old site and "out.staging" the new one, in a fresh
// temp folder (whose file system has exchange: ext4, tmpfs, btrfs, xfs and
// overlayfs do). Each step notes when it leaves "out" missing.
struct Swap {
  TempDir tmp;
  RealFileSystem real;
  SwapSteps fs{&real, tmp.path()};
  StagingPaths paths = staging_paths(tmp.path() + "/out/");
  std::string err;

  Swap() {
    REQUIRE(real.write_file(paths.dir + "/index.html", "old", &err));
    REQUIRE(real.write_file(paths.dir + "/gone.html", "gone", &err));
    REQUIRE(real.write_file(paths.staging + "/index.html", "new", &err));
    fs.after_step = [this] { return real.exists(paths.dir) ? "" : " (no out)"; };
  }
  std::string read(const std::string& path) {
    std::string bytes;
    return real.read_file(path, &bytes, &err) ? bytes : "(none)";
  }
};

}  // namespace

TEST_CASE("swap_in_staging exchanges staging with the folder in one step: it is never missing") {
  Swap swap;
  SUBCASE("the replaced tree is removed") {
    REQUIRE(swap_in_staging(swap.fs, swap.paths, &swap.err));
    CHECK(swap.fs.steps ==
          std::vector<std::string>{"exchange out.staging out", "remove_all out.staging"});
    CHECK_FALSE(swap.real.exists(swap.paths.old));
  }
  SUBCASE("with keep_old the replaced tree is kept as .old") {
    REQUIRE(swap_in_staging(swap.fs, swap.paths, &swap.err, /*keep_old=*/true));
    CHECK(swap.fs.steps ==
          std::vector<std::string>{"exchange out.staging out", "rename out.staging out.old"});
    CHECK(swap.read(swap.paths.old + "/index.html") == "old");
    CHECK(swap.read(swap.paths.old + "/gone.html") == "gone");
  }
  SUBCASE("putting the replaced tree away may fail: the swap stands, the tree stays as staging") {
    swap.fs.fail_remove = swap.paths.staging;
    REQUIRE(swap_in_staging(swap.fs, swap.paths, &swap.err));
    CHECK(swap.read(swap.paths.staging + "/index.html") == "old");
  }
  CHECK(swap.read(swap.paths.dir + "/index.html") == "new");
  CHECK_FALSE(swap.real.exists(swap.paths.dir + "/gone.html"));
}

TEST_CASE("without exchange, two renames swap staging in, and the folder is missing in between") {
  Swap swap;
  swap.fs.exchange_gives = ExchangeResult::kUnsupported;
  SUBCASE("the replaced tree is removed") {
    REQUIRE(swap_in_staging(swap.fs, swap.paths, &swap.err));
    CHECK(swap.fs.steps ==
          std::vector<std::string>{"exchange out.staging out", "rename out out.old (no out)",
                                   "rename out.staging out", "remove_all out.old"});
    CHECK_FALSE(swap.real.exists(swap.paths.old));
  }
  SUBCASE("with keep_old the replaced tree is kept as .old") {
    REQUIRE(swap_in_staging(swap.fs, swap.paths, &swap.err, /*keep_old=*/true));
    CHECK(swap.fs.steps == std::vector<std::string>{"exchange out.staging out",
                                                    "rename out out.old (no out)",
                                                    "rename out.staging out"});
    CHECK(swap.read(swap.paths.old + "/index.html") == "old");
  }
  CHECK(swap.read(swap.paths.dir + "/index.html") == "new");
  CHECK_FALSE(swap.real.exists(swap.paths.staging));
}

TEST_CASE("a failing swap leaves the folder as it was and staging in place") {
  struct Case {
    const char* name;
    ExchangeResult exchange;
    const char* fail_rename_from;  // in the temp folder; "" for none
    const char* err;
    std::vector<std::string> steps;
  };
  const Case cases[] = {
      {"the exchange fails",
       ExchangeResult::kFailed,
       "",
       "injected: exchange failed",
       {"exchange out.staging out"}},
      {"without exchange, the second rename fails: the first is undone",
       ExchangeResult::kUnsupported,
       "out.staging",
       "injected: rename failed",
       {"exchange out.staging out", "rename out out.old (no out)",
        "rename out.staging out (no out)", "rename out.old out"}},
      {"without exchange, the first rename fails",
       ExchangeResult::kUnsupported,
       "out",
       "injected: rename failed",
       {"exchange out.staging out", "rename out out.old"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    Swap swap;
    swap.fs.exchange_gives = c.exchange;
    if (*c.fail_rename_from) swap.fs.fail_rename_from = swap.tmp.path() + "/" + c.fail_rename_from;
    CHECK_FALSE(swap_in_staging(swap.fs, swap.paths, &swap.err));
    CHECK(swap.err == c.err);
    CHECK(swap.fs.steps == c.steps);
    CHECK(swap.read(swap.paths.dir + "/index.html") == "old");
    CHECK(swap.read(swap.paths.dir + "/gone.html") == "gone");
    CHECK(swap.read(swap.paths.staging + "/index.html") == "new");
    CHECK_FALSE(swap.real.exists(swap.paths.old));
  }
}

TEST_CASE("a folder not there yet is made by renaming staging") {
  Swap swap;
  REQUIRE(swap.real.remove_all(swap.paths.dir, &swap.err));
  REQUIRE(swap_in_staging(swap.fs, swap.paths, &swap.err));
  CHECK(swap.fs.steps == std::vector<std::string>{"rename out.staging out"});
  CHECK(swap.read(swap.paths.dir + "/index.html") == "new");
  CHECK_FALSE(swap.real.exists(swap.paths.staging));
}
