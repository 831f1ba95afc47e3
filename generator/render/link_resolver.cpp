#include "render/link_resolver.h"

#include <cctype>

#include "util/suggest.h"

namespace agora {

namespace {

bool has_scheme(const std::string& url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return false;
}

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

ResolvedLink error(std::string code, std::string message, std::string hint = {}) {
  return {ResolvedLink::kError, "", std::move(code), std::move(message), std::move(hint)};
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

// How a document in `from_dir` ("content/case-studies/") writes a link to the
// source path `target` ("content/organizations/itu.md"): "../organizations/itu.md".
// Suggestions are made in this form, the one the contributor typed.
std::string relative_source(const std::string& from_dir, const std::string& target) {
  std::vector<std::string> from = split(from_dir), to = split(target);
  size_t common = 0;
  while (common < from.size() && common + 1 < to.size() && from[common] == to[common]) ++common;
  std::string out;
  for (size_t i = common; i < from.size(); ++i) out += "../";
  for (size_t i = common; i < to.size(); ++i) out += (i > common ? "/" : "") + to[i];
  return out;
}

std::string suggest_source(const std::string& from_dir, const std::string& target,
                           const std::vector<std::string>& sources) {
  std::vector<std::string> candidates;
  for (const auto& source : sources) candidates.push_back(relative_source(from_dir, source));
  return did_you_mean(relative_source(from_dir, target), candidates);
}

ResolvedLink check_anchor(const Document& from, const Document& target, const std::string& fragment,
                          std::string url) {
  if (!fragment.empty() && !target.has_anchor(fragment)) {
    std::vector<std::string> ids;
    for (const auto& h : target.headings) ids.push_back(h.id);
    std::string where =
        target.source_path == from.source_path ? "this document" : target.source_path;
    return error("broken-anchor", "no heading with id '" + fragment + "' in " + where,
                 did_you_mean(fragment, ids));
  }
  if (!fragment.empty()) url += "#" + fragment;
  return {ResolvedLink::kRewrite, std::move(url), "", "", ""};
}

}  // namespace

ResolvedLink LinkResolver::resolve(const Document& from, const std::string& destination,
                                   bool is_image) const {
  if (destination.empty() || has_scheme(destination) || destination.starts_with("//")) {
    return {};
  }
  size_t hash = destination.find('#');
  std::string path = destination.substr(0, hash);
  std::string fragment = hash == std::string::npos ? "" : destination.substr(hash + 1);
  size_t query = path.find('?');
  if (query != std::string::npos) path.resize(query);
  if (path.empty()) {
    if (fragment.empty()) return {};
    return check_anchor(from, from, fragment, "");
  }
  if (path.front() == '/') return absolute_link(from, destination, path);
  std::string target;
  if (!normalise_path(dir_of(from.source_path) + path, &target) ||
      !target.starts_with("content/")) {
    return error("link-outside", "link '" + destination + "' points outside content/",
                 "link only to documents and files in content/; other pages need a full "
                 "https:// address");
  }
  if (target.ends_with(".md")) return resolve_document(from, target, fragment);
  return resolve_file(from, target, fragment, is_image);
}

// "/case-studies/giga/" is how the page is published, not where its source
// is; when it names a document or file, the hint gives the link to write.
ResolvedLink LinkResolver::absolute_link(const Document& from, const std::string& destination,
                                         const std::string& path) const {
  std::string stem = path.substr(1);
  if (stem.ends_with("index.html")) {
    stem.resize(stem.size() - 10);
  }
  while (!stem.empty() && stem.back() == '/') stem.pop_back();
  std::string hint = "link to the Markdown file relative to this one, e.g. ../organizations/itu.md";
  std::string source = "content/" + stem;
  if (site_.by_source.count(source + ".md")) source += ".md";
  if (site_.by_source.count(source) || attachment_sizes_.count(stem)) {
    hint = "write it as '" + relative_source(dir_of(from.source_path), source) + "'";
  }
  return error("absolute-link",
               "link '" + destination + "' starts with '/', which breaks under a sub-path", hint);
}

ResolvedLink LinkResolver::resolve_document(const Document& from, const std::string& target_source,
                                            const std::string& fragment) const {
  auto it = site_.by_source.find(target_source);
  if (it == site_.by_source.end()) {
    std::vector<std::string> sources;
    for (const auto& [source, _] : site_.by_source) sources.push_back(source);
    return error("broken-link", "link to missing document '" + target_source + "'",
                 suggest_source(dir_of(from.source_path), target_source, sources));
  }
  const Document& target = site_.documents[it->second];
  return check_anchor(from, target, fragment, relative_url(from.path, target.path, style_));
}

ResolvedLink LinkResolver::resolve_file(const Document& from, const std::string& target_source,
                                        const std::string& fragment, bool is_image) const {
  std::string output = target_source.substr(std::string("content/").size());
  // "../case-studies/" names a type's listing.
  std::string type = output;
  if (!type.empty() && type.back() == '/') type.pop_back();
  if (site_.config.type(type)) {
    std::string url = relative_url(from.path, type + "/", style_);
    return {ResolvedLink::kRewrite, fragment.empty() ? url : url + "#" + fragment, "", "", ""};
  }
  auto it = attachment_sizes_.find(output);
  if (it == attachment_sizes_.end()) {
    std::vector<std::string> sources;
    for (const auto& [path, _] : attachment_sizes_) sources.push_back("content/" + path);
    return error(
        is_image ? "missing-image" : "missing-file",
        std::string(is_image ? "image" : "file") + " '" + target_source + "' does not exist",
        suggest_source(dir_of(from.source_path), target_source, sources));
  }
  // Size is checked once per file, where sources are found, not per link.
  std::string url = relative_url(from.path, output, style_);
  return {ResolvedLink::kRewrite, fragment.empty() ? url : url + "#" + fragment, "", "", ""};
}

}  // namespace agora
