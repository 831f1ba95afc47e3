#include "output/site_changes.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace agora {

namespace {

// X.gz or X.br when X itself is in the manifest: a copy, not a file of its own.
bool is_copy(const std::string& path, const std::set<std::string>& paths) {
  for (const char* suffix : {".gz", ".br"}) {
    if (path.ends_with(suffix) && paths.count(path.substr(0, path.size() - 3))) return true;
  }
  return false;
}

std::map<std::string, std::string> hashes_of(const std::vector<ManifestEntry>& entries) {
  std::set<std::string> paths;
  for (const ManifestEntry& e : entries) paths.insert(e.path);
  std::map<std::string, std::string> hashes;
  for (const ManifestEntry& e : entries) {
    if (e.path != kManifestPath && !is_copy(e.path, paths)) hashes[e.path] = e.sha256;
  }
  return hashes;
}

void add(const std::string& path, const std::string& base_url, SiteChanges* changes,
         std::vector<ChangedFile> ChangeList::*list) {
  ChangeList& kind = path.ends_with(".html") ? changes->pages : changes->files;
  (kind.*list).push_back({path, url_of_path(base_url, path)});
}

nlohmann::json list_json(const std::vector<ChangedFile>& files) {
  nlohmann::json list = nlohmann::json::array();
  for (const ChangedFile& f : files) list.push_back({{"path", f.path}, {"url", f.url}});
  return list;
}

nlohmann::json change_list_json(const ChangeList& list) {
  return {{"added", list_json(list.added)},
          {"changed", list_json(list.changed)},
          {"removed", list_json(list.removed)}};
}

}  // namespace

std::string url_of_path(const std::string& base_url, const std::string& path) {
  std::string relative = path;
  if (relative == "index.html") {
    relative.clear();
  } else if (relative.ends_with("/index.html")) {
    relative.resize(relative.size() - std::string("index.html").size());
  }
  return base_url + relative;
}

SiteChanges compare_manifests(const std::vector<ManifestEntry>& published,
                              const std::vector<ManifestEntry>& built,
                              const std::string& base_url) {
  std::map<std::string, std::string> before = hashes_of(published), after = hashes_of(built);
  SiteChanges changes;
  for (const auto& [path, hash] : after) {
    auto old = before.find(path);
    if (old == before.end()) {
      add(path, base_url, &changes, &ChangeList::added);
    } else if (old->second != hash) {
      add(path, base_url, &changes, &ChangeList::changed);
    }
  }
  for (const auto& [path, _] : before) {
    if (!after.count(path)) add(path, base_url, &changes, &ChangeList::removed);
  }
  return changes;
}

std::string changes_json(const SiteChanges& changes, const std::string& compared_to) {
  nlohmann::ordered_json out;
  out["compared_to"] = compared_to;
  out["pages"] = change_list_json(changes.pages);
  out["files"] = change_list_json(changes.files);
  return out.dump(2) + "\n";
}

}  // namespace agora
