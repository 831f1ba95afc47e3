#include "output/mirror_source.h"

#include <httplib.h>

#include "util/file_system.h"

namespace agora {

bool FolderSource::fetch(const std::string& path, std::string* bytes, std::string* err) {
  return fs_.read_file(join_path(dir_, path), bytes, err);
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

HttpSource::HttpSource(std::string url, std::string base_path, std::unique_ptr<Client> client)
    : url_(std::move(url)), base_path_(std::move(base_path)), client_(std::move(client)) {}

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
  client->client.set_follow_location(true);
  client->client.set_keep_alive(true);
  client->client.set_connection_timeout(10);
  client->client.set_read_timeout(60);
  return std::unique_ptr<HttpSource>(new HttpSource(url, std::move(base), std::move(client)));
}

bool HttpSource::fetch(const std::string& path, std::string* bytes, std::string* err) {
  std::string target = base_path_ + percent_encode_path(path);
  httplib::Result result = client_->client.Get(target);
  if (!result) {
    *err = "GET " + url_ + path + ": " + httplib::to_string(result.error());
    return false;
  }
  if (result->status != 200) {
    *err = "GET " + url_ + path + ": HTTP " + std::to_string(result->status);
    return false;
  }
  *bytes = std::move(result->body);
  return true;
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
