#include <doctest/doctest.h>

#include "render/open_data.h"

TEST_CASE("csv_field quotes only what RFC 4180 requires, doubling quotes") {
  CHECK(agora::csv_field("plain") == "plain");
  CHECK(agora::csv_field("a, b") == "\"a, b\"");
  CHECK(agora::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(agora::csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(agora::csv_field("") == "");
}
