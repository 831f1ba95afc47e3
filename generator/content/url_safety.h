#pragma once
// URL schemes that must not reach an href or src from untrusted content.

#include <string_view>

namespace agora {

// True for javascript:, vbscript:, file: and data: URLs, except
// data:image/png, data:image/gif, data:image/jpeg and data:image/webp (the
// rule cmark applies in safe mode). Case-insensitive, and, as browsers do,
// ignores leading control characters and spaces and any tab, CR or LF
// inside the scheme ("java\tscript:" is still javascript:).
bool is_dangerous_url(std::string_view url);

}  // namespace agora
