#include "output/site_writer.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include "output/manifest.h"
#include "output_test_util.h"
#include "util/confined_file_system.h"
#include "util/sha256.h"

using namespace agora;
using agora::MemoryFileSystem;
using agora::testing::compressible_text;
using agora::testing::RecordingFileSystem;
using agora::testing::SwapSteps;
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
  // The replaced tree is kept for the next build to recycle.
  CHECK(mem.exists("public.old/index.html"));

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
  MemoryFileSystem mem;
  std::string err;
  SiteFiles site = sample_site();
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
  const auto before = mem.files();
  site["index.html"] = "changed";
  SwapSteps fs(&mem);
  SUBCASE("the exchange fails") {
    fs.exchange_gives = ExchangeResult::kFailed;
    CHECK_FALSE(write_site(fs, "public", site, WriteOptions{}, nullptr, &err));
    CHECK(err == "injected: exchange failed");
  }
  SUBCASE("without exchange, the rename in fails: the rename away is undone") {
    fs.exchange_gives = ExchangeResult::kUnsupported;
    fs.fail_rename_from = "public.staging";
    CHECK_FALSE(write_site(fs, "public", site, WriteOptions{}, nullptr, &err));
    CHECK(err == "injected: rename failed");
  }
  CHECK(mem.files() == before);
}

TEST_CASE("a run that died between the two renames (no exchange) is repaired") {
  MemoryFileSystem mem;
  std::string err;
  SiteFiles site = sample_site();
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
  REQUIRE(mem.rename("public", "public.old", &err));  // the crash point
  mem.write_file("public.staging/half.html", "half", &err);
  WriteReport report;
  REQUIRE(write_site(mem, "public", site, WriteOptions{}, &report, &err));
  CHECK(report.unchanged == 12);
  CHECK(mem.files().at("public.old/index.html") == site["index.html"]);
  CHECK_FALSE(mem.exists("public/half.html"));
  CHECK_FALSE(mem.exists("public.staging"));
}

namespace {

// What write_site does, with the trees surveyed before the writer opens, as
// a build surveys them while its site loads.
bool write_surveyed(FileSystem& fs, const std::string& out_dir, const SiteFiles& files,
                    WriteReport* report, std::string* err) {
  OutputSurvey survey = survey_output(fs, out_dir);
  SiteWriter writer(fs, out_dir, WriteOptions{});
  if (writer.open(&survey) && writer.add(files) && writer.commit(report)) return true;
  *err = writer.error();
  return false;
}

}  // namespace

TEST_CASE("a survey made before the writer opens serves it as its own would") {
  std::string err;
  SiteFiles site = sample_site();
  SUBCASE("a rebuild recycles the kept tree") {
    MemoryFileSystem surveyed, own;
    for (MemoryFileSystem* mem : {&surveyed, &own}) {
      REQUIRE(write_site(*mem, "public", site, WriteOptions{}, nullptr, &err));
      REQUIRE(write_site(*mem, "public", site, WriteOptions{}, nullptr, &err));
    }
    site["index.html"] = compressible_text(3000, 9);
    WriteReport from_survey, from_own;
    REQUIRE(write_surveyed(surveyed, "public", site, &from_survey, &err));
    REQUIRE(write_site(own, "public", site, WriteOptions{}, &from_own, &err));
    CHECK(surveyed.files() == own.files());
    CHECK(from_survey.unchanged == from_own.unchanged);
    CHECK(from_survey.written == from_own.written);
  }
  SUBCASE("a run that died between the two renames is repaired") {
    MemoryFileSystem mem;
    REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
    REQUIRE(mem.rename("public", "public.old", &err));  // the crash point
    mem.write_file("public.staging/half.html", "half", &err);
    WriteReport report;
    REQUIRE(write_surveyed(mem, "public", site, &report, &err));
    CHECK(report.unchanged == 12);
    CHECK(mem.files().at("public.old/index.html") == site["index.html"]);
    CHECK_FALSE(mem.exists("public/half.html"));
    CHECK_FALSE(mem.exists("public.staging"));
  }
  SUBCASE("a folder that is not a previous output is not replaced") {
    MemoryFileSystem mem;
    mem.write_file("home/thesis.tex", "years of work", &err);
    CHECK_FALSE(write_surveyed(mem, "home", site, nullptr, &err));
    CHECK(err ==
          "home exists and is not a site written by agora (no manifest.json); "
          "refusing to replace it");
    CHECK(mem.files().size() == 1);
  }
  SUBCASE("nor is a \".old\" that is not one") {
    MemoryFileSystem mem;
    REQUIRE(write_site(mem, "public", site, WriteOptions{}, nullptr, &err));
    mem.write_file("public.old/thesis.tex", "years of work", &err);
    CHECK_FALSE(write_surveyed(mem, "public", site, nullptr, &err));
    CHECK(err ==
          "public.old exists and is not a previous output of agora (no manifest.json); "
          "move it away: the update needs that name");
    CHECK(mem.exists("public.old/thesis.tex"));
  }
}

