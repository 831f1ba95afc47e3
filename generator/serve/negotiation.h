#pragma once
// The two request headers a static preview server negotiates on:
// Accept-Encoding (which precompressed copy to send) and If-None-Match
// (whether the client's copy is still current).

#include <string>
#include <string_view>

namespace agora {

enum class ContentEncoding { kIdentity, kGzip, kBrotli };

// The name of an encoding in HTTP headers: "", "gzip", "br".
const char* encoding_name(ContentEncoding encoding);

// The coding to send, given the client's Accept-Encoding value and which
// copies exist (RFC 9110 12.5.3): the acceptable one with the highest
// q-value, brotli before gzip on a tie (smaller); "*" covers codings not
// named; q=0 refuses a coding. Identity when neither copy is acceptable,
// or when the header is missing or empty.
ContentEncoding choose_encoding(std::string_view accept_encoding, bool has_gzip, bool has_brotli);

// True when an If-None-Match value matches `etag` (a quoted strong tag):
// "*", or any listed tag equal to it under the weak comparison that RFC 9110
// 13.1.2 prescribes for If-None-Match (a W/ prefix is ignored).
bool none_match_hits(std::string_view if_none_match, std::string_view etag);

}  // namespace agora
