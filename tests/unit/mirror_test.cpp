#include "output/mirror.h"

#include <doctest/doctest.h>
#include <httplib.h>

#include <chrono>
#include <sstream>
#include <thread>

#include "output/mirror_source.h"
#include "output/site_writer.h"
#include "output_test_util.h"

using namespace agora;
using agora::MemoryFileSystem;
using agora::testing::compressible_text;
using agora::testing::RecordingFileSystem;
using agora::testing::SwapSteps;
using agora::testing::TempDir;

namespace {

// Counts fetches per path and fails every fetch after `fail_after` of them.
class CountingSource : public MirrorSource {
 public:
  explicit CountingSource(MirrorSource& target) : target_(target) {}
  bool fetch(const std::string& path, uint64_t max_bytes, std::string* bytes,
             std::string* err) override {
    if (fail_after != SIZE_MAX && fetched.size() >= fail_after) {
      *err = "injected: connection lost";
      return false;
    }
    if (path != "manifest.json") fetched.push_back(path);
    return target_.fetch(path, max_bytes, bytes, err);
  }
  std::string describe() const override { return target_.describe(); }
  std::vector<std::string> fetched;
  size_t fail_after = SIZE_MAX;

 private:
  MirrorSource& target_;
};

SiteFiles version1() {
  SiteFiles site;
  for (int i = 0; i < 6; ++i) {
    site["case-studies/cs" + std::to_string(i) + "/index.html"] = compressible_text(500, i);
  }
  site["index.html"] = "home v1";
  site["robots.txt"] = "User-agent: *\n";
  return site;
}

void build(agora::FileSystem& fs, const std::string& dir, const SiteFiles& site) {
  std::string err;
  WriteOptions opts;
  opts.precompress = false;
  REQUIRE_MESSAGE(write_site(fs, dir, site, opts, nullptr, &err), err);
}

std::map<std::string, std::string> tree(const MemoryFileSystem& mem, const std::string& dir) {
  std::map<std::string, std::string> out;
  std::string err;
  for (const std::string& path : mem.list_files(dir)) {
    mem.read_file(dir + "/" + path, &out[path], &err);
  }
  return out;
}

}  // namespace

TEST_CASE("mirror copies a site, then only what changed, and deletes what is gone") {
  MemoryFileSystem mem;
  build(mem, "src", version1());
  FolderSource folder(mem, "src");
  CountingSource source(folder);
  MirrorReport report;
  std::string err;
  REQUIRE_MESSAGE(mirror_from(source, mem, "dest", MirrorOptions{}, &report, &err), err);
  CHECK(tree(mem, "dest") == tree(mem, "src"));
  CHECK(source.fetched.size() == 8);
  CHECK(report.files == 8);
  CHECK(report.fetched == 8);
  CHECK(report.kept == 0);

  SiteFiles v2 = version1();
  v2["index.html"] = "home v2";
  v2["case-studies/cs3/index.html"] = "changed";
  v2["case-studies/new/index.html"] = "new";
  v2.erase("case-studies/cs5/index.html");
  build(mem, "src", v2);
  source.fetched.clear();
  std::vector<MirrorProgress> progress;
  MirrorOptions opts;
  opts.on_progress = [&](const MirrorProgress& p) { progress.push_back(p); };
  REQUIRE_MESSAGE(mirror_from(source, mem, "dest", opts, &report, &err), err);
  CHECK(tree(mem, "dest") == tree(mem, "src"));
  CHECK(source.fetched == std::vector<std::string>{"case-studies/cs3/index.html",
                                                   "case-studies/new/index.html", "index.html"});
  CHECK(report.fetched == 3);
  CHECK(report.kept == 5);
  CHECK(report.deleted == 1);
  CHECK(report.bytes_fetched == 7 + 3 + 7);
  REQUIRE(progress.size() == 4);
  CHECK(progress.back().files_done == 8);
  CHECK(progress.back().files_total == 8);
  CHECK(progress.back().bytes_fetched == 17);
  CHECK(progress.back().bytes_to_fetch == 17);
  CHECK_FALSE(mem.exists("dest.staging"));
  CHECK_FALSE(mem.exists("dest.old"));
}

