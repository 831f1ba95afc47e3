// Findings 3 and 4: `agora mirror` against a hostile server and a planted
// staging folder. The servers are local, started by each test.
#include <doctest/doctest.h>
#include <httplib.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <thread>

#include "output/manifest.h"
#include "output/mirror.h"
#include "output/mirror_source.h"
#include "security_site.h"
#include "util/sha256.h"

using namespace agora;
using namespace agora::testing;

namespace {

// An HTTP server (or an HTTPS one, given an httplib::SSLServer) on
// 127.0.0.1 and a free port, stopped when it goes out of scope.
class HostileServer {
 public:
  explicit HostileServer(std::unique_ptr<httplib::Server> server = nullptr,
                         std::string scheme = "http")
      : server_(server ? std::move(server) : std::make_unique<httplib::Server>()),
        scheme_(std::move(scheme)) {
    port_ = server_->bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    while (!server_->is_running()) std::this_thread::yield();
  }
  ~HostileServer() {
    server_->stop();
    thread_.join();
  }
  httplib::Server& server() { return *server_; }
  std::string url() const { return scheme_ + "://127.0.0.1:" + std::to_string(port_) + "/"; }
  int port() const { return port_; }

 private:
  std::unique_ptr<httplib::Server> server_;
  std::string scheme_;
  int port_ = 0;
  std::thread thread_;
};

// A self-signed certificate for 127.0.0.1, made in memory, and the PEM file
// of it that the mirror's client is told to trust (SSL_CERT_FILE, read by
// OpenSSL's default verify paths) while this object lives.
class TestCertificate {
 public:
  explicit TestCertificate(const std::string& pem_path) {
    key_ = EVP_EC_gen("P-256");
    cert_ = X509_new();
    X509_set_version(cert_, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert_), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert_), -3600);
    X509_gmtime_adj(X509_getm_notAfter(cert_), 3600);
    X509_set_pubkey(cert_, key_);
    X509_NAME* name = X509_get_subject_name(cert_);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("127.0.0.1"), -1, -1, 0);
    X509_set_issuer_name(cert_, name);
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert_, cert_, nullptr, nullptr, 0);
    X509_EXTENSION* san = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, "IP:127.0.0.1");
    X509_add_ext(cert_, san, -1);
    X509_EXTENSION_free(san);
    X509_sign(cert_, key_, EVP_sha256());
    BIO* bio = BIO_new_file(pem_path.c_str(), "w");
    PEM_write_bio_X509(bio, cert_);
    BIO_free(bio);
    setenv("SSL_CERT_FILE", pem_path.c_str(), 1);
  }
  ~TestCertificate() {
    unsetenv("SSL_CERT_FILE");
    X509_free(cert_);
    EVP_PKEY_free(key_);
  }
  TestCertificate(const TestCertificate&) = delete;
  TestCertificate& operator=(const TestCertificate&) = delete;

  std::unique_ptr<httplib::Server> server() const {
    return std::make_unique<httplib::SSLServer>(cert_, key_);
  }

 private:
  EVP_PKEY* key_ = nullptr;
  X509* cert_ = nullptr;
};

std::string manifest_for(const std::string& path, uint64_t bytes, const std::string& content) {
  std::string json;
  std::string err;
  manifest_json({{path, bytes, sha256_hex(content)}}, &json, &err);
  return json;
}

// Serves `total` bytes of 'x' in 64 KB chunks, counting what went out.
void serve_flood(httplib::Server& server, const std::string& path, uint64_t total,
                 std::atomic<uint64_t>* sent) {
  server.Get(path, [total, sent](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/html", [total, sent](size_t, httplib::DataSink& sink) {
      static const std::string chunk(64 << 10, 'x');
      if (total != 0 && *sent >= total) {
        sink.done();
        return true;
      }
      if (!sink.write(chunk.data(), chunk.size())) return false;
      *sent += chunk.size();
      return true;
    });
  });
}

bool mirror(const std::string& url, const std::string& dest, std::string* err) {
  MirrorReport report;
  return mirror_site(url, dest, MirrorOptions{}, &report, err);
}

}  // namespace

TEST_CASE("finding 3: a file larger than its manifest entry is cut off at that size") {
  HostileServer host;
  std::atomic<uint64_t> sent{0};
  host.server().Get("/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(manifest_for("index.html", 10, "0123456789"), "application/json");
  });
  serve_flood(host.server(), "/index.html", 400ull << 20, &sent);
  TempDir tmp;
  std::string err;
  CHECK_FALSE(mirror(host.url(), tmp.path() + "/dest", &err));
  CHECK(err == "GET " + host.url() +
                   "index.html: the server sent more than the 10 bytes expected; transfer stopped");
  // The client hung up at once: far less than the 400 MB went out.
  CHECK(sent.load() < (32ull << 20));
}

