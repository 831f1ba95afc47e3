#pragma once
// manifest.json: every file of a built site with its size and sha256. Mirrors
// compare manifests to move only what changed, and verify what they fetched.
//
// Format (one entry per line, sorted by path, so diffs stay readable):
//   {"version":1,"files":[
//   {"path":"404.html","bytes":1234,"sha256":"9f86..."},
//   ...
//   ]}

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "output/site_files.h"

namespace agora {

inline constexpr const char* kManifestPath = "manifest.json";

struct ManifestEntry {
  std::string path;  // relative, '/'-separated
  uint64_t bytes = 0;
  std::string sha256;  // 64 lowercase hex digits
  bool operator==(const ManifestEntry&) const = default;
};

// Entries for every file of `files` except manifest.json itself, sorted by
// path; hashing runs on up to `threads` threads (0 = hardware).
std::vector<ManifestEntry> manifest_entries(const SiteView& files, unsigned threads);

// Serializes entries in the format above; entries must be sorted by path.
// Fails only when a path is not valid UTF-8.
bool manifest_json(const std::vector<ManifestEntry>& entries, std::string* json, std::string* err);

// Passes every entry of a manifest to `each`, in order, without keeping
// them, checked as parse_manifest checks them. False, with *err, where
// parse_manifest fails; false, with *err untouched, when `each` returns
// false, which stops the reading.
bool read_manifest(const std::string& json, const std::function<bool(const ManifestEntry&)>& each,
                   std::string* err);

// Parses a manifest. Fails with a message on malformed JSON, a missing or
// mistyped field, an unsafe path (see is_safe_relative_path), a sha256 that is
// not 64 hex digits, or unsorted or duplicate paths.
bool parse_manifest(const std::string& json, std::vector<ManifestEntry>* entries, std::string* err);

}  // namespace agora
