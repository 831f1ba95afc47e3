#pragma once
// The stemmers of lunr-languages 1.x, ported to C++: each returns exactly
// what the package's lunr.LANG.stemmer returns for the same string in
// JavaScript (words are UTF-16 code units, as JavaScript strings are). They
// are pure and thread-safe.
#include <string>
#include <string_view>

namespace agora {

std::u16string stem_french(std::u16string_view word);   // lunr.fr.stemmer
std::u16string stem_spanish(std::u16string_view word);  // lunr.es.stemmer
std::u16string stem_russian(std::u16string_view word);  // lunr.ru.stemmer
std::u16string stem_arabic(std::u16string_view word);   // lunr.ar.stemmer

}  // namespace agora
