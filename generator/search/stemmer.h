#pragma once
// lunr.stemmer: the Porter stemmer as lunr 2.3.9 ships it (including its
// Porter2-style step 1c, so "try" -> "tri" and "lay" -> "lay"). It works on
// UTF-16 code units exactly like the JavaScript regular expressions it
// replaces: any unit outside a-z is a consonant, lengths count code units.
#include <string>
#include <string_view>

namespace agora {

std::u16string stem_units(std::u16string_view word);
void stem_units_in_place(std::u16string& word);

// `word` is UTF-8; the result is UTF-8.
std::string stem(std::string_view word);

// REQUIRES: `word` is ASCII (then bytes are UTF-16 code units). No copy.
void stem_ascii_in_place(std::string& word);

}  // namespace agora
