#include "output/manifest.h"

#include <functional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "search/json_writer.h"
#include "util/parallel.h"
#include "util/sha256.h"
#include "util/text.h"

namespace agora {

namespace {

std::string where_of(size_t i) { return "manifest: files[" + std::to_string(i) + "]"; }

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
  // A JSON value per path cost a tree and a serializer per entry: 145,000
  // of them at the end of every build of 10,000 documents.
  out.reserve(out.size() + entries.size() * 160);
  for (size_t i = 0; i < entries.size(); ++i) {
    const ManifestEntry& e = entries[i];
    if (!is_valid_utf8(e.path)) {
      *err = where_of(i) + ": path is not valid UTF-8";
      return false;
    }
    out += "{\"path\":";
    append_json_string(out, e.path);
    out += ",\"bytes\":";
    out += std::to_string(e.bytes);
    out += ",\"sha256\":\"";
    out += e.sha256;
    out += i + 1 < entries.size() ? "\"},\n" : "\"}\n";
  }
  out += "]}\n";
  *json = std::move(out);
  return true;
}

namespace {

// The checks every entry passes, whichever reader found it; `previous` is
// the path of the entry before it, if any. `index` names the entry in an
// error only: a manifest has 145,000 entries.
bool check_entry(const ManifestEntry& e, const std::string* previous, size_t index,
                 std::string* err) {
  if (!is_safe_relative_path(e.path) || e.path == kManifestPath) {
    *err = where_of(index) + ": unsafe path \"" + e.path + "\"";
    return false;
  }
  if (!is_sha256_hex(e.sha256)) {
    *err = where_of(index) + ": sha256 is not 64 lowercase hex digits";
    return false;
  }
  if (previous && !(*previous < e.path)) {
    *err = where_of(index) + ": paths not sorted or duplicated at \"" + e.path + "\"";
    return false;
  }
  return true;
}

// Reads `json` as far as it is exactly the layout manifest_json writes.
// True when all of it is; `each`, when not null, gets every entry in turn
// (one object, refilled) and stops the reading by returning false.
class WrittenLayout {
 public:
  explicit WrittenLayout(std::string_view json) : in_(json) {}

  bool read(const std::function<bool(const ManifestEntry&)>* each) {
    if (!take("{\"version\":1,\"files\":[\n")) return false;
    if (take("]}\n")) return in_.empty();
    ManifestEntry e;
    for (;;) {
      if (!take("{\"path\":\"") || !path(&e.path) || !take("\",\"bytes\":") || !number(&e.bytes) ||
          !take(",\"sha256\":\"") || in_.size() < 64) {
        return false;
      }
      e.sha256.assign(in_.substr(0, 64));
      in_.remove_prefix(64);
      if (!take("\"}")) return false;
      if (each && !(*each)(e)) return false;
      if (take(",\n")) continue;
      return take("\n]}\n") && in_.empty();
    }
  }

 private:
  bool take(std::string_view s) {
    if (in_.substr(0, s.size()) != s) return false;
    in_.remove_prefix(s.size());
    return true;
  }

  // A string with nothing to unescape; anything else is the full parser's.
  bool path(std::string* out) {
    size_t n = 0;
    while (n < in_.size() && in_[n] != '"' && in_[n] != '\\' &&
           static_cast<unsigned char>(in_[n]) >= 0x20) {
      ++n;
    }
    if (n == in_.size() || in_[n] != '"' || !is_valid_utf8(in_.substr(0, n))) return false;
    out->assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }

  // Digits without a leading zero, few enough to fit in 64 bits.
  bool number(uint64_t* out) {
    size_t n = 0;
    while (n < in_.size() && n < 20 && in_[n] >= '0' && in_[n] <= '9') ++n;
    if (n == 0 || n > 19 || (n > 1 && in_[0] == '0')) return false;
    uint64_t value = 0;
    for (size_t i = 0; i < n; ++i) value = value * 10 + static_cast<uint64_t>(in_[i] - '0');
    *out = value;
    in_.remove_prefix(n);
    return true;
  }

  std::string_view in_;
};

}  // namespace

bool read_manifest(const std::string& json, const std::function<bool(const ManifestEntry&)>& each,
                   std::string* err) {
  size_t i = 0;
  std::string previous;
  auto visit = [&](const ManifestEntry& e) {
    if (!check_entry(e, i ? &previous : nullptr, i, err) || !each(e)) return false;
    previous = e.path;
    ++i;
    return true;
  };
  // A rebuild reads the manifests of the live and the kept output before it
  // writes anything; at 145,000 entries a JSON tree took about 1 s each.
  // What manifest_json wrote is read directly, anything else by the full
  // parser: both give the same entries and the same errors. The layout is
  // checked whole before the first entry is passed on, so that an entry is
  // never passed twice.
  if (WrittenLayout(json).read(nullptr)) {
    const std::function<bool(const ManifestEntry&)> checked = visit;
    return WrittenLayout(json).read(&checked);
  }
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
  for (const nlohmann::json& f : *files) {
    if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("bytes") ||
        !f["bytes"].is_number_unsigned() || !f.contains("sha256") || !f["sha256"].is_string()) {
      *err = where_of(i) + ": expected {\"path\": string, \"bytes\": unsigned, \"sha256\": string}";
      return false;
    }
    if (!visit(ManifestEntry{f["path"].get<std::string>(), f["bytes"].get<uint64_t>(),
                             f["sha256"].get<std::string>()})) {
      return false;
    }
  }
  return true;
}

bool parse_manifest(const std::string& json, std::vector<ManifestEntry>* entries,
                    std::string* err) {
  std::vector<ManifestEntry> out;
  auto keep = [&out](const ManifestEntry& e) {
    out.push_back(e);
    return true;
  };
  if (!read_manifest(json, keep, err)) return false;
  *entries = std::move(out);
  return true;
}

}  // namespace agora
