#pragma once
// Finds the content files: documents and the other files beside them
// (images, attachments), in the layout site.yaml declares:
//   content/TYPE/NAME.md, content/TYPE/NAME.LANG.md   (translations: files)
//   content/LANG/TYPE/NAME.md                           (translations: folders)
// Names starting with '_' or '.' are skipped.

#include <string>
#include <vector>

#include "config/site_config.h"
#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

struct SourceFile {
  std::string path;  // relative to the site root: "content/TYPE/SLUG.md"
  std::string type;
  std::string slug;      // documents only: the URL segment, unique per type and language
  std::string language;  // a declared language code
  // Files layout: the document this one translates ("content/TYPE/NAME.md");
  // "" for an original.
  std::string original;
  // Where it is published, site-relative: "TYPE/SLUG/" for a document of the
  // default language, "LANG/TYPE/SLUG/" for another; an attachment's file
  // path ("case-studies/img/map.png").
  std::string output;
  bool is_document = false;
};

// Lists sources in path order. Reports Markdown files outside a type folder,
// in a sub-folder (unless site.yaml allows nested_folders), in a folder of an
// undeclared language, two files that would publish at one address, and
// attachments larger than config.attachment_max_bytes. A file name that is
// not lower-case kebab-case is published under its transliterated slug, with
// a warning.
std::vector<SourceFile> find_sources(const FileSystem& fs, const SiteConfig& config,
                                     Diagnostics* diags);

// True for "best-practice-2.md": lower-case ASCII letters, digits and single
// hyphens, ending in ".md".
bool is_kebab_case_file_name(const std::string& name);

// The tree a language's pages live in: "" for the default, "fr/" for French.
std::string language_tree(const SiteConfig& config, const std::string& code);

}  // namespace agora
