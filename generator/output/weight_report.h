#pragma once
// The weight report of `agora build --report`: how heavy pages are, per
// content type, for readers on slow and metered links.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "output/site_files.h"

namespace agora {

struct PageWeights {
  std::string type;
  size_t pages = 0;  // files TYPE/SLUG/index.html
  // Nearest-rank statistics (the ceil(p*n)-th smallest); 0 when pages == 0.
  uint64_t median = 0, p95 = 0, largest = 0;
  uint64_t median_gz = 0, p95_gz = 0, largest_gz = 0;  // gzip level 9 sizes
};

struct SiteWeights {
  std::vector<PageWeights> types;  // in the order asked for
  size_t files = 0;
  uint64_t total_bytes = 0;         // every file of the site
  uint64_t search_index_bytes = 0;  // search/index.json, 0 when absent
  uint64_t search_index_gz = 0;
};

// Measures a site that arrives in batches (the build's): the pages of each
// type in `types` and search/index.json. gzip runs on up to `threads`
// threads (0 = hardware). A path that comes again counts once.
class WeightMeter {
 public:
  explicit WeightMeter(std::vector<std::string> types, unsigned threads = 0);
  void add(const SiteFiles& batch);
  SiteWeights weights() const;

 private:
  std::vector<std::string> types_;
  unsigned threads_;
  std::vector<std::vector<std::pair<uint64_t, uint64_t>>> sizes_;  // per type: bytes, gzip bytes
  std::set<std::string> seen_;
  SiteWeights weights_;  // files, totals and the search index
};

// The same, for a whole site at once.
SiteWeights measure_weights(const SiteFiles& files, const std::vector<std::string>& types,
                            unsigned threads = 0);

// A fixed-width table, one row per type, then the totals, e.g.
//   type           pages    median       p95   largest  median.gz  ...
//   case-studies      12   14.2 KB   20.1 KB   22.0 KB     4.1 KB  ...
//   site: 812 files, 9.4 MB; search index: 1.2 MB (310.5 KB gzip)
std::string format_weight_report(const SiteWeights& weights);

// format_weight_report(measure_weights(files, types)).
std::string weight_report(const SiteFiles& files, const std::vector<std::string>& types);

}  // namespace agora
