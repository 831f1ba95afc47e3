#pragma once
// JavaScript's Number formatting and rounding, for output that must equal
// what JSON.stringify writes.
#include <cstddef>
#include <string>

namespace agora {

// Number.prototype.toString(): the shortest digits that round-trip, in
// plain notation for 1e-7 < |v| < 1e21 and as "1.5e-7" / "1e+21" outside.
// NaN and the infinities print as JavaScript prints them.
std::string js_number_to_string(double value);

// Appends what JSON.stringify writes for a number ("null" if not finite).
void append_json_number(std::string& out, double value);

// Appends what JSON.stringify writes for k / 1000, for an integer-valued k
// (lunr's Math.round(x * 1000) / 1000), without general float formatting:
// a decimal with at most 3 fraction digits and 15 significant digits is
// the shortest string that round-trips, so it is what JavaScript prints.
void append_json_thousandths(std::string& out, double k);

// The most bytes write_json_number and write_json_thousandths write
// ("-0.000001234567890123456", "-1.2345678901234567e-308", 21 digits).
inline constexpr size_t kJsonNumberRoom = 32;

// The same, written at p, which has kJsonNumberRoom bytes of room: they
// return the end of what they wrote.
char* write_json_number(char* p, double value);
char* write_json_thousandths(char* p, double k);

// Math.round: the nearest integer, ties toward +infinity.
double js_math_round(double value);

}  // namespace agora
