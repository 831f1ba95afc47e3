// Finding 1: the compression cache is not trusted.
#include <doctest/doctest.h>

#include <filesystem>

#include "output/precompress.h"
#include "security_site.h"
#include "util/sha256.h"

using namespace agora;
using namespace agora::testing;

namespace {

// The cache's tags for this build's encodings, gzip's first: "gz6-... br6-...".
std::string tag_of(const std::string& encoding) {
  const std::string tags = precompress_tag();
  const size_t space = tags.find(' ');
  return encoding == "gzip" ? tags.substr(0, space) : tags.substr(space + 1);
}

std::string cache_entry(const std::string& bytes, const std::string& encoding) {
  std::string sha = sha256_hex(bytes);
  return "site/.agora-cache/precompress/" + sha.substr(0, 2) + "/" + sha + "." + tag_of(encoding);
}

std::string gunzip(const std::string& bytes) {
  std::string out;
  return gzip_decompress(bytes, 1 << 26, &out) ? out : "(not gzip)";
}

}  // namespace

TEST_CASE("finding 1: a poisoned cache entry is not published as a page's .gz") {
  SecuritySite site;
  REQUIRE(site.build().code == 0);
  const std::string script = site.read("out/js/search.js");
  REQUIRE(script.size() > 1024);
  // A gzip of other content, at the cache path of js/search.js.
  site.write(cache_entry(script, "gzip"), gzip_compress("alert('owned')"));
  site.write(cache_entry(script, "br"), brotli_compress("alert('owned')"));
  // A rebuild may keep the copies the output holds (see output_record.h);
  // either way it publishes no poison.
  CliRun run = site.build();
  CHECK(run.code == 0);
  CHECK(gunzip(site.read("out/js/search.js.gz")) == script);
  // Without an output to keep them from, the copies come from the cache.
  std::filesystem::remove_all(site.path("out"));
  std::filesystem::remove_all(site.path("out.old"));
  run = site.build();
  CHECK(run.code == 0);
  CHECK(gunzip(site.read("out/js/search.js.gz")) == script);
  std::string unbrotli;
  CHECK(brotli_decompress(site.read("out/js/search.js.br"), 1 << 26, &unbrotli));
  CHECK(unbrotli == script);
  // The manifest vouches for the published bytes, and the cache is repaired.
  CHECK(line_with(site.read("out/manifest.json"), "\"js/search.js.gz\"") ==
        "{\"path\":\"js/search.js.gz\",\"bytes\":" +
            std::to_string(site.read("out/js/search.js.gz").size()) + ",\"sha256\":\"" +
            sha256_hex(site.read("out/js/search.js.gz")) + "\"},");
  CHECK(gunzip(site.read(cache_entry(script, "gzip"))) == script);
}

TEST_CASE("finding 1: a poisoned entry under a sealed name is not published") {
  SecuritySite site;
  site.cache_key = [] { return std::string("this user's secret"); };
  REQUIRE(site.build().code == 0);
  const std::string script = site.read("out/js/search.js");
  // The build sealed its entries: SHA.TAG.SEAL beside the unsealed ones.
  for (const std::string& encoding : {std::string("gzip"), std::string("br")}) {
    const std::string entry = cache_entry(script, encoding);
    const std::string folder = entry.substr(0, entry.rfind('/'));
    const std::string name = entry.substr(entry.rfind('/') + 1);
    size_t sealed = 0;
    for (const auto& [file, _] : site.tree(folder)) {
      if (!file.starts_with(name + ".")) continue;
      ++sealed;
      site.write(folder + "/" + file, encoding == "gzip" ? gzip_compress("alert('owned')")
                                                         : brotli_compress("alert('owned')"));
    }
    CHECK(sealed == 1);
    std::filesystem::remove(site.path(entry));  // the poison is all the cache has
  }
  std::filesystem::remove_all(site.path("out"));
  std::filesystem::remove_all(site.path("out.old"));
  REQUIRE(site.build().code == 0);
  CHECK(gunzip(site.read("out/js/search.js.gz")) == script);
  std::string unbrotli;
  CHECK(brotli_decompress(site.read("out/js/search.js.br"), 1 << 26, &unbrotli));
  CHECK(unbrotli == script);
  // The manifest's hashes of copies hashed for their seals are those of the
  // bytes published: one made again, one taken on its seal.
  for (const std::string& copy : {std::string("js/search.js.gz"), std::string("index.html.br")}) {
    CAPTURE(copy);
    CHECK(line_with(site.read("out/manifest.json"), "\"" + copy + "\"") ==
          "{\"path\":\"" + copy +
              "\",\"bytes\":" + std::to_string(site.read("out/" + copy).size()) + ",\"sha256\":\"" +
              sha256_hex(site.read("out/" + copy)) + "\"},");
  }
}