TEST_CASE("a previous output is a folder its manifest lists whole") {
  const std::string sha = std::string(64, 'a');
  std::string manifest, err;
  REQUIRE(manifest_json({{"b.html", 1, sha}, {"d/e.html", 1, sha}}, &manifest, &err));
  struct Case {
    std::vector<std::string> files;
    std::string why;  // empty: a previous output
  };
  for (const Case& c : std::vector<Case>{
           {{"b.html", "d/e.html"}, ""},
           {{"b.html"}, ""},  // a file listed and gone is no harm
           {{"a.html", "b.html", "d/e.html"}, "its manifest.json does not list a.html"},
           {{"b.html", "c.html", "d/e.html"}, "its manifest.json does not list c.html"},
           {{"b.html", "d/e.html", "z.html"}, "its manifest.json does not list z.html"},
           {{"b.html", "c.html", "z.html"}, "its manifest.json does not list c.html"},
       }) {
    CAPTURE(c.files.size());
    MemoryFileSystem mem;
    mem.write_file("out/manifest.json", manifest, &err);
    for (const std::string& file : c.files) mem.write_file("out/" + file, "x", &err);
    std::string why;
    CHECK(is_previous_output(mem, "out", &why) == c.why.empty());
    CHECK(why == c.why);
  }
  MemoryFileSystem mem;
  mem.write_file("out/manifest.json", "{\"files\":[{\"path\":\"b\"}]}", &err);
  std::string why;
  CHECK_FALSE(is_previous_output(mem, "out", &why));
  CHECK(why ==
        "its manifest.json is not one agora wrote: manifest: files[0]: expected {\"path\": "
        "string, \"bytes\": unsigned, \"sha256\": string}");
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
  CHECK(kept_after.st_nlink == 2);  // out and out.old, kept for the next build
  CHECK(kept_gz_after.st_ino == kept_gz_before.st_ino);
  CHECK(changed_after.st_ino != changed_before.st_ino);
  CHECK_FALSE(real.exists(out + "/robots.txt"));
  CHECK_FALSE(real.exists(out + ".staging"));
  CHECK(real.exists(out + ".old/robots.txt"));
}

namespace {

// Every folder (with a trailing '/') and file under root, with the bytes.
std::map<std::string, std::string> tree_of(const std::string& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const std::string path = std::filesystem::relative(entry.path(), root).generic_string();
    if (entry.is_directory()) {
      out[path + "/"] = "";
    } else {
      std::string bytes, err;
      agora::RealFileSystem().read_file(entry.path().string(), &bytes, &err);
      out[path] = bytes;
    }
  }
  return out;
}

ino_t inode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_ino;
}

}  // namespace

