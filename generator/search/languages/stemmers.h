#pragma once
// The stemmers of lunr-languages 1.x, ported to C++: each turns `word` into
// exactly what the package's lunr.LANG.stemmer returns for the same string
// in JavaScript (words are UTF-16 code units, as JavaScript strings are).
// They work in place, so a caller that reuses its buffer allocates
// nothing, and are thread-safe.
#include <string>

namespace agora {

void stem_french(std::u16string& word);   // lunr.fr.stemmer
void stem_spanish(std::u16string& word);  // lunr.es.stemmer
void stem_russian(std::u16string& word);  // lunr.ru.stemmer
void stem_arabic(std::u16string& word);   // lunr.ar.stemmer

}  // namespace agora
