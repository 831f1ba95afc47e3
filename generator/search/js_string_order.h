#pragma once
// Array.prototype.sort's default order for strings: UTF-16 code unit order.
// It differs from UTF-8 byte (code point) order only where a supplementary
// character (a surrogate pair, 0xD800..) meets a BMP character in
// U+E000..U+FFFF: JavaScript sorts the pair first.
#include <string_view>

namespace agora {

// True when UTF-8 `a` sorts before UTF-8 `b` as JavaScript strings.
bool js_string_less(std::string_view a, std::string_view b);

}  // namespace agora
