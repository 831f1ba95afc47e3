#include "output/output_record.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "output/precompress.h"
#include "output/site_writer.h"
#include "output_test_util.h"
#include "util/sha256.h"

using namespace agora;
using agora::testing::compressible_text;
using agora::testing::TempDir;

namespace {

// Sets the record's mtime: to `now` after a pause (as if written a clock
// tick after the files it stamps), or to a given time.
void touch(const std::string& path) {
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), nullptr, 0) == 0);
}
void set_mtime(const std::string& path, time_t seconds) {
  struct timespec times[2] = {{seconds, 0}, {seconds, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

// Counts the reads and the stamps of each path, on every thread.
class ReadCounter : public FileSystemWrapper {
 public:
  using FileSystemWrapper::FileSystemWrapper;
  bool read_file(const std::string& path, std::string* contents, std::string* err) const override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++reads[path];
    }
    return FileSystemWrapper::read_file(path, contents, err);
  }
  std::optional<FileStamp> stamp(const std::string& path) const override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++stamps[path];
    }
    return FileSystemWrapper::stamp(path);
  }
  // The new name's stamp comes with the link: one look at it.
  bool hard_link_stamped(const std::string& from, const std::string& to, std::string* err,
                         std::optional<FileStamp>* made) override {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++stamps[to];
    }
    return FileSystemWrapper::hard_link_stamped(from, to, err, made);
  }
  TreeListing list_tree_stamped(const std::string& dir) const override {
    TreeListing listing = FileSystemWrapper::list_tree_stamped(dir);
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& file : listing.files) ++stamps[join_path(dir, file)];
    return listing;
  }
  TreeListing list_tree_inodes(const std::string& dir) const override {
    TreeListing listing = FileSystemWrapper::list_tree_inodes(dir);
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& file : listing.files) ++inodes[join_path(dir, file)];
    return listing;
  }
  mutable std::map<std::string, size_t> stamps;
  mutable std::map<std::string, size_t> inodes;  // inode taken from a listing
  size_t reads_under(const std::string& dir) const {
    size_t n = 0;
    for (const auto& [path, count] : reads) n += path.starts_with(dir + "/") ? count : 0;
    return n;
  }
  mutable std::map<std::string, size_t> reads;

 private:
  mutable std::mutex mutex_;
};

std::vector<RecordedFile> two_files() {
  return {{"a.html", 5, std::string(64, 'a'), {}, false},
          {"a.html.gz", 3, std::string(64, 'b'), {}, true}};
}

// An output folder holding the two files of two_files(), and where its
// record goes, in a fresh temp dir.
struct RecordedOutput {
  TempDir tmp;
  RealFileSystem real;
  std::string out = tmp.path() + "/public", record = tmp.path() + "/record", err;
  RecordedOutput() {
    REQUIRE(real.write_file(out + "/a.html", "hello", &err));
    REQUIRE(real.write_file(out + "/a.html.gz", "zzz", &err));
  }
};

}  // namespace

TEST_CASE("an output record proves a file only while its stamp is the one recorded") {
  RecordedOutput site;
  RealFileSystem& real = site.real;
  const std::string &out = site.out, &record = site.record;
  std::string& err = site.err;
  REQUIRE(save_output_record(real, record, real, out, "tag", two_files(), 2, &err));
  touch(record);

  OutputRecord loaded = OutputRecord::load(real, record, out, "tag");
  REQUIRE(loaded.size() == 2);
  const RecordedFile* page = loaded.untouched("a.html", real.stamp(out + "/a.html"));
  REQUIRE(page);
  CHECK(page->sha256 == std::string(64, 'a'));
  CHECK(page->bytes == 5);
  CHECK_FALSE(page->copy);
  CHECK(loaded.find("a.html.gz")->copy);

  // The same size, other bytes: the stamp moved, so nothing is proven.
  REQUIRE(real.write_file(out + "/a.html", "HELLO", &err));
  CHECK_FALSE(loaded.untouched("a.html", real.stamp(out + "/a.html")));
  CHECK_FALSE(loaded.untouched("missing.html", real.stamp(out + "/missing.html")));
  // Kept for another folder or another compression: no record at all.
  CHECK(OutputRecord::load(real, record, site.tmp.path() + "/other", "tag").size() == 0);
  CHECK(OutputRecord::load(real, record, out, "other tag").size() == 0);
}

