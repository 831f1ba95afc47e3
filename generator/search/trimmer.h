#pragma once
// lunr.trimmer: s.replace(/^\W+/, '').replace(/\W+$/, ''). Without the u
// flag \w is ASCII [A-Za-z0-9_], so every other code unit, accented letters
// and surrogate halves included, counts as \W.
#include <string_view>

namespace agora {

inline bool is_js_word_unit(char16_t u) {
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_';
}

// Returns the trimmed sub-view (empty if no word unit remains).
std::u16string_view trim_token(std::u16string_view token);

}  // namespace agora