TEST_CASE("a rebuild recycles the replaced tree in place and equals a clean build") {
  TempDir tmp;
  agora::RealFileSystem real;
  const std::string out = tmp.path() + "/public";
  std::string err;
  WriteOptions opts;
  opts.cache_dir = tmp.path() + "/cache";
  SiteFiles site = sample_site();
  site["gone/deep/index.html"] = compressible_text(2000, 8);
  REQUIRE(write_site(real, out, site, opts, nullptr, &err));
  site["index.html"] = compressible_text(3000, 9);
  REQUIRE(write_site(real, out, site, opts, nullptr, &err));
  // The first tree waits as .old; its folders become the next build's.
  const ino_t folder = inode_of(out + ".old/case-studies");
  // A file the second build kept is one inode in both trees: the third
  // build changes it, and must not write through the old tree's name.
  REQUIRE(inode_of(out + ".old/case-studies/b/index.html") ==
          inode_of(out + "/case-studies/b/index.html"));
  const std::string live_b = site["case-studies/b/index.html"];
  REQUIRE(real.hard_link(out + "/case-studies/b/index.html", tmp.path() + "/witness", &err));

  site.erase("gone/deep/index.html");
  site["case-studies/b/index.html"] = compressible_text(3000, 10);
  site["fresh/index.html"] = "fresh";
  WriteReport report;
  REQUIRE(write_site(real, out, site, opts, &report, &err));
  CHECK(inode_of(out + "/case-studies") == folder);
  std::string witness;
  REQUIRE(real.read_file(tmp.path() + "/witness", &witness, &err));
  CHECK(witness == live_b);
  CHECK(report.deleted == 3);  // the page and its two copies
  CHECK_FALSE(real.exists(out + "/gone"));

  REQUIRE(write_site(real, tmp.path() + "/clean", site, opts, nullptr, &err));
  CHECK(tree_of(out) == tree_of(tmp.path() + "/clean"));
}

namespace {

// The sample site with a file (shape/x) and a folder of pages (shape/y)...
SiteFiles shaped_site() {
  SiteFiles site = sample_site();
  site["shape/x"] = compressible_text(2000, 12);
  site["shape/y/index.html"] = compressible_text(2000, 13);
  site["shape/y/deep/index.html"] = "deep";
  return site;
}

// ...and after an edit, x a folder of pages and y a file.
void reshape(SiteFiles* site) {
  site->erase("shape/x");
  site->erase("shape/y/index.html");
  site->erase("shape/y/deep/index.html");
  (*site)["shape/x/index.html"] = compressible_text(2000, 14);
  (*site)["shape/x/other.html"] = "other";
  (*site)["shape/y"] = compressible_text(2000, 15);
}

}  // namespace

TEST_CASE(
    "a build killed after the exchange leaves the replaced tree as staging: the next removes it") {
  TempDir tmp;
  agora::RealFileSystem real;
  const std::string out = tmp.path() + "/public";
  std::string err;
  const WriteOptions opts;
  SiteFiles site = sample_site();
  REQUIRE(write_site(real, out, site, opts, nullptr, &err));
  // The kill point: the replaced tree is never renamed to .old.
  site["index.html"] = compressible_text(3000, 10);
  SwapSteps killed(&real);
  killed.fail_rename_from = out + ".staging";
  REQUIRE(write_site(killed, out, site, opts, nullptr, &err));
  REQUIRE(real.exists(out + ".staging/manifest.json"));
  REQUIRE_FALSE(real.exists(out + ".old"));
  // Its unchanged files are out's own (hard links), and are not written
  // through: a build that changes one and fails at the swap leaves out as
  // it was, and the leftover is gone.
  const auto live = tree_of(out);
  REQUIRE(inode_of(out + ".staging/robots.txt") == inode_of(out + "/robots.txt"));
  site["robots.txt"] = "changed";
  SwapSteps failing(&real);
  failing.exchange_gives = ExchangeResult::kFailed;
  CHECK_FALSE(write_site(failing, out, site, opts, nullptr, &err));
  CHECK(tree_of(out) == live);
  CHECK_FALSE(real.exists(out + ".staging"));

  REQUIRE(write_site(real, out, site, opts, nullptr, &err));
  REQUIRE(write_site(real, tmp.path() + "/clean", site, opts, nullptr, &err));
  CHECK(tree_of(out) == tree_of(tmp.path() + "/clean"));
  CHECK_FALSE(real.exists(out + ".staging"));
  CHECK(tree_of(out + ".old") == live);  // the tree this build replaced, kept
}