TEST_CASE("mirror detects a corrupted file in DEST and fetches it again") {
  MemoryFileSystem mem;
  build(mem, "src", version1());
  FolderSource folder(mem, "src");
  CountingSource source(folder);
  std::string err;
  REQUIRE(mirror_from(source, mem, "dest", MirrorOptions{}, nullptr, &err));
  mem.write_file("dest/case-studies/cs2/index.html", "bit rot", &err);
  source.fetched.clear();
  MirrorReport report;
  REQUIRE(mirror_from(source, mem, "dest", MirrorOptions{}, &report, &err));
  CHECK(source.fetched == std::vector<std::string>{"case-studies/cs2/index.html"});
  CHECK(report.repaired == 1);
  CHECK(tree(mem, "dest") == tree(mem, "src"));
}

TEST_CASE("an interrupted mirror leaves DEST at the old version and resumes") {
  MemoryFileSystem mem;
  build(mem, "src", version1());
  FolderSource folder(mem, "src");
  CountingSource source(folder);
  std::string err;
  REQUIRE(mirror_from(source, mem, "dest", MirrorOptions{}, nullptr, &err));
  const auto old_dest = tree(mem, "dest");

  SiteFiles v2 = version1();
  for (int i = 0; i < 6; ++i) v2["case-studies/cs" + std::to_string(i) + "/index.html"] += " v2";
  build(mem, "src", v2);

  source.fetched.clear();
  source.fail_after = 4;
  MirrorReport report;
  CHECK_FALSE(mirror_from(source, mem, "dest", MirrorOptions{}, &report, &err));
  CHECK(err == "injected: connection lost");
  CHECK(report.fetched == 4);
  CHECK(tree(mem, "dest") == old_dest);
  CHECK(mem.exists("dest.staging"));

  // A staged file damaged while we were away is re-verified and refetched.
  mem.write_file("dest.staging/case-studies/cs0/index.html", "torn write", &err);

  source.fetched.clear();
  source.fail_after = SIZE_MAX;
  REQUIRE_MESSAGE(mirror_from(source, mem, "dest", MirrorOptions{}, &report, &err), err);
  CHECK(source.fetched == std::vector<std::string>{"case-studies/cs0/index.html",
                                                   "case-studies/cs4/index.html",
                                                   "case-studies/cs5/index.html"});
  // cs1-cs3 were fetched, index.html and robots.txt linked, before the cut.
  CHECK(report.resumed == 5);
  CHECK(report.kept == 0);
  CHECK(tree(mem, "dest") == tree(mem, "src"));
  CHECK_FALSE(mem.exists("dest.staging"));
}

TEST_CASE("mirror refuses a file whose sha256 does not match the manifest") {
  MemoryFileSystem mem;
  build(mem, "src", version1());
  std::string err;
  // As long as the original, so the size check passes and the hash is what fails.
  mem.write_file("src/index.html", "hacked!", &err);
  FolderSource source(mem, "src");
  MirrorReport report;
  CHECK_FALSE(mirror_from(source, mem, "dest", MirrorOptions{}, &report, &err));
  CHECK(err.rfind("index.html: fetched 7 bytes with sha256 ", 0) == 0);
  CHECK_FALSE(mem.exists("dest"));
}

namespace {

// SRC built at version1() and mirrored into DEST, on disk.
struct MirroredOnDisk {
  TempDir tmp;
  agora::RealFileSystem real;
  std::string src = tmp.path() + "/src", dest = tmp.path() + "/dest", err;
  MirrorOptions opts;
  MirroredOnDisk() {
    build(real, src, version1());
    opts.fs = &real;
    REQUIRE_MESSAGE(mirror_site(src, dest, opts, nullptr, &err), err);
  }
};

}  // namespace

TEST_CASE_FIXTURE(MirroredOnDisk,
                  "an interrupted mirror over a real file system never changes DEST") {
  SiteFiles v2 = version1();
  v2["index.html"] = "home v2";
  v2["robots.txt"] = "changed";
  build(real, src, v2);
  RecordingFileSystem failing(&real);
  failing.fail_at_write = 2;
  opts.fs = &failing;
  CHECK_FALSE(mirror_site(src, dest, opts, nullptr, &err));
  std::string home;
  REQUIRE(real.read_file(dest + "/index.html", &home, &err));
  CHECK(home == "home v1");

  // The staged links into DEST were never written through: DEST is intact.
  opts.fs = &real;
  MirrorReport report;
  REQUIRE_MESSAGE(mirror_site(src, dest, opts, &report, &err), err);
  CHECK(report.resumed == 7);
  CHECK(report.fetched == 1);
  REQUIRE(real.read_file(dest + "/robots.txt", &home, &err));
  CHECK(home == "changed");
}

