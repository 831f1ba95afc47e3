#include <doctest/doctest.h>

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

TEST_CASE("normalise_path resolves dot segments and refuses to climb out") {
  std::string out;
  CHECK(agora::normalise_path("content/case-studies/../organizations/itu.md", &out));
  CHECK(out == "content/organizations/itu.md");
  CHECK(agora::normalise_path("content/./a/", &out));
  CHECK(out == "content/a/");
  CHECK_FALSE(agora::normalise_path("content/../../etc/passwd", &out));
}

TEST_CASE("absolute_url joins base and path with one slash") {
  CHECK(agora::absolute_url("https://example.org/kb", "feed.xml") ==
        "https://example.org/kb/feed.xml");
  CHECK(agora::absolute_url("https://example.org/kb/", "a/") == "https://example.org/kb/a/");
}
