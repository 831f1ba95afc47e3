#include "validate/link_targets.h"

#include <vector>

#include "content/markdown.h"
#include "util/path.h"
#include "util/suggest.h"

namespace agora {

namespace {

struct LinkError {
  std::string code;
  std::string message;
  std::string hint;
};

// How a document in `from_dir` ("content/case-studies/") writes a link to the
// source path `target` ("content/organizations/itu.md"): "../organizations/itu.md".
// Suggestions are made in this form, the one the contributor typed.
std::string relative_source(const std::string& from_dir, const std::string& target) {
  std::vector<std::string_view> from = path_segments(from_dir), to = path_segments(target);
  size_t common = 0;
  while (common < from.size() && common + 1 < to.size() && from[common] == to[common]) ++common;
  std::string out;
  for (size_t i = common; i < from.size(); ++i) out += "../";
  for (size_t i = common; i < to.size(); ++i) {
    if (i > common) out += '/';
    out += to[i];
  }
  return out;
}

std::string suggest_source(const std::string& from_dir, const std::string& target,
                           const std::vector<std::string>& sources) {
  std::vector<std::string> candidates;
  for (const auto& source : sources) candidates.push_back(relative_source(from_dir, source));
  return did_you_mean(relative_source(from_dir, target), candidates);
}

class Resolver {
 public:
  Resolver(const LinkIndex& index, const Document& from) : index_(index), from_(from) {}

  // The target of a site link, or an error.
  bool resolve(const std::string& destination, bool is_image, LinkTarget* target,
               LinkError* error) const {
    size_t hash = destination.find('#');
    std::string path = destination.substr(0, hash);
    std::string fragment = hash == std::string::npos ? "" : destination.substr(hash + 1);
    if (size_t query = path.find('?'); query != std::string::npos) path.resize(query);
    if (path.empty()) {
      *target = {LinkTarget::kAnchor, "", fragment, ""};
      return check_anchor(from_, fragment, error);
    }
    if (path.front() == '/') return absolute_link(destination, path, error);
    std::string source;
    if (!normalise_path(parent_dir(from_.source_path) + path, &source) ||
        !source.starts_with("content/")) {
      *error = {"link-outside", "link '" + destination + "' points outside content/",
                "link only to documents and files in content/; other pages need a full "
                "https:// address"};
      return false;
    }
    if (source.ends_with(".md")) return document_link(source, fragment, target, error);
    return file_link(source, fragment, is_image, target, error);
  }

 private:
  bool check_anchor(const Document& target, const std::string& fragment, LinkError* error) const {
    if (fragment.empty() || target.has_anchor(fragment)) return true;
    std::vector<std::string> ids;
    for (const auto& heading : target.headings) ids.push_back(heading.id);
    std::string where =
        target.source_path == from_.source_path ? "this document" : target.source_path;
    *error = {"broken-anchor", "no heading with id '" + fragment + "' in " + where,
              did_you_mean(fragment, ids)};
    return false;
  }

  // "/case-studies/giga/" is how the page is published, not where its source
  // is; when it names a document or file, the hint gives the link to write.
  bool absolute_link(const std::string& destination, const std::string& path,
                     LinkError* error) const {
    std::string stem = path.substr(1);
    if (stem.ends_with("index.html")) stem.resize(stem.size() - 10);
    while (!stem.empty() && stem.back() == '/') stem.pop_back();
    std::string hint =
        "link to the Markdown file relative to this one, e.g. ../organizations/itu.md";
    std::string source = "content/" + stem;
    if (index_.documents.count(source + ".md")) source += ".md";
    if (index_.documents.count(source) || index_.files.count(stem)) {
      hint = "write it as '" + relative_source(parent_dir(from_.source_path), source) + "'";
    }
    *error = {"absolute-link",
              "link '" + destination + "' starts with '/', which breaks under a sub-path", hint};
    return false;
  }

  bool document_link(const std::string& source, const std::string& fragment, LinkTarget* target,
                     LinkError* error) const {
    auto it = index_.documents.find(source);
    if (it == index_.documents.end()) {
      if (index_.unloaded.count(source)) return true;  // its own errors say why
      std::vector<std::string> sources;
      for (const auto& [known, _] : index_.documents) sources.push_back(known);
      *error = {"broken-link", "link to missing document '" + source + "'",
                suggest_source(parent_dir(from_.source_path), source, sources)};
      return false;
    }
    const Document& document = *it->second;
    *target = {LinkTarget::kPage, document.path, fragment, document.group};
    return check_anchor(document, fragment, error);
  }

  bool file_link(const std::string& source, const std::string& fragment, bool is_image,
                 LinkTarget* target, LinkError* error) const {
    std::string output = source.substr(std::string("content/").size());
    // "../case-studies/" names a type's listing.
    std::string type = output;
    if (!type.empty() && type.back() == '/') type.pop_back();
    if (index_.types.count(type)) {
      *target = {LinkTarget::kPage, type + "/", fragment, ""};
      return true;
    }
    if (!index_.files.count(output)) {
      std::vector<std::string> sources;
      for (const auto& path : index_.files) sources.push_back("content/" + path);
      *error = {is_image ? "missing-image" : "missing-file",
                std::string(is_image ? "image" : "file") + " '" + source + "' does not exist",
                suggest_source(parent_dir(from_.source_path), source, sources)};
      return false;
    }
    // Size is checked once per file, where sources are found, not per link.
    *target = {LinkTarget::kFile, output, fragment, ""};
    return true;
  }

  const LinkIndex& index_;
  const Document& from_;
};

}  // namespace

void resolve_links(const LinkIndex& index, Document* doc, Diagnostics* diags) {
  doc->targets.assign(doc->links.size(), LinkTarget{});
  Resolver resolver(index, *doc);
  for (size_t i = 0; i < doc->links.size(); ++i) {
    const LinkReference& link = doc->links[i];
    if (!is_site_link(link.destination)) continue;
    LinkTarget target;
    LinkError error;
    if (resolver.resolve(link.destination, link.is_image, &target, &error)) {
      doc->targets[i] = std::move(target);
    } else if (!index.broken_links_are_warnings) {
      diags->error(doc->source_path, link.line, link.column, error.code, error.message, error.hint);
    } else {
      if (error.code == "absolute-link" && !index.base_url.empty()) {
        target = {LinkTarget::kExternal, index.base_url + link.destination.substr(1), "", ""};
      } else if (error.code == "broken-anchor") {  // the page, at its top
        if (target.kind != LinkTarget::kPage)
          target = {LinkTarget::kPage, doc->path, "", doc->group};
        target.fragment.clear();
      }
      doc->targets[i] = std::move(target);
      diags->warning(doc->source_path, link.line, link.column, error.code, error.message,
                     error.hint);
    }
  }
}

}  // namespace agora
