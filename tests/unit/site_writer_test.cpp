#include "output/site_writer.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "output/manifest.h"
#include "output/sha256.h"
#include "output_test_util.h"

using namespace agora;
using agora::MemoryFileSystem;
using agora::testing::compressible_text;
using agora::testing::RecordingFileSystem;
using agora::testing::TempDir;

namespace {

SiteFiles sample_site() {
  return {
      {"index.html", compressible_text(3000, 1)},
      {"case-studies/a/index.html", compressible_text(3000, 2)},
      {"case-studies/b/index.html", compressible_text(3000, 3)},
      {"robots.txt", "User-agent: *\n"},
      {"img/logo.png", "\x89PNG not really"},
  };
}

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> list(const MemoryFileSystem& mem) {
  std::vector<std::string> out;
  for (const auto& [path, _] : mem.files()) out.push_back(path);
  return out;
}

}  // namespace

TEST_CASE("first write puts files, compressed copies and the manifest in out_dir") {
  MemoryFileSystem mem;
  WriteReport report;
  std::string err;
  REQUIRE(write_site(mem, "public", sample_site(), WriteOptions{}, &report, &err));
  CHECK(list(mem) == std::vector<std::string>{
                         "public/case-studies/a/index.html",
                         "public/case-studies/a/index.html.br",
                         "public/case-studies/a/index.html.gz",
                         "public/case-studies/b/index.html",
                         "public/case-studies/b/index.html.br",
                         "public/case-studies/b/index.html.gz",
                         "public/img/logo.png",
                         "public/index.html",
                         "public/index.html.br",
                         "public/index.html.gz",
                         "public/manifest.json",
                         "public/robots.txt",
                     });
  CHECK(report.files == 12);
  CHECK(report.written == 12);
  CHECK(report.unchanged == 0);
  CHECK(report.deleted == 0);

  std::string json;
  REQUIRE(mem.read_file("public/manifest.json", &json, &err));
  std::vector<ManifestEntry> entries;
  REQUIRE(parse_manifest(json, &entries, &err));
  REQUIRE(entries.size() == 11);
  for (const ManifestEntry& e : entries) {
    std::string bytes;
    REQUIRE(mem.read_file("public/" + e.path, &bytes, &err));
    CHECK(e.bytes == bytes.size());
    CHECK(e.sha256 == sha256_hex(bytes));
  }
}

TEST_CASE("a rewrite writes only the changed file, its copies and the manifest") {
  MemoryFileSystem mem;
  std::string err;
  SiteFiles site = sample_site();
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));

  RecordingFileSystem fs(&mem);
  site["case-studies/a/index.html"] = compressible_text(3000, 99);
  WriteReport report;
  REQUIRE(write_site(fs, "public", site, WriteOptions{}, &report, &err));
  CHECK(sorted(fs.writes) == std::vector<std::string>{
                                 "public.staging/case-studies/a/index.html",
                                 "public.staging/case-studies/a/index.html.br",
                                 "public.staging/case-studies/a/index.html.gz",
                                 "public.staging/manifest.json",
                             });
  CHECK(report.written == 4);
  CHECK(report.unchanged == 8);
  std::string got;
  REQUIRE(mem.read_file("public/case-studies/a/index.html", &got, &err));
  CHECK(got == site["case-studies/a/index.html"]);
  CHECK_FALSE(mem.exists("public.staging"));
  CHECK_FALSE(mem.exists("public.old"));

  fs.writes.clear();
  REQUIRE(write_site(fs, "public", site, WriteOptions{}, &report, &err));
  CHECK(fs.writes.empty());
  CHECK(report.unchanged == 12);
}

TEST_CASE("files of removed pages disappear") {
  MemoryFileSystem mem;
  std::string err;
  SiteFiles site = sample_site();
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
  site.erase("case-studies/b/index.html");
  WriteReport report;
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, &report, &err));
  CHECK(report.deleted == 3);
  CHECK_FALSE(mem.exists("public/case-studies/b/index.html"));
  CHECK_FALSE(mem.exists("public/case-studies/b/index.html.gz"));
  CHECK_FALSE(mem.exists("public/case-studies/b/index.html.br"));
  CHECK(mem.exists("public/case-studies/a/index.html"));
}

TEST_CASE("a write failing halfway leaves out_dir exactly as before") {
  MemoryFileSystem mem;
  std::string err;
  SiteFiles site = sample_site();
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
  const auto before = mem.files();

  for (const char* page :
       {"case-studies/a/index.html", "case-studies/b/index.html", "index.html"}) {
    site[page] = compressible_text(3000, 500 + static_cast<int>(site.size()));
  }
  site["new/index.html"] = "new page";
  for (size_t n = 1; n <= 5; ++n) {
    CAPTURE(n);
    RecordingFileSystem fs(&mem);
    fs.fail_at_write = n;
    err.clear();
    CHECK_FALSE(write_site(fs, "public", site, WriteOptions{}, nullptr, &err));
    CHECK(err.rfind("injected failure writing public.staging/", 0) == 0);
    CHECK(mem.files() == before);
  }
}