TEST_CASE_FIXTURE(
    MirroredOnDisk,
    "a mirror killed after the exchange leaves the replaced tree as staging: the next resumes") {
  SiteFiles v2 = version1();
  v2["index.html"] = "home v2";
  build(real, src, v2);
  // The kill point: the replaced tree is never removed.
  SwapSteps killed(&real);
  killed.fail_remove = dest + ".staging";
  opts.fs = &killed;
  REQUIRE_MESSAGE(mirror_site(src, dest, opts, nullptr, &err), err);
  std::string bytes;
  REQUIRE(real.read_file(dest + ".staging/index.html", &bytes, &err));
  REQUIRE(bytes == "home v1");

  // Its files are checked, not trusted; those that are DEST's (hard links)
  // are removed, never written through: a run that fails at the swap
  // leaves DEST as it was.
  SiteFiles v3 = v2;
  v3["robots.txt"] = "changed";
  build(real, src, v3);
  SwapSteps failing(&real);
  failing.exchange_gives = ExchangeResult::kFailed;
  opts.fs = &failing;
  CHECK_FALSE(mirror_site(src, dest, opts, nullptr, &err));
  REQUIRE(real.read_file(dest + "/robots.txt", &bytes, &err));
  CHECK(bytes == "User-agent: *\n");

  opts.fs = &real;
  MirrorReport report;
  REQUIRE_MESSAGE(mirror_site(src, dest, opts, &report, &err), err);
  CHECK(report.fetched == 0);
  for (const auto& [path, text] : v3) {
    CAPTURE(path);
    REQUIRE(real.read_file(dest + "/" + path, &bytes, &err));
    CHECK(bytes == text);
  }
  CHECK_FALSE(real.exists(dest + ".staging"));
  CHECK_FALSE(real.exists(dest + ".old"));
}

TEST_CASE("mirror over HTTP from an in-process server on the loopback") {
  TempDir tmp;
  agora::RealFileSystem real;
  std::string src = tmp.path() + "/src", dest = tmp.path() + "/dest", err;
  SiteFiles site = version1();
  site["odd name #1?.html"] = "needs percent-encoding";
  build(real, src, site);

  httplib::Server server;
  REQUIRE(server.set_mount_point("/a/deep/prefix", src));
  int port = server.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::thread thread([&] { server.listen_after_bind(); });
  while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  std::ostringstream lines;
  MirrorOptions opts;
  opts.fs = &real;
  opts.progress_out = &lines;
  MirrorReport report;
  std::string url = "http://127.0.0.1:" + std::to_string(port) + "/a/deep/prefix/";
  bool ok = mirror_site(url, dest, opts, &report, &err);
  std::string missing_err;
  bool missing = mirror_site("http://127.0.0.1:" + std::to_string(port) + "/nothing/",
                             tmp.path() + "/d2", opts, nullptr, &missing_err);
  server.stop();
  thread.join();

  REQUIRE_MESSAGE(ok, err);
  CHECK(report.fetched == 9);
  std::string got;
  REQUIRE(real.read_file(dest + "/odd name #1?.html", &got, &err));
  CHECK(got == "needs percent-encoding");
  CHECK(lines.str().find("mirror: 9/9 files, ") != std::string::npos);
  CHECK_FALSE(missing);
  CHECK(missing_err ==
        "GET http://127.0.0.1:" + std::to_string(port) + "/nothing/manifest.json: HTTP 404");
}

TEST_CASE("mirror does not replace a folder that is not a site") {
  MemoryFileSystem mem;
  build(mem, "src", version1());
  std::string err;
  mem.write_file("docs/notes.txt", "mine", &err);
  FolderSource source(mem, "src");
  CHECK_FALSE(mirror_from(source, mem, "docs", MirrorOptions{}, nullptr, &err));
  CHECK(err ==
        "docs exists and is not a site written by agora (no manifest.json); "
        "refusing to replace it");
  CHECK(tree(mem, "docs") == std::map<std::string, std::string>{{"notes.txt", "mine"}});
}

TEST_CASE("mirror sources are chosen from the argument") {
  MemoryFileSystem mem;
  std::string err;
  CHECK(open_mirror_source("nowhere", mem, &err) == nullptr);
  CHECK(err == "source folder does not exist: nowhere");
  CHECK(open_mirror_source("ftp://x", mem, &err) == nullptr);
  CHECK(open_mirror_source("http://", mem, &err) == nullptr);
  CHECK(err == "URL has no host: http://");
  CHECK(open_mirror_source("http://127.0.0.1:1/x", mem, &err) != nullptr);
  // Debian's cpp-httplib is built with OpenSSL, so https sources open too.
  CHECK(open_mirror_source("https://127.0.0.1:1/x", mem, &err) != nullptr);
}
