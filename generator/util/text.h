#pragma once
// Small text helpers shared by the stages.

#include <string>
#include <string_view>

namespace agora {

std::string escape_html(std::string_view s);
// URL/file slug: ASCII-transliterated, lower-case, runs of other characters as '-'.
std::string slugify(std::string_view s);
bool is_valid_utf8(std::string_view s, size_t* bad_offset = nullptr);
std::string ascii_lower(std::string_view s);

}  // namespace agora
