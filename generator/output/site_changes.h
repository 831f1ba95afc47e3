#pragma once
// What a build changes on a published site, from the two manifests: the
// pages added, changed and removed, for a reviewer to open.

#include <string>
#include <vector>

#include "output/manifest.h"

namespace agora {

struct ChangedFile {
  std::string path;  // "notes/first-session/index.html"
  std::string url;   // base URL + "notes/first-session/"
  bool operator==(const ChangedFile&) const = default;
};

struct ChangeList {
  std::vector<ChangedFile> added, changed, removed;
  bool operator==(const ChangeList&) const = default;
};

struct SiteChanges {
  ChangeList pages;  // .html files
  ChangeList files;  // everything else but manifest.json and .gz/.br copies
};

// The URL of a site path under base_url ("" = relative): a folder's
// index.html becomes the folder ("notes/x/index.html" -> "notes/x/",
// "index.html" -> ""), anything else stays as it is.
std::string url_of_path(const std::string& base_url, const std::string& path);

// Compares the manifest of a published site with a new build's, path by
// path: a path only in `built` is added, only in `published` removed, in
// both with another sha256 changed. Each list is sorted by path. A
// precompressed copy (X.gz, X.br beside X) follows X and is not listed.
SiteChanges compare_manifests(const std::vector<ManifestEntry>& published,
                              const std::vector<ManifestEntry>& built, const std::string& base_url);

// The changes as JSON, for tools and the pull-request workflow:
//   {"compared_to": "...", "pages": {"added": [{"path": ..., "url": ...}],
//    "changed": [...], "removed": [...]}, "files": {...}}
std::string changes_json(const SiteChanges& changes, const std::string& compared_to);

}  // namespace agora
