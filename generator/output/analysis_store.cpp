#include "output/analysis_store.h"

#include <utility>

#include "output/sha256.h"

namespace agora {
namespace {

// The header of a file of entries (output/entry_file.h).
constexpr std::string_view kHeader = "agora-analysis-cache 1\n";

}  // namespace

AnalysisStore::AnalysisStore(FileSystem& fs, std::string dir, std::string program)
    : program_(std::move(program)),
      entries_(fs, std::move(dir), std::string(kHeader), EntryStore::Layout::kByFirstByte) {}

std::string AnalysisStore::id(std::string_view key) const {
  if (program_.empty()) return "";
  std::string text = program_;
  text.push_back('\0');
  text.append(key);
  return sha256_hex(text);
}

bool AnalysisStore::find(const std::string& id, std::vector<AnalyzedField>* fields) const {
  return entries_.find(id, [&](std::string_view bytes) { return decode_analysis(bytes, fields); });
}

void AnalysisStore::store(const std::string& id, const std::vector<AnalyzedField>& fields) {
  entries_.store(id, encode_analysis(fields));
}

}  // namespace agora
