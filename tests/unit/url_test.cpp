#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "render/url.h"
#include "util/path.h"

using agora::relative_url;
using agora::UrlStyle;

TEST_CASE("relative_url links directory pages without leaving the site") {
  struct Case {
    const char* from;
    const char* to;
    bool offline;
    const char* want;
  };
  const Case cases[] = {
      {"", "", false, "./"},
      {"", "", true, "index.html"},
      {"", "case-studies/", false, "case-studies/"},
      {"case-studies/x/", "", false, "../../"},
      {"case-studies/x/", "", true, "../../index.html"},
      {"case-studies/x/", "organizations/itu/", false, "../../organizations/itu/"},
      {"case-studies/x/", "organizations/itu/", true, "../../organizations/itu/index.html"},
      {"case-studies/", "case-studies/x/", false, "x/"},
      {"case-studies/page/2/", "case-studies/", false, "../../"},
      {"case-studies/x/", "case-studies/x/", false, "./"},
      {"case-studies/x/", "css/site.css", false, "../../css/site.css"},
      {"", "css/site.css", true, "css/site.css"},
      {"case-studies/x/", "case-studies/img/map.png", false, "../img/map.png"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.from);
    CAPTURE(c.to);
    CHECK(relative_url(c.from, c.to, UrlStyle{c.offline}) == c.want);
  }
}

TEST_CASE("relative_url agrees with the segment-list rule on every pair of odd paths") {
  // The rule as it was written first: split both paths into their
  // non-empty segments, drop the common directories, climb out of the
  // rest of `from` and descend into the rest of `to`.
  const auto by_lists = [](std::string_view from_dir, std::string_view to, bool offline) {
    const bool to_dir = to.empty() || to.back() == '/';
    const auto from = agora::path_segments(from_dir);
    const auto target = agora::path_segments(to);
    const size_t target_dirs = to_dir ? target.size() : target.size() - 1;
    size_t common = 0;
    while (common < from.size() && common < target_dirs && from[common] == target[common]) {
      ++common;
    }
    std::string url;
    for (size_t i = common; i < from.size(); ++i) url += "../";
    for (size_t i = common; i < target.size(); ++i) {
      url += target[i];
      if (i + 1 < target.size() || to_dir) url += '/';
    }
    if (to_dir && offline) url += "index.html";
    if (to_dir && url.empty()) url = "./";
    return url;
  };
  const char* paths[] = {"",          "/",          "a",      "a/",        "a/b/",  "a/b/c/",
                         "a/b/x.css", "a//b/",      "/a/b/",  "a/c/",      "b/",    "a/b",
                         "fr/a/b/",   "a/b/c/d/e/", "x.html", "a/b/c.png", "a/bb/", "aa/b/"};
  for (const char* from : paths) {
    for (const char* to : paths) {
      for (bool offline : {false, true}) {
        CAPTURE(from);
        CAPTURE(to);
        CHECK(relative_url(from, to, UrlStyle{offline}) == by_lists(from, to, offline));
      }
    }
  }
}

TEST_CASE("normalise_path resolves dot segments and refuses to climb out") {
  std::string out;
  CHECK(agora::normalise_path("content/case-studies/../organizations/itu.md", &out));
  CHECK(out == "content/organizations/itu.md");
  CHECK(agora::normalise_path("content/./a/", &out));
  CHECK(out == "content/a/");
  CHECK_FALSE(agora::normalise_path("content/../../etc/passwd", &out));
}

TEST_CASE("without_trailing_slashes keeps the root") {
  CHECK(agora::without_trailing_slashes("a/b//") == "a/b");
  CHECK(agora::without_trailing_slashes("a/b") == "a/b");
  CHECK(agora::without_trailing_slashes("//") == "/");
  CHECK(agora::without_trailing_slashes("") == "");
}

TEST_CASE("tidy_path drops leading ./ and trailing slashes, and keeps the root") {
  CHECK(agora::tidy_path("././a/b//") == "a/b");
  CHECK(agora::tidy_path("a/./b") == "a/./b");  // only a leading ./ goes
  CHECK(agora::tidy_path("./") == "");
  CHECK(agora::tidy_path(".") == ".");
  CHECK(agora::tidy_path("/") == "/");
  CHECK(agora::tidy_path("../a/") == "../a");
}

TEST_CASE("folder_name ends a folder's name with one slash") {
  CHECK(agora::folder_name("public") == "public/");
  CHECK(agora::folder_name("public/") == "public/");
  CHECK(agora::folder_name("../www//") == "../www/");
  CHECK(agora::folder_name("/") == "/");
  CHECK(agora::folder_name("//") == "/");
  CHECK(agora::folder_name("") == "./");
}

TEST_CASE("absolute_url joins base and path with one slash") {
  CHECK(agora::absolute_url("https://example.org/kb", "feed.xml") ==
        "https://example.org/kb/feed.xml");
  CHECK(agora::absolute_url("https://example.org/kb/", "a/") == "https://example.org/kb/a/");
}
