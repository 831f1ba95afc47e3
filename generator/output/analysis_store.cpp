#include "output/analysis_store.h"

#include <utility>

namespace agora {
namespace {

// The header of a file of entries (output/entry_file.h).
constexpr std::string_view kHeader = "agora-analysis-cache 1\n";

}  // namespace

AnalysisStore::AnalysisStore(FileSystem& fs, std::string dir, std::string program,
                             std::string seal_key)
    : entries_(fs, std::move(dir), std::string(kHeader), EntryStore::Layout::kByFirstByte,
               std::move(program), std::move(seal_key)) {}

std::string AnalysisStore::id(std::string_view key) const {
  return entries_.key([&](std::string& text) { text.append(key); });
}

bool AnalysisStore::find(const std::string& id, std::vector<AnalyzedField>* fields) const {
  return entries_.find(id, [&](std::string_view bytes) { return decode_analysis(bytes, fields); });
}

void AnalysisStore::store(const std::string& id, const std::vector<AnalyzedField>& fields) {
  entries_.store(id, encode_analysis(fields));
}

}  // namespace agora
