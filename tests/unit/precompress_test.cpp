#include "output/precompress.h"

#include <brotli/decode.h>
#include <doctest/doctest.h>
#include <zlib.h>

#include <map>
#include <set>

#include "output_test_util.h"

using namespace agora;
using agora::testing::compressible_text;
using agora::testing::random_bytes;
using agora::testing::RecordingFileSystem;

namespace {

std::string gunzip(const std::string& gz) {
  z_stream s{};
  REQUIRE(inflateInit2(&s, 15 + 16) == Z_OK);
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  s.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buf[4096];
  int status = Z_OK;
  while (status == Z_OK) {
    s.next_out = reinterpret_cast<Bytef*>(buf);
    s.avail_out = sizeof buf;
    status = inflate(&s, Z_NO_FLUSH);
    out.append(buf, sizeof buf - s.avail_out);
  }
  inflateEnd(&s);
  CHECK(status == Z_STREAM_END);
  return out;
}

std::string unbrotli(const std::string& br, size_t expected_size) {
  std::string out(expected_size, '\0');
  size_t size = out.size();
  REQUIRE(BrotliDecoderDecompress(br.size(), reinterpret_cast<const uint8_t*>(br.data()), &size,
                                  reinterpret_cast<uint8_t*>(out.data())) ==
          BROTLI_DECODER_RESULT_SUCCESS);
  out.resize(size);
  return out;
}

}  // namespace

TEST_CASE("gzip output decompresses to the input and has a fixed header") {
  std::string text = compressible_text(50000);
  std::string gz = gzip_compress(text);
  CHECK(gunzip(gz) == text);
  CHECK(gzip_compress(text) == gz);
  REQUIRE(gz.size() > 10);
  CHECK(static_cast<unsigned char>(gz[0]) == 0x1f);
  CHECK(static_cast<unsigned char>(gz[1]) == 0x8b);
  CHECK(gz[3] == 0);                               // FLG: no name, comment, extra
  CHECK(gz.substr(4, 4) == std::string(4, '\0'));  // MTIME 0
  CHECK(static_cast<unsigned char>(gz[8]) == 0);   // XFL: none, as for level 6
  CHECK(static_cast<unsigned char>(gz[9]) == 3);   // OS: Unix
  CHECK(gunzip(gzip_compress("")).empty());
}

