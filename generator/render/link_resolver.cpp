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

bool ends_with(const std::string& s, const char* suffix) {
  std::string_view suf(suffix);
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

ResolvedLink error(std::string code, std::string message, std::string hint = {}) {
  return {ResolvedLink::kError, "", std::move(code), std::move(message), std::move(hint)};
}

ResolvedLink check_anchor(const Document& target, const std::string& fragment, std::string url) {
  if (!fragment.empty() && !target.has_anchor(fragment)) {
    std::vector<std::string> ids;
    for (const auto& h : target.headings) ids.push_back(h.id);
    return error("broken-anchor",
                 "no heading with id '" + fragment + "' in " + target.source_path,
                 did_you_mean(fragment, ids));
  }
  if (!fragment.empty()) url += "#" + fragment;
  return {ResolvedLink::kRewrite, std::move(url), "", "", ""};
}

}  // namespace

ResolvedLink LinkResolver::resolve(const Document& from, const std::string& destination,
                                   bool is_image) const {
  if (destination.empty() || has_scheme(destination) || destination.rfind("//", 0) == 0) {
    return {};
  }
  size_t hash = destination.find('#');
  std::string path = destination.substr(0, hash);
  std::string fragment = hash == std::string::npos ? "" : destination.substr(hash + 1);
  size_t query = path.find('?');
  if (query != std::string::npos) path.resize(query);
  if (path.empty()) {
    if (fragment.empty()) return {};
    return check_anchor(from, fragment, "");
  }
  if (path.front() == '/') {
    return error("absolute-link",
                 "link '" + destination + "' starts with '/', which breaks under a sub-path",
                 "link to the Markdown file relative to this one, e.g. ../organizations/itu.md");
  }
  std::string target;
  if (!normalise_path(dir_of(from.source_path) + path, &target) ||
      target.rfind("content/", 0) != 0) {
    return error("link-outside", "link '" + destination + "' points outside content/");
  }
  if (ends_with(target, ".md")) return resolve_document(from, target, fragment);
  return resolve_file(from, target, fragment, is_image);
}

ResolvedLink LinkResolver::resolve_document(const Document& from, const std::string& target_source,
                                            const std::string& fragment) const {
  auto it = site_.by_source.find(target_source);
  if (it == site_.by_source.end()) {
    std::vector<std::string> candidates;
    for (const auto& [source, _] : site_.by_source) candidates.push_back(source);
    std::string hint = did_you_mean(target_source, candidates);
    return error("broken-link", "link to missing document '" + target_source + "'", hint);
  }
  const Document& target = site_.documents[it->second];
  return check_anchor(target, fragment, relative_url(from.path, target.path, style_));
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
    return error(is_image ? "missing-image" : "missing-file",
                 std::string(is_image ? "image" : "file") + " '" + target_source +
                     "' does not exist");
  }
  if (it->second > site_.config.attachment_max_bytes) {
    return error("file-too-large",
                 "'" + target_source + "' is " + std::to_string(it->second) +
                     " bytes; the limit is " + std::to_string(site_.config.attachment_max_bytes),
                 "compress or resize it, readers may be on slow or costly links");
  }
  std::string url = relative_url(from.path, output, style_);
  return {ResolvedLink::kRewrite, fragment.empty() ? url : url + "#" + fragment, "", "", ""};
}

}  // namespace agora
