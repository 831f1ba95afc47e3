#include "search/js_number.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace agora {

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // Integers are most of what an index holds; skip the general path.
  if (value >= 0 && value < 1e15 && value == std::floor(value)) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(value));
    out.append(buf, r.ptr);
    return;
  }
  if (value == 0) {  // -0 prints as 0
    out.push_back('0');
    return;
  }
  char buf[64];
  // Shortest round-trip digits as d.ddde±x; the spec's digit choice (closest
  // to the value among the shortest) is the same as Ryu's.
  auto r = std::to_chars(buf, buf + sizeof buf - 1, value, std::chars_format::scientific);
  *r.ptr = '\0';
  const char* p = buf;
  if (*p == '-') {
    out.push_back('-');
    ++p;
  }
  char digits[32];
  int k = 0;
  while (p < r.ptr && *p != 'e') {
    if (*p != '.') digits[k++] = *p;
    ++p;
  }
  const int exponent = std::atoi(p + 1);  // "e+05" -> 5
  const int n = exponent + 1;             // ECMA-262 Number::toString's n
  if (k <= n && n <= 21) {
    out.append(digits, k);
    out.append(n - k, '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, n);
    out.push_back('.');
    out.append(digits + n, k - n);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(-n, '0');
    out.append(digits, k);
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(digits + 1, k - 1);
    }
    out.push_back('e');
    out.push_back(n - 1 >= 0 ? '+' : '-');
    out += std::to_string(std::abs(n - 1));
  }
}

void append_json_thousandths(std::string& out, double k) {
  if (!(std::fabs(k) < 1e14) || k != std::floor(k)) {
    append_json_number(out, k / 1000);
    return;
  }
  auto n = static_cast<long long>(k);
  if (n < 0) {
    out.push_back('-');
    n = -n;
  }
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, n / 1000);
  out.append(buf, r.ptr);
  int fraction = static_cast<int>(n % 1000);
  if (fraction == 0) return;
  char digits[4] = {char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                    char('0' + fraction % 10), 0};
  int len = 3;
  while (digits[len - 1] == '0') --len;
  out.push_back('.');
  out.append(digits, len);
}

std::string js_number_to_string(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  std::string out;
  append_json_number(out, value);
  return out;
}

double js_math_round(double value) {
  if (!std::isfinite(value)) return value;
  const double floor = std::floor(value);
  // value - floor is exact, so ties are detected without the x + 0.5
  // rounding error (0.49999999999999994 must round to 0).
  const double rounded = (value - floor >= 0.5) ? floor + 1 : floor;
  // Math.round keeps the sign of zero for -0.5 <= x < 0.
  return (rounded == 0 && std::signbit(value)) ? -0.0 : rounded;
}

}  // namespace agora
