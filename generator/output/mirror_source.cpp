#include "output/mirror_source.h"

#include <httplib.h>

#include "util/file_system.h"

namespace agora {

bool FolderSource::fetch(const std::string& path, uint64_t max_bytes, std::string* bytes,
                         std::string* err) {
  std::string file = join_path(dir_, path);
  int64_t size = fs_.file_size(file);
  if (size > 0 && static_cast<uint64_t>(size) > max_bytes) {
    *err = file + ": " + std::to_string(size) + " bytes, more than the " +
           std::to_string(max_bytes) + " expected";
    return false;
  }
  return fs_.read_file(file, bytes, err);
}

bool is_url(const std::string& source) {
  return source.starts_with("http://") || source.starts_with("https://");
}

namespace {

// httplib's own encoding leaves '%', '?' and '#' alone, which would cut or
// alter such paths; encode everything but RFC 3986 unreserved bytes and '/'.
std::string percent_encode_path(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xf];
    }
  }
  return out;
}

}  // namespace

struct HttpSource::Client {
  explicit Client(const std::string& scheme_host_port) : client(scheme_host_port) {}
  httplib::Client client;
};

HttpSource::HttpSource(std::string url, std::string origin, std::string base_path,
                       std::unique_ptr<Client> client)
    : url_(std::move(url)),
      origin_(std::move(origin)),
      base_path_(std::move(base_path)),
      client_(std::move(client)) {}

HttpSource::~HttpSource() = default;

std::unique_ptr<HttpSource> HttpSource::open(const std::string& url, std::string* err) {
  size_t scheme_end = url.find("://");
  if (!is_url(url) || scheme_end == std::string::npos) {
    *err = "not an http(s) URL: " + url;
    return nullptr;
  }
#ifndef CPPHTTPLIB_OPENSSL_SUPPORT
  if (url.starts_with("https://")) {
    *err = "https is not supported by this build (cpp-httplib without OpenSSL): " + url;
    return nullptr;
  }
#endif
  size_t path_start = url.find('/', scheme_end + 3);
  std::string scheme_host_port = url.substr(0, path_start);
  if (scheme_host_port.size() == scheme_end + 3) {
    *err = "URL has no host: " + url;
    return nullptr;
  }
  std::string base = path_start == std::string::npos ? "/" : url.substr(path_start);
  if (base.back() != '/') base += '/';
  std::unique_ptr<Client> client;
  // httplib reports a bad host on use, not here, but keep any exception (bad
  // regex input, allocation) inside this boundary.
  try {
    client = std::make_unique<Client>(scheme_host_port);
  } catch (const std::exception& e) {
    *err = "cannot use URL " + url + ": " + e.what();
    return nullptr;
  }
  if (!client->client.is_valid()) {
    *err = "cannot use URL " + url;
    return nullptr;
  }
  client->client.set_url_encode(false);
  // Redirects are checked and followed by fetch(), not by httplib, which
  // would follow them to any host and from https to http.
  client->client.set_follow_location(false);
  client->client.set_keep_alive(true);
  client->client.set_connection_timeout(10);
  client->client.set_read_timeout(60);
  return std::unique_ptr<HttpSource>(
      new HttpSource(url, scheme_host_port, std::move(base), std::move(client)));
}

namespace {

bool is_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Where a Location header leads, as a path on `origin`, or "" when it leaves
// it. "/x" and "http://same-host:port/x" stay; relative references other
// than absolute paths are not used by static hosts and are refused too.
std::string same_origin_path(const std::string& origin, const std::string& location) {
  if (location.starts_with("/") && !location.starts_with("//")) return location;
  if (location.size() > origin.size() && location.starts_with(origin) &&
      location[origin.size()] == '/') {
    return location.substr(origin.size());
  }
  return "";
}

}  // namespace

bool HttpSource::fetch(const std::string& path, uint64_t max_bytes, std::string* bytes,
                       std::string* err) {
  std::string target = base_path_ + percent_encode_path(path);
  const std::string what = "GET " + url_ + path;
  for (int hops = 0;; ++hops) {
    bytes->clear();
    int status = 0;
    bool too_big = false;
    std::string location;
    httplib::Result result = client_->client.Get(
        target,
        [&](const httplib::Response& response) {
          status = response.status;
          location = response.get_header_value("Location");
          return true;
        },
        [&](const char* data, size_t length) {
          // Only a 200's body is wanted; an error page or a redirect's body
          // is not read at all.
          if (status != 200) return false;
          if (bytes->size() + length > max_bytes) {
            too_big = true;
            return false;
          }
          bytes->append(data, length);
          return true;
        });
    if (too_big) {
      *err = what + ": the server sent more than the " + std::to_string(max_bytes) +
             " bytes expected; transfer stopped";
      bytes->clear();
      return false;
    }
    if (is_redirect(status)) {
      std::string next = same_origin_path(origin_, location);
      if (next.empty()) {
        *err = what + ": redirect to '" + location +
               "' refused: a mirror follows redirects only "
               "within " +
               origin_;
        return false;
      }
      if (hops >= kMaxRedirects) {
        *err = what + ": more than " + std::to_string(kMaxRedirects) + " redirects";
        return false;
      }
      target = next;
      continue;
    }
    if (status != 0 && status != 200) {
      *err = what + ": HTTP " + std::to_string(status);
      bytes->clear();
      return false;
    }
    if (!result) {
      *err = what + ": " + httplib::to_string(result.error());
      bytes->clear();
      return false;
    }
    return true;
  }
}

std::unique_ptr<MirrorSource> open_mirror_source(const std::string& source, const FileSystem& fs,
                                                 std::string* err) {
  if (is_url(source)) return HttpSource::open(source, err);
  if (!fs.is_directory(source)) {
    *err = "source folder does not exist: " + source;
    return nullptr;
  }
  return std::make_unique<FolderSource>(fs, source);
}

}  // namespace agora