TEST_CASE("finding 1: HTML planted in the parsed-body cache is not published") {
  SecuritySite site;
  site.cache_key = [] { return std::string("this user's secret"); };
  REQUIRE(site.build().code == 0);
  // A paragraph of a body, rewritten in place in the cache file that holds
  // it (same length, so the entry still reads), as a restored CI cache or
  // a pull request's build could leave it.
  const std::string planted = "<script>x()</script>";
  size_t files = 0;
  for (const auto& [file, bytes] : site.tree("site/.agora-cache/bodies")) {
    const size_t at = bytes.find("<p>");
    if (at == std::string::npos || bytes.size() < at + 3 + planted.size()) continue;
    std::string poisoned = bytes;
    poisoned.replace(at + 3, planted.size(), planted);
    site.write("site/.agora-cache/bodies/" + file, poisoned);
    ++files;
  }
  REQUIRE(files > 0);
  // A build into an empty folder renders every page, each body from the
  // cache when it can.
  std::filesystem::remove_all(site.path("out"));
  std::filesystem::remove_all(site.path("out.old"));
  REQUIRE(site.build().code == 0);
  size_t pages = 0;
  for (const auto& [file, bytes] : site.tree("out")) {
    if (!file.ends_with(".html")) continue;
    ++pages;
    CAPTURE(file);
    CHECK(bytes.find(planted) == std::string::npos);
  }
  CHECK(pages > 10);
  // The spoilt files were replaced, sealed.
  for (const auto& [file, bytes] : site.tree("site/.agora-cache/bodies")) {
    CAPTURE(file);
    CHECK(bytes.find(planted) == std::string::npos);
  }
}

TEST_CASE("finding 1: a cache entry truncated by a killed build is not published") {
  SecuritySite site;
  REQUIRE(site.build().code == 0);
  const std::string page = site.read("out/index.html");
  const std::string gz = gzip_compress(page);
  site.write(cache_entry(page, "gzip"), gz.substr(0, gz.size() / 2));
  REQUIRE(site.build().code == 0);
  CHECK(site.read("out/index.html.gz") == gz);
}

TEST_CASE("finding 1: a .agora-cache that is a symbolic link is not used") {
  SecuritySite site;
  std::filesystem::create_directories(site.path("elsewhere"));
  std::filesystem::remove_all(site.path("site/.agora-cache"));
  site.link(site.path("elsewhere"), "site/.agora-cache");
  CliRun run = site.build();
  CHECK(run.code == 0);
  CHECK(run.err == "agora build: warning: " + site.path("site/.agora-cache") +
                       " is a symbolic link; the compression cache was not used\n");
  CHECK(site.tree("elsewhere").empty());
  CHECK(gunzip(site.read("out/index.html.gz")) == site.read("out/index.html"));
}

TEST_CASE("finding 1: a link inside .agora-cache is neither read nor written through") {
  SecuritySite site;
  REQUIRE(site.build().code == 0);
  const std::string page = site.read("out/index.html");
  // The folder of index.html's entries, moved outside and linked back, with
  // a poisoned entry in it: followed, the entry would be read (and, found
  // wrong, rewritten) out there.
  const std::string entry = cache_entry(page, "gzip");
  const std::string folder = entry.substr(0, entry.rfind('/'));
  std::filesystem::create_directories(site.path("elsewhere"));
  std::filesystem::rename(site.path(folder), site.path("elsewhere/entries"));
  site.write("elsewhere/entries/" + entry.substr(entry.rfind('/') + 1),
             gzip_compress("alert('owned')"));
  site.link(site.path("elsewhere/entries"), folder);
  const std::map<std::string, std::string> outside = site.tree("elsewhere");
  CHECK(site.build().code == 0);
  CHECK(gunzip(site.read("out/index.html.gz")) == site.read("out/index.html"));
  CHECK(site.tree("elsewhere") == outside);
}

TEST_CASE("finding 1: cache entries are written atomically, after the site is in place") {
  MemoryFileSystem memory;
  RecordingFileSystem fs(&memory);
  SiteFiles files{{"a.html", compressible_text(4000, 1)}};
  SiteFiles variants;
  PrecompressCacheWrites deferred;
  precompress_site(fs, files, "cache", 1, &variants, nullptr, &deferred);
  // Nothing is written until the caller stores them (site_writer.cpp does,
  // after the swap), and then through write_file_atomic.
  CHECK(fs.writes.empty());
  REQUIRE(deferred.size() == 2);
  store_precompress_cache(fs, deferred);
  CHECK(fs.writes.size() == 2);
  // Gzip and brotli bombs and trailing bytes are refused.
  std::string out;
  CHECK_FALSE(gzip_decompress(gzip_compress(std::string(1 << 20, 'a')), 1000, &out));
  CHECK_FALSE(brotli_decompress(brotli_compress(std::string(1 << 20, 'a')), 1000, &out));
  CHECK_FALSE(gzip_decompress(gzip_compress("abc") + "x", 1000, &out));
}