TEST_CASE("gzip_decompress takes one whole stream, from any compressor, and nothing else") {
  const std::string text = compressible_text(50000, 3);
  // zlib's own gzip, as the cache held before libdeflate made them.
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string by_zlib(deflateBound(&z, text.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(by_zlib.data());
  z.avail_out = static_cast<uInt>(by_zlib.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  by_zlib.resize(z.total_out);
  deflateEnd(&z);
  std::string out;
  CHECK(gzip_decompress(by_zlib, text.size(), &out));
  CHECK(out == text);

  const std::string gz = gzip_compress(text);
  REQUIRE(gzip_decompress(gz, text.size(), &out));
  CHECK(out == text);
  CHECK_FALSE(gzip_decompress(gz, text.size() - 1, &out));  // larger than allowed
  CHECK(out.empty());
  std::string bad_crc = gz;
  bad_crc[bad_crc.size() - 5] ^= 1;
  std::string bad_size = gz;
  bad_size[bad_size.size() - 4] ^= 1;
  for (const std::string& bad : {gz.substr(0, gz.size() - 1), gz + "x", gz + gz, bad_crc, bad_size,
                                 std::string("\x1f\x8b"), std::string()}) {
    CHECK_FALSE(gzip_decompress(bad, 1 << 20, &out));
    CHECK(out.empty());
  }
}

TEST_CASE("brotli output decompresses to the input") {
  std::string text = compressible_text(50000, 7);
  std::string br = brotli_compress(text);
  CHECK(br.size() < text.size() / 10);
  CHECK(unbrotli(br, text.size()) == text);
  CHECK(brotli_compress(text) == br);
}

TEST_CASE("brotli round-trips a file over 4 MB") {
  std::string big = compressible_text((4 << 20) + 1, 3);
  std::string br = brotli_compress(big);
  CHECK(unbrotli(br, big.size()) == big);
  CHECK(brotli_compress(big) == br);
}

TEST_CASE("text paths are recognised by extension") {
  for (const char* path : {"index.html", "a/b/style.CSS", "app.js", "data/x.json", "sitemap.xml",
                           "robots.txt", "logo.svg", "data/t.csv", "site.webmanifest"}) {
    CAPTURE(path);
    CHECK(is_text_path(path));
  }
  for (const char* path : {"photo.jpg", "font.woff2", "index.html.gz", "x.br", "README",
                           "dir.html/file", "bundle.zip"}) {
    CAPTURE(path);
    CHECK_FALSE(is_text_path(path));
  }
}

TEST_CASE("compression keeps a copy only when it saves at least 10%") {
  CHECK(saves_enough(1000, 900));
  CHECK_FALSE(saves_enough(1000, 901));
  CHECK_FALSE(saves_enough(1000, 0));
}

TEST_CASE("precompress_site applies the 1 KB and 10% thresholds") {
  agora::MemoryFileSystem mem;
  SiteFiles files = {
      {"small.html", compressible_text(1024)},  // not larger than 1 KB
      {"big.html", compressible_text(1025)},    // just over
      {"noise.txt", random_bytes(5000)},        // does not compress
      {"photo.jpg", compressible_text(5000)},   // not a text type
      {"taken.css", compressible_text(5000)},   // .gz already in the site
      {"taken.css.gz", "precomputed"},
  };
  SiteFiles variants;
  PrecompressStats stats;
  precompress_site(mem, files, "", 2, &variants, &stats);
  std::vector<std::string> paths;
  for (const auto& [path, _] : variants) paths.push_back(path);
  CHECK(paths == std::vector<std::string>{"big.html.br", "big.html.gz", "taken.css.br"});
  CHECK(stats.candidates == 3);
  CHECK(gunzip(variants["big.html.gz"]) == files["big.html"]);
}

TEST_CASE("precompress_site caches by content hash and compresses only new content") {
  agora::MemoryFileSystem mem;
  RecordingFileSystem fs(&mem);
  SiteFiles files = {{"a.html", compressible_text(4000, 1)},
                     {"b.html", compressible_text(4000, 2)}};
  SiteFiles first, second;
  PrecompressStats stats;
  precompress_site(fs, files, "cache", 0, &first, &stats);
  CHECK(stats.compressed == 4);
  CHECK(stats.cache_hits == 0);
  CHECK(fs.writes.size() == 4);

  files["b.html"] = compressible_text(4000, 3);
  files["c.html"] = files["a.html"];  // same bytes, other path: a cache hit
  fs.writes.clear();
  precompress_site(fs, files, "cache", 0, &second, &stats);
  CHECK(stats.compressed == 2);
  CHECK(stats.cache_hits == 4);
  CHECK(fs.writes.size() == 2);
  CHECK(second["a.html.br"] == first["a.html.br"]);
  CHECK(second["c.html.gz"] == first["a.html.gz"]);
  CHECK(gunzip(second["b.html.gz"]) == files["b.html"]);
}

TEST_CASE("precompress_site writes only the encodings site.yaml names") {
  agora::MemoryFileSystem mem;
  SiteFiles files = {{"a.html", compressible_text(4000, 1)}};
  for (const auto& [encodings, expected] :
       std::vector<std::pair<std::vector<std::string>, std::vector<std::string>>>{
           {{"br", "gzip"}, {"a.html.br", "a.html.gz"}},
           {{"gzip"}, {"a.html.gz"}},
           {{"br"}, {"a.html.br"}},
           {{}, {}}}) {
    SiteFiles variants;
    precompress_site(mem, files, "", 1, &variants, nullptr, nullptr, encodings);
    std::vector<std::string> paths;
    for (const auto& [path, _] : variants) paths.push_back(path);
    CHECK(paths == expected);
  }
}

TEST_CASE("with a memo, unchanged files are neither compressed nor read from the cache again") {
  agora::MemoryFileSystem mem;
  RecordingFileSystem fs(&mem);
  SiteFiles files = {{"a.html", compressible_text(4000, 1)},
                     {"b.html", compressible_text(4000, 2)}};
  PrecompressMemo memo;
  SiteFiles first, second;
  PrecompressStats stats;
  precompress_site(fs, files, "cache", 0, &first, &stats, nullptr, {"br", "gzip"}, &memo);
  CHECK(stats.compressed == 4);
  CHECK(memo.size() == 4);

  files["b.html"] = compressible_text(4000, 3);
  mem.remove_all("cache", nullptr);  // a memo hit needs no cache entry
  fs.writes.clear();
  precompress_site(fs, files, "cache", 0, &second, &stats, nullptr, {"br", "gzip"}, &memo);
  CHECK(stats.memo_hits == 2);
  CHECK(stats.cache_hits == 2);
  CHECK(stats.compressed == 2);
  CHECK(fs.writes.size() == 2);  // b's two new cache entries
  CHECK(second["a.html.br"] == first["a.html.br"]);
  CHECK(gunzip(second["b.html.gz"]) == files["b.html"]);
  // The memo now holds this call's encodings only: b's old ones are gone.
  CHECK(memo.size() == 4);
}

namespace {

// The cache entries under cache/, by name.
std::map<std::string, std::string> cache_entries(agora::MemoryFileSystem& mem) {
  std::map<std::string, std::string> out;
  for (const std::string& name : mem.list_files("cache")) {
    std::string bytes;
    mem.read_file("cache/" + name, &bytes, nullptr);
    out[name] = bytes;
  }
  return out;
}

// Everything after the entry's SHA.TAG: "" or ".SEAL".
std::string seal_part(const std::string& name) {
  const size_t tag_dot = name.find('.', name.rfind('/') + 1);
  const size_t seal_dot = name.find('.', tag_dot + 1);
  return seal_dot == std::string::npos ? "" : name.substr(seal_dot);
}

}  // namespace

TEST_CASE("with a seal key, entries carry a seal and are taken on it, not decompressed") {
  agora::MemoryFileSystem mem;
  SiteFiles files = {{"a.html", compressible_text(4000, 1)},
                     {"b.html", compressible_text(4000, 2)}};
  SiteFiles first, second;
  PrecompressStats stats;
  precompress_site(mem, files, "cache", 0, &first, &stats, nullptr, {"br", "gzip"}, nullptr,
                   "key one");
  CHECK(stats.compressed == 4);
  const auto entries = cache_entries(mem);
  REQUIRE(entries.size() == 4);
  for (const auto& [name, _] : entries) CHECK(seal_part(name).size() == 33);  // ".SEAL"

  precompress_site(mem, files, "cache", 0, &second, &stats, nullptr, {"br", "gzip"}, nullptr,
                   "key one");
  CHECK(stats.cache_hits == 4);
  CHECK(stats.sealed_hits == 4);
  CHECK(stats.compressed == 0);
  CHECK(second == first);
  CHECK(cache_entries(mem) == entries);  // nothing written again
}

TEST_CASE("a sealed entry whose bytes were changed is not taken, and is replaced") {
  agora::MemoryFileSystem mem;
  RecordingFileSystem fs(&mem);
  SiteFiles files = {{"a.html", compressible_text(4000, 1)}};
  SiteFiles first, second;
  PrecompressStats stats;
  precompress_site(fs, files, "cache", 0, &first, &stats, nullptr, {"gzip"}, nullptr, "key");
  const auto entries = cache_entries(mem);
  REQUIRE(entries.size() == 1);
  const std::string name = entries.begin()->first;
  // Another page's copy, well formed, under the sealed name.
  const std::string poison = gzip_compress(compressible_text(4000, 9));
  mem.write_file("cache/" + name, poison, nullptr);

  fs.writes.clear();
  precompress_site(fs, files, "cache", 0, &second, &stats, nullptr, {"gzip"}, nullptr, "key");
  CHECK(stats.sealed_hits == 0);
  CHECK(stats.cache_rejected == 1);
  CHECK(stats.compressed == 1);
  CHECK(gunzip(second["a.html.gz"]) == files["a.html"]);
  CHECK(cache_entries(mem) == entries);  // repaired, under the same seal
  CHECK(fs.writes == std::vector<std::string>{"cache/" + name});
}

TEST_CASE("an entry without this key's seal is checked by decompression, then sealed") {
  agora::MemoryFileSystem mem;
  SiteFiles files = {{"a.html", compressible_text(4000, 1)},
                     {"b.html", compressible_text(4000, 2)}};
  SiteFiles variants;
  PrecompressStats stats;
  // Unsealed entries (a build without a key), then another key's.
  for (const std::string& writer : {std::string(), std::string("their key")}) {
    CAPTURE(writer);
    mem.remove_all("cache", nullptr);
    precompress_site(mem, files, "cache", 0, &variants, &stats, nullptr, {"br", "gzip"}, nullptr,
                     writer);
    const auto written = cache_entries(mem);
    REQUIRE(written.size() == 4);

    precompress_site(mem, files, "cache", 0, &variants, &stats, nullptr, {"br", "gzip"}, nullptr,
                     "my key");
    CHECK(stats.cache_hits == 4);
    CHECK(stats.sealed_hits == 0);
    CHECK(stats.compressed == 0);
    CHECK(gunzip(variants["b.html.gz"]) == files["b.html"]);
    // Each now has this key's seal too, with the same bytes.
    const auto entries = cache_entries(mem);
    CHECK(entries.size() == 8);
    std::map<std::string, std::string> before;  // SHA.TAG -> bytes
    for (const auto& [name, bytes] : written) {
      before[name.substr(0, name.size() - seal_part(name).size())] = bytes;
    }
    std::set<std::string> seals;
    for (const auto& [name, bytes] : entries) {
      if (written.count(name)) continue;
      seals.insert(seal_part(name));
      CHECK(seal_part(name).size() == 33);
      CHECK(before[name.substr(0, name.size() - 33)] == bytes);
    }
    CHECK(seals.size() == 4);

    precompress_site(mem, files, "cache", 0, &variants, &stats, nullptr, {"br", "gzip"}, nullptr,
                     "my key");
    CHECK(stats.sealed_hits == 4);
  }
}
