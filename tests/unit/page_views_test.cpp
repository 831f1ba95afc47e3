#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "render/page_views.h"

TEST_CASE("text direction follows the language's primary subtag") {
  CHECK(agora::text_direction("en") == "ltr");
  CHECK(agora::text_direction("ar") == "rtl");
  CHECK(agora::text_direction("fa-IR") == "rtl");
  CHECK(agora::text_direction("HE") == "rtl");
  CHECK(agora::text_direction("fr_CA") == "ltr");
  CHECK(agora::text_direction("") == "ltr");
}

TEST_CASE("a list's page links the first, the last and its near pages") {
  using V = std::vector<size_t>;
  struct Case {
    size_t page, pages;
    V linked;
  };
  for (const Case& c : std::vector<Case>{
           {1, 1, {1}},
           {1, 2, {1, 2}},
           {1, 5, {1, 2, 3, 4, 5}},  // a gap of one page shows it
           {1, 7, {1, 2, 3, 7}},
           {4, 7, {1, 2, 3, 4, 5, 6, 7}},
           {5, 10, {1, 2, 3, 4, 5, 6, 7, 10}},
           {6, 10, {1, 4, 5, 6, 7, 8, 9, 10}},
           {100, 207, {1, 98, 99, 100, 101, 102, 207}},
           {207, 207, {1, 205, 206, 207}},
       }) {
    CAPTURE(c.page);
    CAPTURE(c.pages);
    CHECK(agora::linked_pages(c.page, c.pages) == c.linked);
  }
  // Every page of every list up to 40 pages: ascending, the first, the last
  // and the near pages in, never a gap of a single page, at most 9 links.
  for (size_t pages = 1; pages <= 40; ++pages) {
    for (size_t page = 1; page <= pages; ++page) {
      CAPTURE(pages);
      CAPTURE(page);
      const V linked = agora::linked_pages(page, pages);
      REQUIRE(!linked.empty());
      CHECK(linked.front() == 1);
      CHECK(linked.back() == pages);
      CHECK(linked.size() <= 9);
      for (size_t i = 1; i < linked.size(); ++i) {
        CHECK(linked[i] > linked[i - 1]);
        CHECK(linked[i] != linked[i - 1] + 2);
      }
      for (size_t n = page > 2 ? page - 2 : 1; n <= std::min(pages, page + 2); ++n) {
        CHECK(std::find(linked.begin(), linked.end(), n) != linked.end());
      }
    }
  }
}
