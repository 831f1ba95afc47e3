#include "search/js_number.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace agora {

char* write_json_number(char* p, double value) {
  if (!std::isfinite(value)) return std::copy_n("null", 4, p);
  // Integers are most of what an index holds; skip the general path.
  if (value >= 0 && value < 1e15 && value == std::floor(value)) {
    return std::to_chars(p, p + kJsonNumberRoom, static_cast<long long>(value)).ptr;
  }
  if (value == 0) {  // -0 prints as 0
    *p = '0';
    return p + 1;
  }
  char buf[64];
  // Shortest round-trip digits as d.ddde±x; the spec's digit choice (closest
  // to the value among the shortest) is the same as Ryu's.
  auto r = std::to_chars(buf, buf + sizeof buf - 1, value, std::chars_format::scientific);
  *r.ptr = '\0';
  const char* q = buf;
  if (*q == '-') {
    *p++ = '-';
    ++q;
  }
  char digits[32];
  int k = 0;
  while (q < r.ptr && *q != 'e') {
    if (*q != '.') digits[k++] = *q;
    ++q;
  }
  const int exponent = std::atoi(q + 1);  // "e+05" -> 5
  const int n = exponent + 1;             // ECMA-262 Number::toString's n
  if (k <= n && n <= 21) {
    p = std::copy_n(digits, k, p);
    p = std::fill_n(p, n - k, '0');
  } else if (0 < n && n <= 21) {
    p = std::copy_n(digits, n, p);
    *p++ = '.';
    p = std::copy_n(digits + n, k - n, p);
  } else if (-6 < n && n <= 0) {
    *p++ = '0';
    *p++ = '.';
    p = std::fill_n(p, -n, '0');
    p = std::copy_n(digits, k, p);
  } else {
    *p++ = digits[0];
    if (k > 1) {
      *p++ = '.';
      p = std::copy_n(digits + 1, k - 1, p);
    }
    *p++ = 'e';
    *p++ = n - 1 >= 0 ? '+' : '-';
    p = std::to_chars(p, p + 8, std::abs(n - 1)).ptr;
  }
  return p;
}

void append_json_number(std::string& out, double value) {
  char buf[kJsonNumberRoom];
  out.append(buf, write_json_number(buf, value));
}

char* write_json_thousandths(char* p, double k) {
  if (!(std::fabs(k) < 1e14) || k != std::floor(k)) return write_json_number(p, k / 1000);
  auto n = static_cast<long long>(k);
  if (n < 0) {
    *p++ = '-';
    n = -n;
  }
  p = std::to_chars(p, p + 16, n / 1000).ptr;
  const int fraction = static_cast<int>(n % 1000);
  if (fraction == 0) return p;
  const char digits[3] = {char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                          char('0' + fraction % 10)};
  int len = 3;
  while (digits[len - 1] == '0') --len;
  *p++ = '.';
  return std::copy_n(digits, len, p);
}

void append_json_thousandths(std::string& out, double k) {
  char buf[kJsonNumberRoom];
  out.append(buf, write_json_thousandths(buf, k));
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
