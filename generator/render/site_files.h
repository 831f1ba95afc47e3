#pragma once
// The rendered site: what render and search produce and output writes, and
// the sink they hand it to, a batch at a time.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace agora {

// Relative '/'-separated path ("case-studies/x/index.html") -> file bytes.
// std::map keeps paths sorted bytewise, which every output relies on for
// deterministic order.
using SiteFiles = std::map<std::string, std::string>;

// Where render_site and the search stage put the site's files as they make
// them. The build's sink writes each batch to the output folder and lets it
// go (output/site_writer.h), so the whole site is never in memory at once.
class FileSink {
 public:
  virtual ~FileSink() = default;
  // False when the batch could not be taken; error() says why.
  virtual bool add(SiteFiles batch) = 0;
  // Files the sink can keep as the last build left them, without their
  // bytes: a rebuild offers the pages whose inputs did not change (see
  // PageReuse). Per path, true when kept; a kept file counts as added. The
  // caller renders the others and adds them. The default keeps none.
  virtual std::vector<char> keep(const std::vector<std::string>& paths) {
    return std::vector<char>(paths.size(), 0);
  }
  // Keeps, as keep() does, each path whose file the last build wrote with
  // the SHA-256 (hex) given for it: for files whose content a caller can
  // name but not prove unchanged (search shards, by a digest of what they
  // are made from). Per path, the kept file's size, or -1 when it was not
  // kept. The default keeps none.
  virtual std::vector<int64_t> keep_as(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& /*sha256s*/) {
    return std::vector<int64_t>(paths.size(), -1);
  }
  const std::string& error() const { return error_; }

 protected:
  std::string error_;
};

// Collects every batch into one SiteFiles: a later file at a path replaces
// the earlier one.
class CollectingSink final : public FileSink {
 public:
  explicit CollectingSink(SiteFiles* files) : files_(files) {}
  bool add(SiteFiles batch) override {
    for (auto& [path, bytes] : batch) (*files_)[path] = std::move(bytes);
    return true;
  }

 private:
  SiteFiles* files_;
};

}  // namespace agora