TEST_CASE("an output record is the folder's however the folder is named") {
  RecordedOutput site;
  RealFileSystem& real = site.real;
  const std::string &out = site.out, &record = site.record;
  REQUIRE(save_output_record(real, record, real, out + "/", "tag", two_files(), 2, &site.err));
  touch(record);
  const std::filesystem::path relative = std::filesystem::relative(out);
  REQUIRE(relative.is_relative());
  for (const std::string& name :
       {out, out + "/", out + "/.",
        site.tmp.path() + "/x/../" + std::filesystem::path(out).filename().string(),
        relative.string(), "./" + relative.string() + "/"}) {
    INFO(name);
    CHECK(OutputRecord::load(real, record, name, "tag").size() == 2);
  }
}

TEST_CASE("a record keeps what its files were made from, if it fits the format") {
  RecordedOutput site;
  RealFileSystem& real = site.real;
  const std::string &out = site.out, &record = site.record;
  std::string& err = site.err;
  const std::string inputs = "site 0123\nabcd content/notes/a.md\n";
  REQUIRE(save_output_record(real, record, real, out, "tag", two_files(), 2, &err, {}, inputs));
  touch(record);
  OutputRecord loaded = OutputRecord::load(real, record, out, "tag");
  CHECK(loaded.size() == 2);
  CHECK(loaded.inputs() == inputs);
  // A carriage return or an unfinished line would not read back as
  // written: the record keeps no inputs, and its files all the same.
  for (const std::string bad : {"site 0123\r\n", "site 0123"}) {
    REQUIRE(save_output_record(real, record, real, out, "tag", two_files(), 2, &err, {}, bad));
    touch(record);
    loaded = OutputRecord::load(real, record, out, "tag");
    CHECK(loaded.size() == 2);
    CHECK(loaded.inputs().empty());
  }
  // A record cut inside its inputs is no record.
  REQUIRE(save_output_record(real, record, real, out, "tag", two_files(), 2, &err, {}, inputs));
  std::string text;
  REQUIRE(real.read_file(record, &text, &err));
  REQUIRE(real.write_file(record, text.substr(0, text.find("abcd")), &err));
  touch(record);
  CHECK(OutputRecord::load(real, record, out, "tag").size() == 0);
}

TEST_CASE("entries a record cannot vouch for are dropped") {
  RecordedOutput site;
  RealFileSystem& real = site.real;
  const std::string &out = site.out, &record = site.record;
  std::string& err = site.err;

  SUBCASE("a file changed in the tick the record was written") {
    REQUIRE(save_output_record(real, record, real, out, "tag", two_files(), 2, &err));
    set_mtime(record, 1000);  // older than every file's last change
    CHECK(OutputRecord::load(real, record, out, "tag").size() == 0);
  }
  SUBCASE("a file whose size is not the recorded one is left out") {
    std::vector<RecordedFile> files = two_files();
    files[0].bytes = 6;
    REQUIRE(save_output_record(real, record, real, out, "tag", files, 2, &err));
    touch(record);
    OutputRecord loaded = OutputRecord::load(real, record, out, "tag");
    CHECK(loaded.size() == 1);
    CHECK_FALSE(loaded.find("a.html"));
  }
  SUBCASE("a malformed or cut record is no record") {
    REQUIRE(save_output_record(real, record, real, out, "tag", two_files(), 2, &err));
    std::string text;
    REQUIRE(real.read_file(record, &text, &err));
    REQUIRE(real.write_file(record, text.substr(0, text.size() - 4), &err));
    touch(record);
    CHECK(OutputRecord::load(real, record, out, "tag").size() == 0);
    REQUIRE(real.write_file(record, text + "12 not-a-line\n", &err));
    touch(record);
    CHECK(OutputRecord::load(real, record, out, "tag").size() == 0);
  }
  SUBCASE("in memory there are no stamps, so no record") {
    MemoryFileSystem mem;
    REQUIRE(mem.write_file("public/a.html", "hello", &err));
    REQUIRE(save_output_record(mem, "record", mem, "public", "tag", two_files(), 2, &err));
    CHECK(OutputRecord::load(mem, "record", "public", "tag").size() == 0);
  }
}

