#include "output/manifest.h"

#include <nlohmann/json.hpp>

#include "output/sha256.h"
#include "util/parallel.h"

namespace agora {

namespace {

bool is_sha256_hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

std::vector<ManifestEntry> manifest_entries(const SiteView& files, unsigned threads) {
  std::vector<ManifestEntry> entries;
  std::vector<std::string_view> contents;
  entries.reserve(files.size());
  for (const auto& [path, bytes] : files) {
    if (path == kManifestPath) continue;
    entries.push_back(ManifestEntry{path, bytes.size(), {}});
    contents.push_back(bytes);
  }
  agora::parallel_for(
      entries.size(), [&](size_t i) { entries[i].sha256 = sha256_hex(contents[i]); }, threads);
  return entries;
}

bool manifest_json(const std::vector<ManifestEntry>& entries, std::string* json, std::string* err) {
  std::string out = "{\"version\":1,\"files\":[\n";
  // nlohmann throws on invalid UTF-8; that is the only failure here.
  try {
    for (size_t i = 0; i < entries.size(); ++i) {
      const ManifestEntry& e = entries[i];
      out += "{\"path\":" + nlohmann::json(e.path).dump() +
             ",\"bytes\":" + std::to_string(e.bytes) + ",\"sha256\":\"" + e.sha256 + "\"}";
      out += i + 1 < entries.size() ? ",\n" : "\n";
    }
  } catch (const nlohmann::json::exception& e) {
    *err = std::string("manifest: ") + e.what();
    return false;
  }
  out += "]}\n";
  *json = std::move(out);
  return true;
}

bool parse_manifest(const std::string& json, std::vector<ManifestEntry>* entries,
                    std::string* err) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    *err = "manifest: not a JSON object";
    return false;
  }
  auto files = doc.find("files");
  if (files == doc.end() || !files->is_array()) {
    *err = "manifest: missing \"files\" array";
    return false;
  }
  std::vector<ManifestEntry> out;
  out.reserve(files->size());
  for (size_t i = 0; i < files->size(); ++i) {
    const nlohmann::json& f = (*files)[i];
    std::string where = "manifest: files[" + std::to_string(i) + "]";
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("bytes") ||
        !f["bytes"].is_number_unsigned() || !f.contains("sha256") || !f["sha256"].is_string()) {
      *err = where + ": expected {\"path\": string, \"bytes\": unsigned, \"sha256\": string}";
      return false;
    }
    ManifestEntry e{f["path"].get<std::string>(), f["bytes"].get<uint64_t>(),
                    f["sha256"].get<std::string>()};
    if (!is_safe_relative_path(e.path) || e.path == kManifestPath) {
      *err = where + ": unsafe path \"" + e.path + "\"";
      return false;
    }
    if (!is_sha256_hex(e.sha256)) {
      *err = where + ": sha256 is not 64 lowercase hex digits";
      return false;
    }
    if (!out.empty() && !(out.back().path < e.path)) {
      *err = where + ": paths not sorted or duplicated at \"" + e.path + "\"";
      return false;
    }
    out.push_back(std::move(e));
  }
  *entries = std::move(out);
  return true;
}

}  // namespace agora
