#include "output/zip_bundle.h"

#include <doctest/doctest.h>
#include <zip.h>

#include "output_test_util.h"
#include "util/file_system.h"

using namespace agora;
using agora::testing::compressible_text;
using agora::testing::random_bytes;
using agora::testing::TempDir;

namespace {

SiteFiles read_zip(const std::string& path, std::vector<std::string>* order) {
  int code = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &code);
  REQUIRE(archive != nullptr);
  SiteFiles out;
  zip_int64_t n = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    REQUIRE(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &st) == 0);
    std::string bytes(st.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    REQUIRE(file != nullptr);
    CHECK(zip_fread(file, bytes.data(), st.size) == static_cast<zip_int64_t>(st.size));
    zip_fclose(file);
    out[st.name] = bytes;
    order->push_back(st.name);
  }
  zip_close(archive);
  return out;
}

}  // namespace

TEST_CASE("the zip bundle round-trips entries and bytes, sorted, deterministic") {
  TempDir tmp;
  SiteFiles files = {
      {"index.html", compressible_text(5000)},
      {"search/index.js", "var x = 1;"},
      {"img/a.png", random_bytes(3000)},
      {"empty.txt", ""},
  };
  std::string a = tmp.path() + "/a.zip", b = tmp.path() + "/b.zip", err;
  REQUIRE(write_zip(files, a, &err));
  std::vector<std::string> order;
  CHECK(read_zip(a, &order) == files);
  CHECK(order ==
        std::vector<std::string>{"empty.txt", "img/a.png", "index.html", "search/index.js"});

  REQUIRE(write_zip(files, b, &err));
  agora::RealFileSystem real;
  std::string bytes_a, bytes_b;
  REQUIRE(real.read_file(a, &bytes_a, &err));
  REQUIRE(real.read_file(b, &bytes_b, &err));
  CHECK(bytes_a == bytes_b);

  // Rewriting over an existing bundle replaces it.
  files.erase("img/a.png");
  REQUIRE(write_zip(files, a, &err));
  order.clear();
  CHECK(read_zip(a, &order) == files);
}

TEST_CASE("write_zip reports errors as values") {
  TempDir tmp;
  std::string err;
  CHECK_FALSE(write_zip({}, tmp.path() + "/x.zip", &err));
  CHECK(err == "zip: no files to write to " + tmp.path() + "/x.zip");
  CHECK_FALSE(write_zip({{"a", "b"}}, tmp.path() + "/no/such/dir/x.zip", &err));
  CHECK(err.rfind("zip: cannot", 0) == 0);
  CHECK_FALSE(write_zip({{"../a", "b"}}, tmp.path() + "/y.zip", &err));
  CHECK(err == "zip: unsafe path \"../a\"");
}
