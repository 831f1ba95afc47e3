#pragma once
// The languages find_search_language knows, one file each, and the English
// pipeline's token step that Chinese reuses for its non-Han runs.
#include <string>
#include <string_view>

#include "search/languages/search_language.h"

namespace agora {

const SearchLanguage& french_search_language();   // french.cpp
const SearchLanguage& spanish_search_language();  // spanish.cpp
const SearchLanguage& russian_search_language();  // russian.cpp
const SearchLanguage& arabic_search_language();   // arabic.cpp
const SearchLanguage& chinese_search_language();  // chinese.cpp

// lunr.stemmer on an already trimmed token, into `term` (UTF-8).
void english_term(std::u16string_view token, std::string& term);  // english.cpp

}  // namespace agora
