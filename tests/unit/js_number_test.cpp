// Number#toString and Math.round as JavaScript does them; expected strings
// are node's String(x).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "search/js_number.h"

using agora::js_math_round;
using agora::js_number_to_string;

TEST_CASE("js_number_to_string: shortest round-trip digits, JavaScript exponent rules") {
  struct Case {
    double value;
    const char* text;
  };
  const Case cases[] = {
      {0, "0"},
      {-0.0, "0"},
      {1, "1"},
      {100, "100"},
      {0.1, "0.1"},
      {0.001, "0.001"},
      {12.979, "12.979"},
      {0.646, "0.646"},
      {1e-6, "0.000001"},
      {0.000001234, "0.000001234"},
      {1e-7, "1e-7"},
      {1.5e-7, "1.5e-7"},
      {1.0 / 3, "0.3333333333333333"},
      {2.0 / 3, "0.6666666666666666"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {-2.5, "-2.5"},
      {1e15, "1000000000000000"},
      {123456.789, "123456.789"},
      {123456789012345680000.0, "123456789012345680000"},
      {1e21, "1e+21"},
      {1.234e21, "1.234e+21"},
      {9007199254740993.0, "9007199254740992"},
      {4.35, "4.35"},
      {1.005, "1.005"},
      {std::numeric_limits<double>::quiet_NaN(), "NaN"},
      {-std::numeric_limits<double>::infinity(), "-Infinity"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(js_number_to_string(c.value) == c.text);
  }
}

TEST_CASE("js_math_round: ties toward +infinity, no x + 0.5 error") {
  CHECK(js_math_round(0.5) == 1);
  CHECK(js_math_round(1.5) == 2);
  CHECK(js_math_round(2.5) == 3);
  CHECK(js_math_round(-1.5) == -1);
  CHECK(js_math_round(0.49999999999999994) == 0);
  CHECK(js_math_round(2.4999999999999996) == 2);
  CHECK(std::signbit(js_math_round(-0.5)));
  CHECK(std::signbit(js_math_round(-0.49999999999999994)));
  // lunr's rounding of a score: Math.round(x * 1000) / 1000
  CHECK(js_number_to_string(js_math_round(12.9786 * 1000) / 1000) == "12.979");
}

TEST_CASE("append_json_thousandths: same text as formatting k / 1000") {
  using agora::append_json_number;
  using agora::append_json_thousandths;
  auto check = [](double k) {
    std::string fast, slow;
    append_json_thousandths(fast, k);
    append_json_number(slow, k / 1000);
    return fast == slow;
  };
  size_t bad = 0;
  for (int k = -3000; k <= 3000000; ++k) bad += !check(k);
  for (double k = 1e6; k < 1e15; k *= 1.37) bad += !check(std::floor(k));
  CHECK(bad == 0);
  CHECK(check(-0.0));
}

TEST_CASE("write_json_number: the longest numbers fit kJsonNumberRoom") {
  using agora::kJsonNumberRoom;
  for (double value :
       {-0.0000012345678901234567, -1.2345678901234567e-7, -2.2250738585072014e-308,
        -1.7976931348623157e308, -123456789012345680000.0, -1.2345678901234567e21, 5e-324}) {
    char room[kJsonNumberRoom];
    char* end = agora::write_json_number(room, value);
    CHECK(std::string(room, end) == js_number_to_string(value));
    CHECK(js_number_to_string(value).size() <= kJsonNumberRoom);
  }
  CHECK(js_number_to_string(-0.0000012345678901234567) == "-0.0000012345678901234567");
  char room[kJsonNumberRoom];
  CHECK(std::string(room, agora::write_json_number(room, NAN)) == "null");
  CHECK(std::string(room, agora::write_json_thousandths(room, -123456.0)) == "-123.456");
  CHECK(std::string(room, agora::write_json_thousandths(room, 0.5)) == "0.0005");
}
