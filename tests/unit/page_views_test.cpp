#include <doctest/doctest.h>

#include "render/page_views.h"

TEST_CASE("text direction follows the language's primary subtag") {
  CHECK(agora::text_direction("en") == "ltr");
  CHECK(agora::text_direction("ar") == "rtl");
  CHECK(agora::text_direction("fa-IR") == "rtl");
  CHECK(agora::text_direction("HE") == "rtl");
  CHECK(agora::text_direction("fr_CA") == "ltr");
  CHECK(agora::text_direction("") == "ltr");
}