TEST_CASE("a recycled tree's file may become a folder of the site, and its folder a file") {
  TempDir tmp;
  agora::RealFileSystem real;
  const std::string out = tmp.path() + "/public";
  std::string err;
  SiteFiles site = shaped_site();
  REQUIRE(write_site(real, out, site, WriteOptions{}, nullptr, &err));
  REQUIRE(write_site(real, out, site, WriteOptions{}, nullptr, &err));
  REQUIRE(real.exists(out + ".old/shape/x"));  // the tree the next build recycles
  reshape(&site);
  WriteReport report;
  REQUIRE_MESSAGE(write_site(real, out, site, WriteOptions{}, &report, &err), err);
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(tree_of(out) == tree_of(tmp.path() + "/clean"));
  // The file x (no copies: not a text type), y's page with its two
  // copies, and the deep page are gone.
  CHECK(report.deleted == 5);
}

TEST_CASE("a rebuild without a tree to recycle makes out_dir's folders first, none to spare") {
  // The second build finds out_dir and no .old: its staging tree gets
  // out_dir's folders on a thread of its own (see start_folders), among
  // them folders the site no longer has, and one where it now has a file.
  TempDir tmp;
  agora::RealFileSystem real;
  const std::string out = tmp.path() + "/public";
  std::string err;
  SiteFiles site = shaped_site();
  site["gone/deep/index.html"] = compressible_text(2000, 8);
  REQUIRE(write_site(real, out, site, WriteOptions{}, nullptr, &err));
  REQUIRE_FALSE(real.exists(out + ".old"));
  site.erase("gone/deep/index.html");
  reshape(&site);
  REQUIRE_MESSAGE(write_site(real, out, site, WriteOptions{}, nullptr, &err), err);
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(tree_of(out) == tree_of(tmp.path() + "/clean"));
  CHECK_FALSE(real.exists(out + "/gone"));
  // Through the confining file system of a build, likewise.
  agora::ConfinedFileSystem confined(&real);
  confined.guard(tmp.path());
  site["index.html"] = compressible_text(3000, 9);
  std::filesystem::remove_all(out + ".old");
  REQUIRE_MESSAGE(write_site(confined, out, site, WriteOptions{}, nullptr, &err), err);
  REQUIRE(write_site(real, tmp.path() + "/clean2", site, WriteOptions{}, nullptr, &err));
  CHECK(tree_of(out) == tree_of(tmp.path() + "/clean2"));
}

TEST_CASE("a rebuild without a tree to recycle keeps a folder only for what lies in it") {
  // Nothing here makes the writer stop its folder thread early (as a file
  // where a folder was does): every folder of out_dir is made in staging,
  // and those the site no longer has must go. "gone-not" sorts before
  // "gone/" and stays; "gone" must not count as used because of it.
  TempDir tmp;
  agora::RealFileSystem real;
  const std::string out = tmp.path() + "/public";
  std::string err;
  SiteFiles site = sample_site();
  site["gone/deep/index.html"] = compressible_text(2000, 8);
  site["gone-not/index.html"] = compressible_text(2000, 10);
  REQUIRE(write_site(real, out, site, WriteOptions{}, nullptr, &err));
  site.erase("gone/deep/index.html");
  WriteReport report;
  REQUIRE_MESSAGE(write_site(real, out, site, WriteOptions{}, &report, &err), err);
  CHECK_FALSE(real.exists(out + "/gone"));
  CHECK(real.exists(out + "/gone-not/index.html"));
  CHECK(report.deleted == 3);  // the page and its two copies
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(tree_of(out) == tree_of(tmp.path() + "/clean"));
}

namespace {

// Two builds of the sample site: out and the kept tree out.old beside it.
void build_twice(agora::RealFileSystem& real, const std::string& out) {
  std::string err;
  REQUIRE(write_site(real, out, sample_site(), WriteOptions{}, nullptr, &err));
  REQUIRE(write_site(real, out, sample_site(), WriteOptions{}, nullptr, &err));
}

}  // namespace

