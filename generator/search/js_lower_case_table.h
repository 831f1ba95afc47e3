#pragma once
// Unicode tables behind js_to_lower_case, generated from node by
// scripts/gen-js-lower-case.js.
#include <cstddef>
#include <cstdint>

namespace agora::unicode_tables {

// Every `stride`-th code point in [first, last] lower-cases to itself + delta.
struct LowerRun {
  char32_t first;
  char32_t last;
  int32_t delta;
  uint32_t stride;
};

struct CodePointRange {
  char32_t first;
  char32_t last;
};

// Sorted by `first`, non-overlapping.
extern const LowerRun kLowerRuns[];
extern const size_t kLowerRunCount;
extern const CodePointRange kCased[];
extern const size_t kCasedCount;
extern const CodePointRange kCaseIgnorable[];
extern const size_t kCaseIgnorableCount;

}  // namespace agora::unicode_tables
