#include "output/weight_report.h"

#include <doctest/doctest.h>

#include "output/precompress.h"
#include "output_test_util.h"
#include "util/human_bytes.h"

using namespace agora;
using agora::testing::compressible_text;

TEST_CASE("weights count documents per type with nearest-rank statistics") {
  SiteFiles files;
  for (int i = 1; i <= 20; ++i) {
    files["case-studies/cs" + std::to_string(100 + i) + "/index.html"] =
        compressible_text(static_cast<size_t>(i) * 1000, i);
  }
  files["case-studies/index.html"] = std::string(99999, 'x');         // listing
  files["case-studies/page/2/index.html"] = std::string(99999, 'x');  // listing
  files["policies/p/index.html"] = "tiny";
  files["search/index.json"] = compressible_text(12345);
  files["style.css"] = "body{}";

  SiteWeights w = measure_weights(files, {"case-studies", "policies", "events"}, 2);
  REQUIRE(w.types.size() == 3);
  CHECK(w.types[0].pages == 20);
  CHECK(w.types[0].median == 10000);
  CHECK(w.types[0].p95 == 19000);
  CHECK(w.types[0].largest == 20000);
  CHECK(w.types[0].largest_gz == gzip_compress(files["case-studies/cs120/index.html"]).size());
  CHECK(w.types[1].pages == 1);
  CHECK(w.types[1].median == 4);
  CHECK(w.types[1].p95 == 4);
  CHECK(w.types[2].pages == 0);
  CHECK(w.types[2].largest == 0);
  CHECK(w.files == 25);
  CHECK(w.search_index_bytes == 12345);
  CHECK(w.search_index_gz == gzip_compress(files["search/index.json"]).size());
}

TEST_CASE("the weight report is a readable table") {
  SiteWeights w;
  w.types.push_back(PageWeights{"case-studies", 12, 14540, 20582, 22528, 4198, 5000, 6000});
  w.types.push_back(PageWeights{"events", 0, 0, 0, 0, 0, 0, 0});
  w.files = 812;
  w.total_bytes = 9856614;
  w.search_index_bytes = 1258291;
  w.search_index_gz = 317952;
  CHECK(format_weight_report(w) ==
        "type          pages     median        p95    largest  median.gz     p95.gz largest.gz\n"
        "case-studies     12    14.2 KB    20.1 KB    22.0 KB     4.1 KB     4.9 KB     5.9 KB\n"
        "events            0        0 B        0 B        0 B        0 B        0 B        0 B\n"
        "site: 812 files, 9.4 MB; search index: 1.2 MB (310.5 KB gzip)\n");
  CHECK(weight_report({{"a/b/index.html", "x"}}, {"a"}).find("a         1        1 B") !=
        std::string::npos);
}

TEST_CASE("human_bytes") {
  CHECK(human_bytes(0) == "0 B");
  CHECK(human_bytes(1023) == "1023 B");
  CHECK(human_bytes(1024) == "1.0 KB");
  CHECK(human_bytes(1536) == "1.5 KB");
  CHECK(human_bytes(5ull << 30) == "5.0 GB");
}
