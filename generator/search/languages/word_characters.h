#pragma once
// lunr-languages' trimmers: lunr.trimmerSupport.generateTrimmer(chars)
// removes /^[^chars0-9]+/ and then /[^chars0-9]+$/, where `chars` is a
// regular-expression class body such as "A-Za-z\xAA\xC0-\xD6". Without the
// u flag the class matches UTF-16 code units, so a surrogate half is never
// a word character.
#include <bitset>
#include <string_view>

namespace agora {

class WordCharacters {
 public:
  // `class_body`: single units and ranges "a-z", as lunr.LANG.wordCharacters
  // spells them (with "0-9" added, as generateTrimmer does).
  explicit WordCharacters(std::u16string_view class_body);

  bool contains(char16_t unit) const { return units_[unit]; }

  // The token without its leading and trailing non-word units.
  std::u16string_view trim(std::u16string_view token) const;

 private:
  std::bitset<65536> units_;
};

}  // namespace agora