TEST_CASE("a failing swap puts the old site back and removes staging") {
  struct FailingRename : RecordingFileSystem {
    using RecordingFileSystem::RecordingFileSystem;
    bool rename(const std::string& from, const std::string& to, std::string* err) override {
      if (from == "public.staging") {
        *err = "injected rename failure";
        return false;
      }
      return RecordingFileSystem::rename(from, to, err);
    }
  };
  MemoryFileSystem mem;
  std::string err;
  SiteFiles site = sample_site();
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
  const auto before = mem.files();
  site["index.html"] = "changed";
  FailingRename fs(&mem);
  CHECK_FALSE(write_site(fs, "public", site, WriteOptions{}, nullptr, &err));
  CHECK(err == "injected rename failure");
  CHECK(mem.files() == before);
}

TEST_CASE("a run that died between the two renames is repaired") {
  MemoryFileSystem mem;
  std::string err;
  SiteFiles site = sample_site();
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
  REQUIRE(mem.rename("public", "public.old", &err));  // the crash point
  mem.write_file("public.staging/half.html", "half", &err);
  WriteReport report;
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, &report, &err));
  CHECK(report.unchanged == 12);
  CHECK_FALSE(mem.exists("public.old"));
  CHECK_FALSE(mem.exists("public/half.html"));
}

TEST_CASE("bad paths and a renderer manifest.json are refused") {
  MemoryFileSystem mem;
  std::string err;
  CHECK_FALSE(write_site(mem, "public", {{"../escape.html", "x"}}, WriteOptions{}, nullptr, &err));
  CHECK(err == "cannot write \"../escape.html\": not a safe relative path");
  CHECK_FALSE(write_site(mem, "public", {{"manifest.json", "x"}}, WriteOptions{}, nullptr, &err));
  CHECK(err == "cannot write manifest.json: the output stage writes it");
  CHECK(mem.files().empty());
}

TEST_CASE("a folder that is not a previous output is not replaced") {
  MemoryFileSystem mem;
  std::string err;
  mem.write_file("home/thesis.tex", "years of work", &err);
  CHECK_FALSE(write_site(mem, "home", sample_site(), WriteOptions{}, nullptr, &err));
  CHECK(err ==
        "home exists and is not a site written by agora (no manifest.json); "
        "refusing to replace it");
  CHECK(mem.files().size() == 1);
}

TEST_CASE("precompression can be turned off") {
  MemoryFileSystem mem;
  std::string err;
  WriteOptions opts;
  opts.precompress = false;
  REQUIRE(write_site(mem, "public", sample_site(), opts, nullptr, &err));
  CHECK(mem.files().size() == 6);
}

TEST_CASE("on disk, unchanged files keep their inode and mtime across rewrites") {
  TempDir tmp;
  agora::RealFileSystem real;
  std::string out = tmp.path() + "/public", err;
  SiteFiles site = sample_site();
  WriteOptions opts;
  opts.cache_dir = tmp.path() + "/cache";
  REQUIRE(write_site(real, out, site, opts, nullptr, &err));

  auto stat_of = [](const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st;
  };
  struct stat kept_before = stat_of(out + "/case-studies/b/index.html");
  struct stat kept_gz_before = stat_of(out + "/case-studies/b/index.html.gz");
  struct stat changed_before = stat_of(out + "/case-studies/a/index.html");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));

  site["case-studies/a/index.html"] = compressible_text(3000, 42);
  site.erase("robots.txt");
  WriteReport report;
  REQUIRE(write_site(real, out, site, opts, &report, &err));
  CHECK(report.written == 4);
  CHECK(report.deleted == 1);
  CHECK(report.precompress.cache_hits == 4);
  CHECK(report.precompress.compressed == 2);

  struct stat kept_after = stat_of(out + "/case-studies/b/index.html");
  struct stat kept_gz_after = stat_of(out + "/case-studies/b/index.html.gz");
  struct stat changed_after = stat_of(out + "/case-studies/a/index.html");
  CHECK(kept_after.st_ino == kept_before.st_ino);
  CHECK(kept_after.st_mtim.tv_sec == kept_before.st_mtim.tv_sec);
  CHECK(kept_after.st_mtim.tv_nsec == kept_before.st_mtim.tv_nsec);
  CHECK(kept_after.st_nlink == 1);
  CHECK(kept_gz_after.st_ino == kept_gz_before.st_ino);
  CHECK(changed_after.st_ino != changed_before.st_ino);
  CHECK_FALSE(real.exists(out + "/robots.txt"));
  CHECK_FALSE(real.exists(out + ".staging"));
  CHECK_FALSE(real.exists(out + ".old"));
}
