#include "sources/source_tree.h"

#include "util/suggest.h"
#include "util/text.h"

namespace agora {

namespace {

bool is_skipped(const std::string& relative) {
  size_t start = 0;
  while (start < relative.size()) {
    if (relative[start] == '_' || relative[start] == '.') return true;
    size_t slash = relative.find('/', start);
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return false;
}

}  // namespace

bool is_kebab_case_file_name(const std::string& name) {
  if (!name.ends_with(".md") || name.size() == 3) return false;
  std::string stem = name.substr(0, name.size() - 3);
  if (stem.front() == '-' || stem.back() == '-') return false;
  for (size_t i = 0; i < stem.size(); ++i) {
    char c = stem[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && stem[i - 1] != '-');
    if (!ok) return false;
  }
  return true;
}

std::vector<SourceFile> find_sources(const FileSystem& fs, const SiteConfig& config,
                                     Diagnostics* diags) {
  std::vector<SourceFile> sources;
  std::string content_dir = join_path(config.root, "content");
  std::vector<std::string> type_names;
  for (const auto& type : config.types) type_names.push_back(type.name);
  for (const auto& relative : fs.list_files(content_dir)) {
    if (is_skipped(relative)) continue;
    std::string path = "content/" + relative;
    bool markdown = relative.ends_with(".md");
    size_t slash = relative.find('/');
    if (slash == std::string::npos) {
      if (markdown) {
        std::string folders;
        for (size_t i = 0; i < type_names.size(); ++i) {
          folders += (i == 0                       ? ""
                      : i + 1 == type_names.size() ? " or "
                                                   : ", ") +
                     std::string("content/") + type_names[i] + "/";
        }
        diags->error(path, 0, 0, "misplaced-file",
                     "documents live in a folder per type: content/TYPE/NAME.md",
                     "move it into the folder of its type: " + folders);
      }
      continue;
    }
    std::string type = relative.substr(0, slash);
    if (!config.type(type)) {
      diags->error(path, 0, 0, "unknown-type",
                   "folder '" + type + "' is not a content type declared in site.yaml",
                   did_you_mean(type, type_names));
      continue;
    }
    std::string rest = relative.substr(slash + 1);
    SourceFile source{path, type, "", false};
    if (markdown) {
      if (rest.find('/') != std::string::npos) {
        diags->error(path, 0, 0, "misplaced-file",
                     "documents live directly in content/" + type + "/, not in a sub-folder",
                     "move it to content/" + type + "/" + rest.substr(rest.rfind('/') + 1));
        continue;
      }
      if (!is_kebab_case_file_name(rest)) {
        diags->error(path, 0, 0, "file-name",
                     "file name '" + rest + "' must be lower-case kebab-case ending in .md",
                     "rename it to '" + slugify(rest.substr(0, rest.size() - 3)) + ".md'");
        continue;
      }
      source.slug = rest.substr(0, rest.size() - 3);
      source.is_document = true;
    } else {
      // Every attachment is published, linked or not: each must fit the limit.
      int64_t bytes = fs.file_size(join_path(config.root, path));
      if (bytes > config.attachment_max_bytes) {
        diags->error(path, 0, 0, "file-too-large",
                     "the file is " + std::to_string(bytes) + " bytes; the limit is " +
                         std::to_string(config.attachment_max_bytes) +
                         " (attachment_max_bytes in site.yaml)",
                     "compress or resize it: readers may be on slow or costly links");
      }
    }
    sources.push_back(std::move(source));
  }
  return sources;
}

}  // namespace agora
