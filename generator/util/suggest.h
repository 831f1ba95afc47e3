#pragma once
// "Did you mean ...?" suggestions for unknown keys and terms.

#include <string>
#include <string_view>
#include <vector>

namespace agora {

// Edit distance over bytes (insertions, deletions, substitutions and swaps
// of neighbours, each one edit).
size_t edit_distance(std::string_view a, std::string_view b);

// Lower-cases ASCII and folds common accented Latin letters to ASCII, so
// "Sub-saharan africa" and "Sub-Saharan Africa" compare equal.
std::string fold_for_matching(std::string_view s);

// The candidate closest to `word` (compared folded), or "" when none is close
// enough to be a plausible typo (distance > max(2, len/3)).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'x'?" or "" when there is no suggestion.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace agora