TEST_CASE("finding 3: an endless chunked body is cut off") {
  HostileServer host;
  std::atomic<uint64_t> sent{0};
  host.server().Get("/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(manifest_for("index.html", 1000, std::string(1000, 'x')), "application/json");
  });
  serve_flood(host.server(), "/index.html", 0, &sent);
  TempDir tmp;
  std::string err;
  CHECK_FALSE(mirror(host.url(), tmp.path() + "/dest", &err));
  CHECK(err == "GET " + host.url() +
                   "index.html: the server sent more than the 1000 bytes expected; transfer "
                   "stopped");
}

TEST_CASE("finding 3: manifest.json itself has a size cap") {
  HostileServer host;
  std::atomic<uint64_t> sent{0};
  serve_flood(host.server(), "/manifest.json", 0, &sent);
  TempDir tmp;
  std::string err;
  CHECK_FALSE(mirror(host.url(), tmp.path() + "/dest", &err));
  CHECK(err == "GET " + host.url() + "manifest.json: the server sent more than the " +
                   std::to_string(kManifestMaxBytes) + " bytes expected; transfer stopped");
  CHECK(sent.load() < kManifestMaxBytes + (32ull << 20));
}

TEST_CASE("finding 3: redirects to another host are refused, within the host followed") {
  HostileServer host, other;
  other.server().Get("/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(manifest_for("index.html", 3, "abc"), "application/json");
  });
  host.server().Get("/manifest.json", [&other](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(other.url() + "manifest.json");
  });
  TempDir tmp;
  std::string err;
  CHECK_FALSE(mirror(host.url(), tmp.path() + "/dest", &err));
  CHECK(err == "GET " + host.url() + "manifest.json: redirect to '" + other.url() +
                   "manifest.json' refused: a mirror follows redirects only within " +
                   host.url().substr(0, host.url().size() - 1));

  // Same host: followed.
  HostileServer moved;
  moved.server().Get("/old/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/new/manifest.json");
  });
  moved.server().Get("/new/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(manifest_for("index.html", 3, "abc"), "application/json");
  });
  moved.server().Get("/old/index.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("abc", "text/html");
  });
  CHECK(mirror(moved.url() + "old/", tmp.path() + "/dest", &err));
  CHECK(std::filesystem::file_size(tmp.path() + "/dest/index.html") == 3);
}

TEST_CASE("finding 3: a redirect from https to http is refused, within https followed") {
  TempDir tmp;
  TestCertificate certificate(tmp.path() + "/cert.pem");
  HostileServer secure(certificate.server(), "https"), plain;
  plain.server().Get("/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(manifest_for("index.html", 3, "abc"), "application/json");
  });
  plain.server().Get("/index.html", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("abc", "text/html");
  });
  secure.server().Get("/old/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/manifest.json");
  });
  secure.server().Get("/manifest.json", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(manifest_for("index.html", 3, "abc"), "application/json");
  });
  secure.server().Get("/old/index.html", [&plain](const httplib::Request&, httplib::Response& res) {
    res.set_redirect(plain.url() + "index.html");
  });
  std::string err;
  CHECK_FALSE(mirror(secure.url() + "old/", tmp.path() + "/dest", &err));
  // The manifest came over https through a redirect within the origin; the
  // page's redirect to http was refused.
  CHECK(err == "GET " + secure.url() + "old/index.html: redirect to '" + plain.url() +
                   "index.html' refused: a mirror follows redirects only within " +
                   secure.url().substr(0, secure.url().size() - 1));
  CHECK_FALSE(std::filesystem::exists(tmp.path() + "/dest/index.html"));
}

TEST_CASE("finding 4: a link planted in DEST.staging is never deleted or written through") {
  TempDir tmp;
  RealFileSystem real;
  std::string err, src = tmp.path() + "/src", dest = tmp.path() + "/dest";
  real.write_file(src + "/dir/page.html", "new page", &err);
  real.write_file(src + "/manifest.json", manifest_for("dir/page.html", 8, "new page"), &err);
  // Outside DEST: a file the planted link points at.
  real.write_file(tmp.path() + "/victim/page.html", "precious", &err);
  std::filesystem::create_directories(dest + ".staging");
  std::filesystem::create_symlink(tmp.path() + "/victim", dest + ".staging/dir");
  MirrorReport report;
  REQUIRE(mirror_site(src, dest, MirrorOptions{}, &report, &err));
  std::string bytes;
  real.read_file(tmp.path() + "/victim/page.html", &bytes, &err);
  CHECK(bytes == "precious");
  real.read_file(dest + "/dir/page.html", &bytes, &err);
  CHECK(bytes == "new page");
  CHECK_FALSE(std::filesystem::is_symlink(dest + "/dir"));
}