TEST_CASE("a planted record names stamps it cannot know, and proves nothing") {
  RecordedOutput site;
  RealFileSystem& real = site.real;
  const std::string &out = site.out, &record = site.record;
  std::string& err = site.err;
  const FileStamp stamp = *real.stamp(out + "/a.html");
  // Right size and hash, a guessed inode: as a record from another machine.
  const std::string text = "agora-output-record 2\n" + out + "\ntag\ninputs 0\n5 " +
                           std::string(64, 'a') + " " + std::to_string(stamp.device) + " " +
                           std::to_string(stamp.inode + 1) + " " + std::to_string(stamp.mtime_ns) +
                           " " + std::to_string(stamp.ctime_ns) + " f a.html\n";
  REQUIRE(real.write_file(record, text, &err));
  touch(record);
  OutputRecord loaded = OutputRecord::load(real, record, out, "tag");
  REQUIRE(loaded.find("a.html"));
  CHECK_FALSE(loaded.untouched("a.html", real.stamp(out + "/a.html")));
}

namespace {

SiteFiles record_site() {
  return {{"index.html", compressible_text(3000, 1)},
          {"case-studies/a/index.html", compressible_text(3000, 2)},
          {"case-studies/b/index.html", compressible_text(3000, 3)},
          {"robots.txt", "User-agent: *\n"}};
}

std::map<std::string, std::string> files_of(const std::string& root) {
  std::map<std::string, std::string> out;
  RealFileSystem real;
  for (const std::string& path : real.list_files(root)) {
    std::string err;
    real.read_file(join_path(root, path), &out[path], &err);
  }
  return out;
}

// A writer's options with a cache and an output record in `tmp`.
WriteOptions recording(const TempDir& tmp) {
  WriteOptions opts;
  opts.cache_dir = tmp.path() + "/cache";
  opts.record = tmp.path() + "/cache/output-record";
  return opts;
}

// record_site() written once with a record, whose clock tick has passed;
// `fs` counts the reads of what the test does next.
struct Recorded {
  Recorded() {
    REQUIRE(write_site(fs, out, site, opts, nullptr, &err));
    touch(opts.record);
  }
  TempDir tmp;
  RealFileSystem real;
  ReadCounter fs{&real};
  const std::string out = tmp.path() + "/public";
  const WriteOptions opts = recording(tmp);
  SiteFiles site = record_site();
  std::string err;
};

}  // namespace

TEST_CASE_FIXTURE(Recorded,
                  "with a record, a rebuild reads no unchanged file and equals a clean build") {
  site["case-studies/a/index.html"] = compressible_text(3000, 42);
  fs.reads.clear();
  WriteReport report;
  REQUIRE(write_site(fs, out, site, opts, &report, &err));
  // Two pages and their four copies unchanged: neither read nor
  // decompressed from the cache. Only the manifest was read (is this a
  // previous output?), and the cache asked for the changed page's copies.
  CHECK(fs.reads_under(out) == 1);
  CHECK(fs.reads.count(out + "/manifest.json") == 1);
  CHECK(fs.reads_under(opts.cache_dir + "/precompress") == 2);
  CHECK(report.precompress.kept == 4);
  CHECK(report.precompress.compressed == 2);
  CHECK(report.unchanged == 7);  // robots.txt too
  CHECK(report.written == 4);    // the page, its copies, the manifest

  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(files_of(out) == files_of(tmp.path() + "/clean"));
}

TEST_CASE_FIXTURE(Recorded,
                  "with a record, a hand-edited page or copy of the output is still repaired") {
  // Same sizes, other bytes: only the stamps tell.
  std::string page = site.at("index.html"), copy;
  page[10] = '#';
  REQUIRE(real.read_file(out + "/case-studies/b/index.html.br", &copy, &err));
  copy.back() = static_cast<char>(copy.back() ^ 1);
  // Not written through the kept tree's links.
  REQUIRE(real.remove_all(out + "/index.html", &err));
  REQUIRE(real.write_file(out + "/index.html", page, &err));
  REQUIRE(real.remove_all(out + "/case-studies/b/index.html.br", &err));
  REQUIRE(real.write_file(out + "/case-studies/b/index.html.br", copy, &err));

  WriteReport report;
  REQUIRE(write_site(real, out, site, opts, &report, &err));
  CHECK(report.written == 2);
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(files_of(out) == files_of(tmp.path() + "/clean"));
}

TEST_CASE_FIXTURE(Recorded, "a record read before the writer opens is the one it trusts") {
  auto rebuild = [&](OutputRecord given) {
    fs.reads.clear();
    SiteWriter writer(fs, out, opts);
    REQUIRE(writer.open(nullptr, &given));
    REQUIRE(writer.add(site));
    REQUIRE(writer.commit(nullptr));
    // The writer does not read the record again.
    CHECK(fs.reads.count(opts.record) == 0);
  };
  // Read as the build does, on its survey thread: no unchanged file is
  // read, only the manifest (is this a previous output?).
  rebuild(OutputRecord::load(real, opts.record, out, precompress_tag()));
  CHECK(fs.reads_under(out) == 1);
  // An empty one (none was found): every unchanged file is read and
  // compared.
  rebuild(OutputRecord{});
  CHECK(fs.reads_under(out) > 1);
}

