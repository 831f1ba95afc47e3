#include "output/site_inputs.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "content/front_matter.h"
#include "util/path.h"
#include "util/sha256.h"

namespace agora {

namespace {

constexpr std::string_view kSiteLine = "site ";

// The names of a listing as one digest: a file added or removed anywhere
// loading looked changes what it may have read.
std::string names_digest(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text.append(name).push_back('\n');
  return sha256_hex(text);
}

// A path as the inputs name it: relative to the site's root when under it,
// so that one site given by `--config site.yaml`, by a relative path from
// elsewhere or by its absolute path has the same inputs.
std::string_view site_relative(std::string_view path, std::string_view root) {
  return path_below(root, path).value_or(path);
}

}  // namespace

bool InputLog::read_file(const std::string& path, std::string* contents, std::string* err) const {
  Read read;
  const bool found = read.found = FileSystemWrapper::read_file(path, contents, err);
  if (found) {
    read.sha256 = sha256_hex(*contents);
    const FrontMatterSplit split = split_front_matter(*contents);
    if (split.found && split.closed) read.front_matter = sha256_hex(split.yaml);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  reads_.insert_or_assign(path, std::move(read));
  return found;
}

std::vector<std::string> InputLog::list_files(const std::string& dir) const {
  std::vector<std::string> names = FileSystemWrapper::list_files(dir);
  std::string digest = names_digest(names);
  std::lock_guard<std::mutex> lock(mutex_);
  listings_.insert_or_assign("files " + dir, std::move(digest));
  return names;
}

TreeListing InputLog::list_tree(const std::string& dir) const {
  TreeListing listing = FileSystemWrapper::list_tree(dir);
  std::string digest = names_digest(listing.files) + names_digest(listing.symlinks);
  std::lock_guard<std::mutex> lock(mutex_);
  listings_.insert_or_assign("tree " + dir, std::move(digest));
  return listing;
}

std::string site_inputs(const InputLog& log, const Site& site, const std::string& build_id,
                        const std::string& settings) {
  if (build_id.empty()) return "";
  // Documents by the path loading read them at.
  std::map<std::string, const Document*> documents;
  for (const Document& doc : site.documents) {
    if (doc.source_path.find_first_of("\r\n") != std::string::npos) return "";
    std::string path = join_path(site.config.root, doc.source_path);
    // A document loading did not read through the log, or read without
    // front matter, cannot be told apart from its last version.
    auto read = log.reads().find(path);
    if (read == log.reads().end() || !read->second.found || read->second.front_matter.empty()) {
      return "";
    }
    documents.emplace(std::move(path), &doc);
  }
  // What every page may show, as text to hash: one line per file and
  // listing, in the order of the names they have here.
  const std::string_view root = site.config.root;
  std::vector<std::string> entries;
  std::string lines;
  for (const auto& [path, read] : log.reads()) {
    auto doc = documents.find(path);
    const bool document = doc != documents.end();
    entries.push_back(std::string(site_relative(path, root)) + "\n" +
                      (document     ? "front matter "
                       : read.found ? "file "
                                    : "missing ") +
                      (document ? read.front_matter : read.sha256));
    if (!document) continue;
    // A document's own page shows all of it, its history too.
    std::string own = read.sha256 + "\n" + doc->second->last_updated + "\n";
    for (const Contributor& c : doc->second->contributors) {
      own.append(c.name).append(" ").append(std::to_string(c.commits)).push_back('\n');
    }
    lines.append(sha256_hex(own)).append(" ").append(doc->second->source_path).push_back('\n');
  }
  for (const auto& [listing, digest] : log.listings()) {
    // "files DIR" or "tree DIR" (see InputLog).
    const size_t space = listing.find(' ');
    const std::string_view dir = std::string_view(listing).substr(space + 1);
    entries.push_back(std::string(site_relative(dir, root)) + "\nlisting " +
                      listing.substr(0, space) + " " + digest);
  }
  std::sort(entries.begin(), entries.end());
  std::string shared = "program " + build_id + "\n" + settings + "\n";
  for (const std::string& entry : entries) shared.append(entry).push_back('\n');
  return std::string(kSiteLine) + sha256_hex(shared) + "\n" + lines;
}

std::optional<PageReuse> page_reuse(const std::string& previous, const std::string& current) {
  auto site_line = [](std::string_view text) {
    const size_t end = text.find('\n');
    return end == std::string_view::npos || !text.starts_with(kSiteLine) ? std::string_view()
                                                                         : text.substr(0, end);
  };
  const std::string_view site = site_line(current);
  if (site.empty() || site != site_line(previous)) return std::nullopt;
  // The documents' lines, each "SHA256 SOURCE_PATH", as a set of lines.
  auto document_lines = [](std::string_view text) {
    std::map<std::string_view, std::string_view> out;  // path -> digest
    text.remove_prefix(std::min(text.size(), text.find('\n') + 1));
    while (!text.empty()) {
      const size_t end = std::min(text.size(), text.find('\n'));
      const std::string_view line = text.substr(0, end);
      const size_t space = line.find(' ');
      if (space != std::string_view::npos) out[line.substr(space + 1)] = line.substr(0, space);
      text.remove_prefix(std::min(text.size(), end + 1));
    }
    return out;
  };
  const auto before = document_lines(previous);
  PageReuse reuse;
  for (const auto& [path, digest] : document_lines(current)) {
    auto was = before.find(path);
    if (was == before.end() || was->second != digest) reuse.changed.emplace(path);
  }
  return reuse;
}

}  // namespace agora
