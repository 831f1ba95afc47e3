#include "serve/content_type.h"

#include <algorithm>
#include <cctype>

namespace agora {

namespace {

struct MediaType {
  const char* extension;
  const char* type;
  bool text;  // gets "; charset=utf-8"
};

// IANA media types (JavaScript as RFC 9239 says) for what a site can hold:
// pages, styles, scripts, data, feeds, images, fonts, attachments.
constexpr MediaType kMediaTypes[] = {
    {"html", "text/html", true},
    {"htm", "text/html", true},
    {"css", "text/css", true},
    {"js", "text/javascript", true},
    {"mjs", "text/javascript", true},
    {"json", "application/json", true},
    {"map", "application/json", true},
    {"webmanifest", "application/manifest+json", true},
    {"xml", "application/xml", true},
    {"rss", "application/rss+xml", true},
    {"atom", "application/atom+xml", true},
    {"txt", "text/plain", true},
    {"md", "text/markdown", true},
    {"csv", "text/csv", true},
    {"svg", "image/svg+xml", true},
    {"png", "image/png", false},
    {"jpg", "image/jpeg", false},
    {"jpeg", "image/jpeg", false},
    {"gif", "image/gif", false},
    {"webp", "image/webp", false},
    {"avif", "image/avif", false},
    {"ico", "image/x-icon", false},
    {"woff", "font/woff", false},
    {"woff2", "font/woff2", false},
    {"ttf", "font/ttf", false},
    {"otf", "font/otf", false},
    {"pdf", "application/pdf", false},
    {"zip", "application/zip", false},
    {"gz", "application/gzip", false},
    {"br", "application/octet-stream", false},
    {"wasm", "application/wasm", false},
    {"mp4", "video/mp4", false},
    {"webm", "video/webm", false},
    {"mp3", "audio/mpeg", false},
    {"ogg", "audio/ogg", false},
    {"odt", "application/vnd.oasis.opendocument.text", false},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet", false},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false},
};

}  // namespace

std::string content_type_for(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "application/octet-stream";
  std::string extension(name.substr(dot + 1));
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const MediaType& media : kMediaTypes) {
    if (extension == media.extension) {
      return std::string(media.type) + (media.text ? "; charset=utf-8" : "");
    }
  }
  return "application/octet-stream";
}

}  // namespace agora