namespace {

// Whether the record at `record` vouches for every file of out_dir as it is
// now (the manifest too).
void check_record_vouches_for_all(const RealFileSystem& real, const std::string& record,
                                  const std::string& out) {
  touch(record);  // past the tick the record was written in
  const OutputRecord loaded = OutputRecord::load(real, record, out, precompress_tag());
  const std::vector<std::string> files = real.list_files(out);
  CHECK(loaded.size() == files.size());
  for (const std::string& path : files) {
    INFO(path);
    CHECK(loaded.untouched(path, real.stamp(join_path(out, path))));
  }
}

}  // namespace

TEST_CASE_FIXTURE(Recorded,
                  "a rebuild stamps each kept file twice and records the stamps it took") {
  // The second build finds the first's tree as .old, linked to the live
  // files: the third stages every file as itself.
  REQUIRE(write_site(fs, out, site, opts, nullptr, &err));
  touch(opts.record);
  fs.stamps.clear();
  fs.inodes.clear();
  WriteReport report;
  REQUIRE(write_site(fs, out, site, opts, &report, &err));
  CHECK(report.written == 0);
  // Once to prove it unchanged (for a copy: that it was made from the same
  // bytes), as the live tree is walked; and the recycled file's inode, to
  // see it is the live file, as the kept tree is listed (before it is
  // renamed to the staging folder), without a stat. The record keeps the
  // first: none is stamped again at the end.
  for (const std::string path : {"index.html", "index.html.br", "case-studies/b/index.html.gz"}) {
    INFO(path);
    CHECK(fs.stamps[join_path(out, path)] == 1);
    CHECK(fs.stamps[join_path(out + ".old", path)] == 0);
    CHECK(fs.inodes[join_path(out + ".old", path)] == 1);
    CHECK(fs.stamps[join_path(out + ".staging", path)] == 0);
  }
  check_record_vouches_for_all(real, opts.record, out);
}

TEST_CASE_FIXTURE(Recorded, "a file is stamped as it is staged, not again after the swap") {
  // After the swap the output's folders are new to the confined file
  // system: stamping each file there again took the last seconds of a
  // large build.
  auto staged_once = [&](const std::string& dir) {
    for (const std::string path : {"index.html", "index.html.br", "case-studies/b/index.html.gz"}) {
      INFO(dir << " " << path);
      CHECK(fs.stamps[join_path(dir + ".staging", path)] == 1);
      CHECK(fs.stamps[join_path(dir, path)] == 0);
    }
  };
  SUBCASE("into an empty folder") {
    const std::string fresh = tmp.path() + "/fresh";
    WriteOptions own = opts;
    own.record = tmp.path() + "/cache/fresh-record";
    fs.stamps.clear();
    REQUIRE(write_site(fs, fresh, site, own, nullptr, &err));
    staged_once(fresh);
    check_record_vouches_for_all(real, own.record, fresh);
  }
  SUBCASE("linking every unchanged file of the live tree into a new one") {
    // The first rebuild has no kept tree: each live file is stamped to
    // prove it unchanged, then linked, which moves its ctime.
    fs.stamps.clear();
    REQUIRE(write_site(fs, out, site, opts, nullptr, &err));
    for (const std::string path : {"index.html", "case-studies/b/index.html.gz"}) {
      INFO(path);
      CHECK(fs.stamps[join_path(out + ".staging", path)] == 1);
      CHECK(fs.stamps[join_path(out, path)] == 1);
    }
    check_record_vouches_for_all(real, opts.record, out);
  }
}

TEST_CASE_FIXTURE(Recorded, "a copy the cache is linked to after staging is stamped again") {
  REQUIRE(write_site(fs, out, site, opts, nullptr, &err));
  // Without the record and the cache, the third build compresses every
  // copy again; the bytes are the same, so each is staged as itself, and
  // then its new cache entry is linked to it, which moves its ctime.
  REQUIRE(real.remove_all(opts.cache_dir, &err));
  WriteReport report;
  REQUIRE(write_site(fs, out, site, opts, &report, &err));
  CHECK(report.precompress.compressed == 6);
  CHECK(report.written == 0);
  check_record_vouches_for_all(real, opts.record, out);
}

