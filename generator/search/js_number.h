#pragma once
// JavaScript's Number formatting and rounding, for output that must equal
// what JSON.stringify writes.
#include <string>

namespace agora::search {

// Number.prototype.toString(): the shortest digits that round-trip, in
// plain notation for 1e-7 < |v| < 1e21 and as "1.5e-7" / "1e+21" outside.
// NaN and the infinities print as JavaScript prints them.
std::string js_number_to_string(double value);

// Appends what JSON.stringify writes for a number ("null" if not finite).
void append_json_number(std::string& out, double value);

// Math.round: the nearest integer, ties toward +infinity.
double js_math_round(double value);

}  // namespace agora::search
