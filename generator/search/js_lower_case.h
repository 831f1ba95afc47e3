#pragma once
// String.prototype.toLowerCase as V8 does it: the Unicode default full
// lower-case mapping over UTF-16, including U+0130 -> "i\u0307" and the
// context-dependent final sigma, with the Unicode version of node 20.
#include <string>
#include <string_view>

namespace agora {

// Lower-cases one code point with the simple mapping (U+0130 -> 'i').
char32_t js_lower_code_point(char32_t cp);

// Lower-cases `text` in place of a copy. Lone surrogates pass through.
std::u16string js_to_lower_case(std::u16string_view text);

// js_to_lower_case(utf8_to_utf16(utf8)) in one pass: what lunr.tokenizer
// does to a field first.
std::u16string js_to_lower_case_utf8(std::string_view utf8);

}  // namespace agora