namespace {

// A rebuild of `site` that offers `offered` to keep before it adds the
// rest of the site: what keep() answered.
std::vector<char> rebuild_keeping(FileSystem& fs, const std::string& out, const WriteOptions& opts,
                                  const SiteFiles& site, const std::vector<std::string>& offered,
                                  WriteReport* report) {
  SiteWriter writer(fs, out, opts);
  REQUIRE(writer.open());
  const std::vector<char> kept = writer.keep(offered);
  SiteFiles rest = site;
  for (size_t i = 0; i < offered.size(); ++i) {
    if (kept[i]) rest.erase(offered[i]);
  }
  REQUIRE(writer.add(rest));
  REQUIRE(writer.commit(report));
  return kept;
}

}  // namespace

TEST_CASE_FIXTURE(Recorded, "a page the record vouches for is kept with its copies, unread") {
  fs.reads.clear();
  WriteReport report;
  const std::vector<char> kept = rebuild_keeping(
      fs, out, opts, site, {"case-studies/a/index.html", "index.html", "new/index.html"}, &report);
  CHECK(kept == std::vector<char>{1, 1, 0});  // a page the last build did not write is not
  CHECK(fs.reads_under(out) == 1);            // the manifest, as without keeping
  CHECK(report.precompress.kept == 6);        // two kept pages' and one added page's copies
  CHECK(report.written == 0);
  CHECK(report.unchanged == 11);  // 3 pages, 6 copies, robots.txt, the manifest
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(files_of(out) == files_of(tmp.path() + "/clean"));
  check_record_vouches_for_all(real, opts.record, out);

  // Kept again from a record that has them only because they were kept.
  REQUIRE(rebuild_keeping(fs, out, opts, site, {"case-studies/a/index.html"}, &report) ==
          std::vector<char>{1});
  CHECK(files_of(out) == files_of(tmp.path() + "/clean"));
}

TEST_CASE_FIXTURE(Recorded, "a page is not kept unless it and each of its copies are untouched") {
  const std::string page = "case-studies/a/index.html";
  SUBCASE("the page changed by hand") {
    REQUIRE(real.remove_all(join_path(out, page), &err));
    REQUIRE(real.write_file(join_path(out, page), "changed by hand", &err));
  }
  SUBCASE("a copy gone") { REQUIRE(real.remove_all(join_path(out, page + ".br"), &err)); }
  SUBCASE("a copy changed by hand") {
    REQUIRE(real.remove_all(join_path(out, page + ".gz"), &err));
    REQUIRE(real.write_file(join_path(out, page + ".gz"), "not gzip", &err));
  }
  SUBCASE("no record") { REQUIRE(real.remove_all(opts.record, &err)); }
  SUBCASE("offered twice: the second is refused") {
    WriteReport report;
    CHECK(rebuild_keeping(fs, out, opts, site, {page, page}, &report) == std::vector<char>{1, 0});
    return;
  }
  WriteReport report;
  CHECK(rebuild_keeping(fs, out, opts, site, {page}, &report) == std::vector<char>{0});
  // Rendered instead: the output is a clean build's.
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(files_of(out) == files_of(tmp.path() + "/clean"));
}

TEST_CASE_FIXTURE(Recorded, "keep_as keeps a file only as the SHA-256 the caller names") {
  // A search shard is offered by the digest of what it is made from, with
  // the SHA-256 its file had when the last build made it: a record from
  // another build than those digests keeps nothing wrong.
  const std::string page = "case-studies/a/index.html";
  const std::string sha = agora::sha256_hex(site.at(page));
  touch(opts.record);
  SiteWriter writer(fs, out, opts);
  REQUIRE(writer.open());
  const std::vector<int64_t> sizes =
      writer.keep_as({page, "index.html", "new/index.html"}, {sha, sha, sha});
  CHECK(sizes == std::vector<int64_t>{static_cast<int64_t>(site.at(page).size()), -1, -1});
  SiteFiles rest = site;
  rest.erase(page);
  REQUIRE(writer.add(rest));
  WriteReport report;
  REQUIRE(writer.commit(&report));
  CHECK(report.written == 0);
  REQUIRE(write_site(real, tmp.path() + "/clean", site, WriteOptions{}, nullptr, &err));
  CHECK(files_of(out) == files_of(tmp.path() + "/clean"));
}
