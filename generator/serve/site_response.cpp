#include "serve/site_response.h"

#include <mutex>
#include <shared_mutex>

#include "output/precompress.h"
#include "serve/content_type.h"
#include "serve/live_page.h"
#include "serve/negotiation.h"
#include "serve/request_path.h"
#include "util/sha256.h"

namespace agora {

namespace {

constexpr const char* kHtmlType = "text/html; charset=utf-8";

void common_headers(SiteResponse* response, const std::string& type) {
  response->headers.emplace_back("Content-Type", type);
  // A preview must never show a stale page: ask again every time (a 304
  // when nothing changed).
  response->headers.emplace_back("Cache-Control", "no-cache");
  response->headers.emplace_back("X-Content-Type-Options", "nosniff");
}

// A strong tag for one representation: the uncompressed body's hash and the
// coding, so a .br and a .gz copy of the same file differ.
std::string etag_for(std::string_view identity, ContentEncoding encoding) {
  std::string tag = "\"" + sha256_hex(identity).substr(0, 32);
  if (encoding != ContentEncoding::kIdentity) tag += std::string("-") + encoding_name(encoding);
  return tag + "\"";
}

std::string compress(std::string_view bytes, ContentEncoding encoding) {
  switch (encoding) {
    case ContentEncoding::kGzip:
      return gzip_compress(bytes);
    case ContentEncoding::kBrotli:
      return brotli_compress(bytes);
    case ContentEncoding::kIdentity:
      break;
  }
  return std::string(bytes);
}

SiteResponse not_found(const ServedFolder& folder, const LiveState::Snapshot& live) {
  SiteResponse response;
  response.status = 404;
  std::string page;
  if (folder.read("404.html", &page)) {
    common_headers(&response, kHtmlType);
    response.body = inject_live_reload(page, live.generation, live.problems);
  } else {
    common_headers(&response, "text/plain; charset=utf-8");
    response.body = "404 not found\n";
  }
  return response;
}

SiteResponse no_site(const LiveState::Snapshot& live) {
  SiteResponse response;
  response.status = 503;
  common_headers(&response, kHtmlType);
  response.body = no_site_page(live.generation, live.problems);
  return response;
}

// Percent-encodes what a path segment may not hold as is.
std::string encode_path(const std::string& path) {
  static constexpr const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
        std::string_view("-._~/!$&'()*+,;=:@").find(static_cast<char>(c)) != std::string_view::npos;
    if (plain) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// "/x" names a folder: send the browser to "/x/" so the page's relative
// links resolve. The location is rebuilt from the checked path, never
// copied from the target ("//host" must not become an absolute URL).
SiteResponse to_folder(const RequestPath& path, const std::string& target) {
  SiteResponse response;
  response.status = 301;
  size_t query = target.find('?');
  std::string location = "/" + encode_path(path.path) + "/";
  if (query != std::string::npos) location += target.substr(query, target.find('#') - query);
  response.headers.emplace_back("Location", location);
  common_headers(&response, "text/plain; charset=utf-8");
  response.body = "moved to " + location + "\n";
  return response;
}

bool is_page(const std::string& path) { return path.ends_with(".html"); }

// 304 when the client's copy is current, else 200 with `body` in `encoding`.
SiteResponse answer(const SiteRequest& request, const std::string& type,
                    const std::string& identity, ContentEncoding encoding, bool varies,
                    const std::string* encoded) {
  SiteResponse response;
  common_headers(&response, type);
  std::string etag = etag_for(identity, encoding);
  response.headers.emplace_back("ETag", etag);
  if (varies) response.headers.emplace_back("Vary", "Accept-Encoding");
  if (!request.if_none_match.empty() && none_match_hits(request.if_none_match, etag)) {
    response.status = 304;
    return response;
  }
  if (encoding != ContentEncoding::kIdentity) {
    response.headers.emplace_back("Content-Encoding", encoding_name(encoding));
    response.body = encoded ? *encoded : compress(identity, encoding);
  } else {
    response.body = identity;
  }
  return response;
}

SiteResponse serve_file(const ServedFolder& folder, const LiveState::Snapshot& live,
                        const SiteRequest& request, const std::string& file) {
  std::string bytes;
  if (!folder.read(file, &bytes)) return not_found(folder, live);
  std::string type = content_type_for(file);
  if (is_page(file)) {
    // The page served is not the file: compress what is sent, on the fly.
    std::string page = inject_live_reload(bytes, live.generation, live.problems);
    bool worth = page.size() > kPrecompressMinBytes;
    ContentEncoding encoding = choose_encoding(request.accept_encoding, worth, worth);
    return answer(request, type, page, encoding, true, nullptr);
  }
  bool text = is_text_path(file);
  bool has_gzip = text && folder.kind(file + ".gz") == ServedFolder::Kind::kFile;
  bool has_brotli = text && folder.kind(file + ".br") == ServedFolder::Kind::kFile;
  ContentEncoding encoding = choose_encoding(request.accept_encoding, has_gzip, has_brotli);
  std::string copy;
  if (encoding != ContentEncoding::kIdentity) {
    const char* suffix = encoding == ContentEncoding::kBrotli ? ".br" : ".gz";
    if (!folder.read(file + suffix, &copy)) encoding = ContentEncoding::kIdentity;
  }
  return answer(request, type, bytes, encoding, has_gzip || has_brotli, &copy);
}

}  // namespace

std::string SiteResponse::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return "";
}

SiteResponse respond_with_site(const ServedFolder& folder, const LiveState::Snapshot& live,
                               const SiteRequest& request) {
  std::shared_lock lock(folder.swap_mutex());
  // The first build swaps its site in before the loop publishes it: a page
  // served in between would carry generation 0 and reload at once.
  if (!folder.has_site() || live.generation == 0) return no_site(live);
  std::optional<RequestPath> path = request_path(request.target);
  std::string_view prefix = kServePrefix.substr(1, kServePrefix.size() - 2);  // "__agora"
  if (!path || path->path == prefix || path->path.starts_with(std::string(prefix) + "/")) {
    return not_found(folder, live);
  }
  std::string file = path->path;
  ServedFolder::Kind kind = folder.kind(file);
  if (kind == ServedFolder::Kind::kFolder) {
    if (!path->folder) return to_folder(*path, request.target);
    file = file.empty() ? "index.html" : file + "/index.html";
    kind = folder.kind(file);
  } else if (path->folder) {
    return not_found(folder, live);
  }
  if (kind != ServedFolder::Kind::kFile) return not_found(folder, live);
  return serve_file(folder, live, request, file);
}

}  // namespace agora
