// Findings 3 and 4: `agora mirror` against a hostile server and a planted
// staging folder. The servers are local, started by each test.
#include <doctest/doctest.h>
#include <httplib.h>

#include <atomic>
#include <thread>

#include "output/manifest.h"
#include "output/mirror.h"
#include "output/mirror_source.h"
#include "output/sha256.h"
#include "security_site.h"

using namespace agora;
using namespace agora::testing;

namespace {

// An HTTP server on 127.0.0.1 and a free port, stopped when it goes out of
// scope.
class HostileServer {
 public:
  HostileServer() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~HostileServer() {
    server_.stop();
    thread_.join();
  }
  httplib::Server& server() { return server_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
  int port() const { return port_; }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
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