TEST_CASE("a kept tree with a symbolic link in it is removed, not recycled") {
  TempDir tmp;
  agora::RealFileSystem real;
  const std::string out = tmp.path() + "/public";
  std::string err;
  build_twice(real, out);
  std::filesystem::create_directories(tmp.path() + "/elsewhere");
  std::filesystem::remove_all(out + ".old/case-studies");
  std::filesystem::create_directory_symlink(tmp.path() + "/elsewhere", out + ".old/case-studies");
  SiteFiles site = sample_site();
  site["case-studies/a/index.html"] = compressible_text(3000, 11);
  REQUIRE(write_site(real, out, site, WriteOptions{}, nullptr, &err));
  CHECK(std::filesystem::is_empty(tmp.path() + "/elsewhere"));
  CHECK_FALSE(std::filesystem::is_symlink(out + "/case-studies"));
  CHECK(real.exists(out + "/case-studies/a/index.html.br"));
}

TEST_CASE("a kept tree that is itself a symbolic link is dropped, and what it names is untouched") {
  TempDir tmp;
  agora::RealFileSystem real;
  const std::string out = tmp.path() + "/public";
  std::string err;
  build_twice(real, out);
  // A previous output elsewhere, and ".old" a link to it.
  std::filesystem::rename(out + ".old", tmp.path() + "/elsewhere");
  std::filesystem::create_directory_symlink(tmp.path() + "/elsewhere", out + ".old");
  const auto elsewhere = tree_of(tmp.path() + "/elsewhere");
  SiteFiles site = sample_site();
  site["case-studies/a/index.html"] = compressible_text(3000, 12);
  REQUIRE(write_site(real, out, site, WriteOptions{}, nullptr, &err));
  CHECK(tree_of(tmp.path() + "/elsewhere") == elsewhere);
  CHECK_FALSE(std::filesystem::is_symlink(out));
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(tree_of(out) == tree_of(tmp.path() + "/clean"));
}

TEST_CASE("a site written in batches equals the site written at once") {
  MemoryFileSystem at_once, batched;
  std::string err;
  WriteReport one, many;
  REQUIRE(write_site(at_once, "public", sample_site(), WriteOptions{}, &one, &err));
  SiteWriter writer(batched, "public", WriteOptions{});
  REQUIRE(writer.open());
  for (const auto& [path, bytes] : sample_site()) REQUIRE(writer.add({{path, bytes}}));
  // Staged as they come: the site is in staging before the commit.
  CHECK(batched.exists("public.staging/case-studies/b/index.html.br"));
  CHECK_FALSE(batched.exists("public"));
  REQUIRE(writer.commit(&many));
  CHECK(batched.files() == at_once.files());
  CHECK(many.files == one.files);
  CHECK(many.written == one.written);
  CHECK(many.bytes == one.bytes);
  CHECK(many.precompress.compressed == one.precompress.compressed);
}

TEST_CASE("a path that comes again: the same bytes are dropped, other bytes fail the build") {
  MemoryFileSystem mem;
  std::string err;
  REQUIRE(write_site(mem, "public", sample_site(), WriteOptions{}, nullptr, &err));
  {
    SiteWriter writer(mem, "public", WriteOptions{});
    REQUIRE(writer.open());
    REQUIRE(writer.add({{"search/lunr.min.js", "lunr"}, {"a.html", "a"}}));
    REQUIRE(writer.add({{"search/lunr.min.js", "lunr"}}));
    WriteReport report;
    REQUIRE(writer.commit(&report));
    CHECK(report.files == 3);
    CHECK(report.deleted == 11);
  }
  SiteWriter writer(mem, "public", WriteOptions{});
  REQUIRE(writer.open());
  REQUIRE(writer.add({{"index.html", "one"}}));
  CHECK(mem.exists("public.staging/index.html"));
  CHECK_FALSE(writer.add({{"index.html", "two"}}));
  CHECK(writer.error() == "two different files would be written at \"index.html\"");
  CHECK_FALSE(writer.add({{"other.html", "x"}}));
  CHECK_FALSE(writer.commit(nullptr));
  CHECK(mem.exists("public/a.html"));
}

