#pragma once
// The Content-Type a preview server sends for a file of a built site.

#include <string>
#include <string_view>

namespace agora {

// The media type for a file name's extension, case-insensitive, with
// "; charset=utf-8" for text formats (the generator writes only UTF-8):
// "text/html; charset=utf-8" for "index.html", "image/png" for "map.png".
// "application/octet-stream" for an unknown or missing extension.
std::string content_type_for(std::string_view path);

}  // namespace agora
