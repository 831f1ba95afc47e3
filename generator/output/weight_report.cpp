#include "output/weight_report.h"

#include <fmt/format.h>

#include <algorithm>

#include "output/precompress.h"
#include "util/human_bytes.h"
#include "util/parallel.h"

namespace agora {

namespace {

// The ceil(p*n)-th smallest value of a sorted, non-empty vector.
uint64_t nearest_rank(const std::vector<uint64_t>& sorted, unsigned percent) {
  size_t rank = (sorted.size() * percent + 99) / 100;
  return sorted[std::max<size_t>(rank, 1) - 1];
}

// True for TYPE/SLUG/index.html: listings (TYPE/index.html,
// TYPE/page/N/index.html) are not documents.
bool is_page_of(const std::string& path, const std::string& type) {
  constexpr std::string_view kIndex = "/index.html";
  if (path.size() <= type.size() + 1 + kIndex.size()) return false;
  if (path.compare(0, type.size(), type) != 0 || path[type.size()] != '/') return false;
  if (!path.ends_with(kIndex)) return false;
  std::string_view slug(path.data() + type.size() + 1,
                        path.size() - type.size() - 1 - kIndex.size());
  return slug.find('/') == std::string_view::npos && slug != "page";
}

}  // namespace

WeightMeter::WeightMeter(std::vector<std::string> types, unsigned threads)
    : types_(std::move(types)), threads_(threads), sizes_(types_.size()) {}

void WeightMeter::add(const SiteFiles& batch) {
  std::vector<const std::string*> measured;
  std::vector<size_t> type_of;  // per measured file: its type, or types_.size() for the index
  for (const auto& [path, bytes] : batch) {
    // A file handed over twice (the same bytes) counts once.
    if (!seen_.insert(path).second) continue;
    ++weights_.files;
    weights_.total_bytes += bytes.size();
    for (size_t t = 0; t < types_.size(); ++t) {
      if (is_page_of(path, types_[t])) {
        measured.push_back(&bytes);
        type_of.push_back(t);
      }
    }
    if (path == "search/index.json") {
      measured.push_back(&bytes);
      type_of.push_back(types_.size());
    }
  }
  std::vector<uint64_t> gz(measured.size());
  agora::parallel_for(
      measured.size(), [&](size_t i) { gz[i] = gzip_compress(*measured[i]).size(); }, threads_);
  for (size_t i = 0; i < measured.size(); ++i) {
    if (type_of[i] == types_.size()) {
      weights_.search_index_bytes = measured[i]->size();
      weights_.search_index_gz = gz[i];
    } else {
      sizes_[type_of[i]].emplace_back(measured[i]->size(), gz[i]);
    }
  }
}

SiteWeights WeightMeter::weights() const {
  SiteWeights out = weights_;
  for (size_t t = 0; t < types_.size(); ++t) {
    PageWeights w;
    w.type = types_[t];
    w.pages = sizes_[t].size();
    if (w.pages > 0) {
      std::vector<uint64_t> raw, zipped;
      for (const auto& [bytes, gz] : sizes_[t]) {
        raw.push_back(bytes);
        zipped.push_back(gz);
      }
      std::sort(raw.begin(), raw.end());
      std::sort(zipped.begin(), zipped.end());
      w.median = nearest_rank(raw, 50);
      w.p95 = nearest_rank(raw, 95);
      w.largest = raw.back();
      w.median_gz = nearest_rank(zipped, 50);
      w.p95_gz = nearest_rank(zipped, 95);
      w.largest_gz = zipped.back();
    }
    out.types.push_back(std::move(w));
  }
  return out;
}

SiteWeights measure_weights(const SiteFiles& files, const std::vector<std::string>& types,
                            unsigned threads) {
  WeightMeter meter(types, threads);
  meter.add(files);
  return meter.weights();
}

std::string format_weight_report(const SiteWeights& weights) {
  size_t width = 4;
  for (const PageWeights& w : weights.types) width = std::max(width, w.type.size());
  std::string out =
      fmt::format("{:<{}} {:>6} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}\n", "type", width,
                  "pages", "median", "p95", "largest", "median.gz", "p95.gz", "largest.gz");
  for (const PageWeights& w : weights.types) {
    out += fmt::format("{:<{}} {:>6} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}\n", w.type, width,
                       w.pages, human_bytes(w.median), human_bytes(w.p95), human_bytes(w.largest),
                       human_bytes(w.median_gz), human_bytes(w.p95_gz), human_bytes(w.largest_gz));
  }
  out += fmt::format("site: {} files, {}; search index: {} ({} gzip)\n", weights.files,
                     human_bytes(weights.total_bytes), human_bytes(weights.search_index_bytes),
                     human_bytes(weights.search_index_gz));
  return out;
}

std::string weight_report(const SiteFiles& files, const std::vector<std::string>& types) {
  return format_weight_report(measure_weights(files, types));
}

}  // namespace agora
