#pragma once
// Where `agora mirror` reads a built site from: a folder or an http(s) URL.

#include <cstdint>
#include <memory>
#include <string>

namespace agora {
class FileSystem;
}

namespace agora {

class MirrorSource {
 public:
  virtual ~MirrorSource() = default;
  // Reads the file at a relative path of the site ("manifest.json",
  // "case-studies/x/index.html") into *bytes, or returns false with *err.
  // A file of more than max_bytes is an error, found without holding more
  // than max_bytes in memory: the source is not trusted.
  virtual bool fetch(const std::string& path, uint64_t max_bytes, std::string* bytes,
                     std::string* err) = 0;
  // The folder or URL, for messages.
  virtual std::string describe() const = 0;
};

// A site folder read through fs, which must outlive the source.
class FolderSource : public MirrorSource {
 public:
  FolderSource(const FileSystem& fs, std::string dir) : fs_(fs), dir_(std::move(dir)) {}
  bool fetch(const std::string& path, uint64_t max_bytes, std::string* bytes,
             std::string* err) override;
  std::string describe() const override { return dir_; }

 private:
  const FileSystem& fs_;
  std::string dir_;
};

// A site served over HTTP, or HTTPS when cpp-httplib was built with OpenSSL
// (Debian's is). The URL may carry a path prefix:
// "http://127.0.0.1:8080/a/prefix/" fetches "/a/prefix/manifest.json".
// Redirects are followed only within the same scheme, host and port (never
// to another host, never from https to http), at most kMaxRedirects in a
// row; any other status but 200 is an error. A body is read as it arrives
// and the transfer is cut as soon as it passes max_bytes, whatever the
// server's Content-Length or chunking says.
class HttpSource : public MirrorSource {
 public:
  ~HttpSource() override;
  // Returns null with *err for a URL that is not http(s)://HOST[:PORT][/PATH],
  // or https without TLS support.
  static std::unique_ptr<HttpSource> open(const std::string& url, std::string* err);
  static constexpr int kMaxRedirects = 5;
  bool fetch(const std::string& path, uint64_t max_bytes, std::string* bytes,
             std::string* err) override;
  std::string describe() const override { return url_; }

 private:
  struct Client;
  HttpSource(std::string url, std::string origin, std::string base_path,
             std::unique_ptr<Client> client);
  std::string url_;
  std::string origin_;     // "http://host:port", as the URL wrote it
  std::string base_path_;  // begins and ends with '/'
  std::unique_ptr<Client> client_;
};

// True when `source` starts with "http://" or "https://".
bool is_url(const std::string& source);

// An HttpSource for a URL, else a FolderSource over fs. Null with *err when
// the URL is malformed or the folder does not exist.
std::unique_ptr<MirrorSource> open_mirror_source(const std::string& source, const FileSystem& fs,
                                                 std::string* err);

}  // namespace agora