TEST_CASE("a writer that is not committed removes its staging folder and leaves out_dir") {
  MemoryFileSystem mem;
  std::string err;
  REQUIRE(write_site(mem, "public", sample_site(), WriteOptions{}, nullptr, &err));
  const auto before = mem.files();
  {
    SiteWriter writer(mem, "public", WriteOptions{});
    REQUIRE(writer.open());
    REQUIRE(writer.add({{"index.html", compressible_text(3000, 7)}}));
    CHECK(mem.exists("public.staging/index.html.gz"));
  }  // a build that failed after its first batch
  CHECK(mem.files() == before);
}

TEST_CASE("a file of the site replaces a compressed copy made for an earlier batch") {
  MemoryFileSystem mem;
  std::string err;
  const std::string script = compressible_text(3000, 5);
  SiteWriter writer(mem, "public", WriteOptions{});
  REQUIRE(writer.open());
  REQUIRE(writer.add({{"app.js", script}}));
  REQUIRE(writer.add({{"app.js.gz", "the theme's own"}}));
  // And a copy is not made over a file that came before.
  REQUIRE(writer.add({{"style.css.br", "kept"}}));
  REQUIRE(writer.add({{"style.css", script}}));
  WriteReport report;
  REQUIRE(writer.commit(&report));
  std::string got;
  REQUIRE(mem.read_file("public/app.js.gz", &got, &err));
  CHECK(got == "the theme's own");
  REQUIRE(mem.read_file("public/style.css.br", &got, &err));
  CHECK(got == "kept");
  CHECK(mem.exists("public/app.js.br"));
  CHECK(mem.exists("public/style.css.gz"));
  std::string json;
  REQUIRE(mem.read_file("public/manifest.json", &json, &err));
  std::vector<ManifestEntry> entries;
  REQUIRE(parse_manifest(json, &entries, &err));
  REQUIRE(entries.size() == 6);
  for (const ManifestEntry& e : entries) {
    REQUIRE(mem.read_file("public/" + e.path, &got, &err));
    CHECK(e.sha256 == sha256_hex(got));
  }
  CHECK(report.files == 7);
}

TEST_CASE("new cache entries are links to the copies the site wrote, and serve the next build") {
  TempDir tmp;
  agora::RealFileSystem real;
  std::string out = tmp.path() + "/public", err;
  WriteOptions opts;
  opts.cache_dir = tmp.path() + "/cache";
  REQUIRE(write_site(real, out, sample_site(), opts, nullptr, &err));
  struct stat copy {};
  REQUIRE(::stat((out + "/index.html.br").c_str(), &copy) == 0);
  // The output's copy and its cache entry are one inode: the cache cost no
  // second write and no memory.
  CHECK(copy.st_nlink == 2);
  WriteReport report;
  REQUIRE(write_site(real, tmp.path() + "/other", sample_site(), opts, &report, &err));
  CHECK(report.precompress.cache_hits == 6);
  CHECK(report.precompress.compressed == 0);
}

TEST_CASE("a build into another folder leaves the first output's copies as they were") {
  // The output record trusts a copy while its ctime is the recorded one:
  // a second output that shared the copies' inodes (through the cache)
  // would move it when made or removed, as agora serve's folder is.
  TempDir tmp;
  agora::RealFileSystem real;
  std::string out = tmp.path() + "/public", other = tmp.path() + "/other", err;
  WriteOptions opts;
  opts.cache_dir = tmp.path() + "/cache";
  REQUIRE(write_site(real, out, sample_site(), opts, nullptr, &err));
  struct stat before {};
  REQUIRE(::stat((out + "/index.html.br").c_str(), &before) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  WriteReport report;
  REQUIRE(write_site(real, other, sample_site(), opts, &report, &err));
  CHECK(report.precompress.cache_hits == 6);
  REQUIRE(real.remove_all(other, &err));
  struct stat after {};
  REQUIRE(::stat((out + "/index.html.br").c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);
  CHECK(after.st_nlink == before.st_nlink);
  CHECK(after.st_ctim.tv_sec == before.st_ctim.tv_sec);
  CHECK(after.st_ctim.tv_nsec == before.st_ctim.tv_nsec);
}
