#include "search/analysis_cache.h"

#include <cstdint>
#include <functional>

#include "util/little_endian.h"

namespace agora {
namespace {

// Varints: an analysis is mostly short terms and small counts. The bytes
// are read back only by the program that wrote them (the store's key holds
// its build ID), so the tag is all the version needed.
constexpr std::string_view kTag = "agora-analysis 1\n";

// A count of items each at least `min_bytes` long, so that no count can
// make the reader reserve more than the bytes could hold.
bool read_count(std::string_view& in, size_t min_bytes, size_t* n) {
  uint64_t v = 0;
  if (!read_varint(in, &v) || v > in.size() / min_bytes) return false;
  *n = static_cast<size_t>(v);
  return true;
}

bool read_u32(std::string_view& in, uint32_t* n) {
  uint64_t v = 0;
  if (!read_varint(in, &v) || v > UINT32_MAX) return false;
  *n = static_cast<uint32_t>(v);
  return true;
}

}  // namespace

std::string encode_analysis(const std::vector<AnalyzedField>& fields) {
  std::string out(kTag);
  append_varint(out, fields.size());
  for (const AnalyzedField& field : fields) {
    append_varint(out, field.length);
    append_varint(out, field.terms.size());
    for (size_t t = 0; t < field.terms.size(); ++t) {
      append_varint(out, field.terms[t].size());
      out.append(field.terms[t]);
      append_varint(out, field.frequencies[t]);
    }
    append_varint(out, field.positions.size());
    for (uint32_t p : field.positions) append_varint(out, p);
  }
  return out;
}

bool decode_analysis(std::string_view in, std::vector<AnalyzedField>* fields) {
  if (!in.starts_with(kTag)) return false;
  in.remove_prefix(kTag.size());
  size_t count = 0;
  if (!read_count(in, 3, &count)) return false;
  std::vector<AnalyzedField> out(count);
  for (AnalyzedField& field : out) {
    size_t terms = 0, positions = 0;
    if (!read_u32(in, &field.length) || !read_count(in, 2, &terms)) return false;
    field.terms.resize(terms);
    field.frequencies.resize(terms);
    field.term_hashes.resize(terms);
    for (size_t t = 0; t < terms; ++t) {
      size_t size = 0;
      if (!read_count(in, 1, &size)) return false;
      field.terms[t].assign(in.substr(0, size));
      in.remove_prefix(size);
      if (!read_u32(in, &field.frequencies[t])) return false;
      field.term_hashes[t] = std::hash<std::string_view>()(field.terms[t]);
    }
    if (!read_count(in, 1, &positions)) return false;
    field.positions.resize(positions);
    for (uint32_t& p : field.positions) {
      if (!read_u32(in, &p)) return false;
    }
  }
  if (!in.empty()) return false;
  *fields = std::move(out);
  return true;
}

AnalyzedDocument analyze_with(const IndexBuilder& builder, const SearchDocument& doc,
                              AnalysisCache* cache) {
  if (cache == nullptr) return builder.analyze(doc);
  const std::string id = cache->id(builder.analysis_key(doc));
  AnalyzedDocument out;
  if (!id.empty() && cache->find(id, &out.fields)) {
    out.ref = doc.ref;
    out.boost = doc.boost;
    return out;
  }
  out = builder.analyze(doc);
  if (!id.empty()) cache->store(id, out.fields);
  return out;
}

}  // namespace agora
