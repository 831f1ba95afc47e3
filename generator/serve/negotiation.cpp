#include "serve/negotiation.h"

#include <cstdlib>
#include <optional>

namespace agora {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = b[i] >= 'A' && b[i] <= 'Z' ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

// Calls f(item) for each comma-separated, trimmed, non-empty item.
template <typename F>
void for_each_item(std::string_view list, F f) {
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = trim(list.substr(0, comma));
    if (!item.empty()) f(item);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
}

// The q-value of one Accept-Encoding item ("br;q=0.5"): 1 without one, -1
// when malformed (the item is then ignored).
double quality(std::string_view params) {
  double q = 1;
  while (!params.empty()) {
    size_t semi = params.find(';');
    std::string_view param = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (param.size() < 2 || !iequals(param.substr(0, 2), "q=")) continue;
    std::string value(param.substr(2));
    char* end = nullptr;
    q = std::strtod(value.c_str(), &end);
    if (value.empty() || *end != '\0' || q < 0 || q > 1) return -1;
  }
  return q;
}

struct Qualities {
  std::optional<double> gzip, brotli, any;
};

Qualities parse_accept_encoding(std::string_view header) {
  Qualities found;
  for_each_item(header, [&](std::string_view item) {
    size_t semi = item.find(';');
    std::string_view name = trim(item.substr(0, semi));
    double q = quality(semi == std::string_view::npos ? std::string_view() : item.substr(semi + 1));
    if (q < 0) return;
    // "x-gzip" is gzip's old name (RFC 9110 8.4.1.3).
    if (iequals(name, "gzip") || iequals(name, "x-gzip")) found.gzip = q;
    if (iequals(name, "br")) found.brotli = q;
    if (name == "*") found.any = q;
  });
  return found;
}

}  // namespace

const char* encoding_name(ContentEncoding encoding) {
  switch (encoding) {
    case ContentEncoding::kGzip:
      return "gzip";
    case ContentEncoding::kBrotli:
      return "br";
    case ContentEncoding::kIdentity:
      break;
  }
  return "";
}

ContentEncoding choose_encoding(std::string_view accept_encoding, bool has_gzip, bool has_brotli) {
  Qualities q = parse_accept_encoding(accept_encoding);
  double gzip = has_gzip ? q.gzip.value_or(q.any.value_or(0)) : 0;
  double brotli = has_brotli ? q.brotli.value_or(q.any.value_or(0)) : 0;
  if (brotli > 0 && brotli >= gzip) return ContentEncoding::kBrotli;
  if (gzip > 0) return ContentEncoding::kGzip;
  return ContentEncoding::kIdentity;
}

bool none_match_hits(std::string_view if_none_match, std::string_view etag) {
  if (trim(if_none_match) == "*") return true;
  if (etag.starts_with("W/")) etag.remove_prefix(2);
  bool hit = false;
  for_each_item(if_none_match, [&](std::string_view tag) {
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) hit = true;
  });
  return hit;
}

}  // namespace agora
