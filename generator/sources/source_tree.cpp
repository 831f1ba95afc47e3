#include "sources/source_tree.h"

#include <map>

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

std::string joined_type_folders(const SiteConfig& config, const std::string& prefix) {
  std::string folders;
  for (size_t i = 0; i < config.types.size(); ++i) {
    folders += (i == 0                         ? ""
                : i + 1 == config.types.size() ? " or "
                                               : ", ") +
               prefix + config.types[i].name + "/";
  }
  return folders;
}

class SourceFinder {
 public:
  SourceFinder(const FileSystem& fs, const SiteConfig& config, Diagnostics* diags)
      : fs_(fs), config_(config), diags_(diags) {
    for (const auto& type : config.types) type_names_.push_back(type.name);
    for (const auto& language : config.languages) codes_.push_back(language.code);
  }

  std::vector<SourceFile> run() {
    for (const auto& relative : fs_.list_files(join_path(config_.root, "content"))) {
      if (!is_skipped(relative)) {
        add(relative);
      } else if (relative == "_index.md" || relative.ends_with("/_index.md")) {
        // Hugo's section page: its text would be lost without a word.
        diags_->warning("content/" + relative, 0, 0, "section-page",
                        "files whose names start with '_' are not published, and this "
                        "_index.md (a Hugo section page) is one of them",
                        "move what it says into a document, or into site.yaml's description");
      }
    }
    check_collisions();
    return std::move(sources_);
  }

 private:
  void add(const std::string& relative) {
    const std::string path = "content/" + relative;
    const bool markdown = relative.ends_with(".md");
    std::string rest = relative;
    std::string language = config_.language;
    if (config_.translation_layout == TranslationLayout::kFolders) {
      size_t slash = rest.find('/');
      std::string folder = rest.substr(0, slash);
      if (slash == std::string::npos || !config_.language_config(folder)) {
        if (markdown || slash != std::string::npos) {
          diags_->error(path, 0, 0, "misplaced-file",
                        "content lives in a folder per language: content/LANG/TYPE/NAME.md",
                        slash == std::string::npos ? "" : did_you_mean(folder, codes_));
        }
        return;
      }
      language = folder;
      rest = rest.substr(slash + 1);
    }
    const std::string tree = language_tree(config_, language);
    size_t slash = rest.find('/');
    if (slash == std::string::npos) {
      if (markdown) {
        diags_->error(path, 0, 0, "misplaced-file",
                      "documents live in a folder per type: content/TYPE/NAME.md",
                      "move it into the folder of its type: " +
                          joined_type_folders(config_, "content/" + (relative.size() == rest.size()
                                                                         ? std::string()
                                                                         : language + "/")));
      }
      return;
    }
    std::string type = rest.substr(0, slash);
    if (!config_.type(type)) {
      diags_->error(path, 0, 0, "unknown-type",
                    "folder '" + type + "' is not a content type declared in site.yaml",
                    did_you_mean(type, type_names_));
      return;
    }
    std::string inside = rest.substr(slash + 1);
    SourceFile source;
    source.path = path;
    source.type = type;
    source.language = language;
    if (!markdown) {
      add_attachment(std::move(source), tree + type + "/" + inside);
      return;
    }
    if (inside.find('/') != std::string::npos && !config_.nested_folders) {
      diags_->error(path, 0, 0, "misplaced-file",
                    "documents live directly in content/" + type + "/, not in a sub-folder",
                    "move it to content/" + type + "/" + inside.substr(inside.rfind('/') + 1) +
                        ", or set nested_folders: true in site.yaml");
      return;
    }
    std::string name = inside.substr(inside.rfind('/') + 1);
    std::string stem = name.substr(0, name.size() - 3);
    if (config_.translation_layout == TranslationLayout::kFiles) {
      // NAME.fr.md translates NAME.md.
      size_t dot = stem.rfind('.');
      if (dot != std::string::npos && dot > 0 && config_.language_config(stem.substr(dot + 1)) &&
          stem.substr(dot + 1) != config_.language) {
        source.language = stem.substr(dot + 1);
        stem = stem.substr(0, dot);
        source.original = "content/" + type + "/" + stem + ".md";
      }
    }
    source.slug = slug_of(path, stem, name);
    if (source.slug.empty()) return;
    source.output = language_tree(config_, source.language) + type + "/" + source.slug + "/";
    source.is_document = true;
    sources_.push_back(std::move(source));
  }

  // The URL segment of a file name: the name itself when it is kebab-case,
  // else its transliteration, with a warning so the contributor may rename it.
  std::string slug_of(const std::string& path, const std::string& stem, const std::string& name) {
    if (is_kebab_case_file_name(stem + ".md")) return stem;
    std::string slug = slugify(stem);
    if (slug.empty()) {
      diags_->error(
          path, 0, 0, "file-name",
          "file name '" + name + "' has no letter or digit to make an address of",
          "rename it with Latin letters or digits, e.g. '" + std::string("document") + ".md'");
      return "";
    }
    diags_->warning(
        path, 0, 0, "file-name",
        "file name '" + name + "' is not lower-case kebab-case; it is published as '" + slug + "'",
        "rename it to '" + slug + ".md' so the file and its address agree");
    return slug;
  }

  void add_attachment(SourceFile source, std::string output) {
    // Every attachment is published, linked or not: each must fit the limit.
    int64_t bytes = fs_.file_size(join_path(config_.root, source.path));
    if (bytes > config_.attachment_max_bytes) {
      diags_->error(source.path, 0, 0, "file-too-large",
                    "the file is " + std::to_string(bytes) + " bytes; the limit is " +
                        std::to_string(config_.attachment_max_bytes) +
                        " (attachment_max_bytes in site.yaml)",
                    "compress or resize it: readers may be on slow or costly links");
    }
    source.output = std::move(output);
    sources_.push_back(std::move(source));
  }

  // Two documents at one address: both are named, neither is published.
  void check_collisions() {
    std::map<std::string, std::vector<size_t>> by_output;
    for (size_t i = 0; i < sources_.size(); ++i) {
      if (sources_[i].is_document) by_output[sources_[i].output].push_back(i);
    }
    std::vector<bool> drop(sources_.size(), false);
    for (const auto& [output, indexes] : by_output) {
      if (indexes.size() < 2) continue;
      for (size_t i : indexes) {
        std::string others;
        for (size_t j : indexes) {
          if (j != i) others += (others.empty() ? "" : ", ") + sources_[j].path;
        }
        diags_->error(sources_[i].path, 0, 0, "slug-collision",
                      "this file and " + others + " would both be published at " + output,
                      "rename one of them");
        drop[i] = true;
      }
    }
    std::vector<SourceFile> kept;
    for (size_t i = 0; i < sources_.size(); ++i) {
      if (!drop[i]) kept.push_back(std::move(sources_[i]));
    }
    sources_ = std::move(kept);
  }

  const FileSystem& fs_;
  const SiteConfig& config_;
  Diagnostics* diags_;
  std::vector<std::string> type_names_;
  std::vector<std::string> codes_;
  std::vector<SourceFile> sources_;
};

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

std::string language_tree(const SiteConfig& config, const std::string& code) {
  return code == config.language ? "" : code + "/";
}

std::vector<SourceFile> find_sources(const FileSystem& fs, const SiteConfig& config,
                                     Diagnostics* diags) {
  return SourceFinder(fs, config, diags).run();
}

}  // namespace agora
