#pragma once
// A small site in memory for model and render tests: three types, a file
// vocabulary, ISO countries and an organizations vocabulary.

#include <string>

#include "config/vocabulary.h"
#include "search/site_search.h"
#include "util/file_system.h"
#include "util/install_paths.h"

namespace agora::testing {

inline const char* kFixtureConfig = R"(title: Fixture
description: A fixture site.
base_url: https://example.org/kb/
page_size: 2
taxonomies:
  themes:
    title: Themes
    vocabulary: {file: data/themes.yaml}
  countries:
    title: Countries
    vocabulary: {iso3166: true}
  organizations:
    title: Organizations
    vocabulary: {documents: organizations}
common_fields:
  - {name: title, type: string, required: true}
  - {name: date, type: date, required: true}
  - {name: summary, type: text, required: true}
  - {name: draft, type: boolean}
  - {name: themes, type: list-of-terms, taxonomy: themes}
  - {name: countries, type: list-of-terms, taxonomy: countries}
  - {name: organizations, type: list-of-terms, taxonomy: organizations}
types:
  notes:
    title: Notes
    singular: Note
    fields:
      - {name: status, type: enum, values: [open, closed]}
      - {name: leads, type: list-of-terms, taxonomy: organizations}
      - {name: see_also, type: list-of-references, target: notes}
  organizations:
    title: Organizations
    singular: Organization
    fields:
      - {name: website, type: url}
    backlinks:
      - {name: mentioned, label: Mentioned in, fields: [organizations]}
)";

inline const char* kFixtureThemes = R"(- {id: skills, name: Digital skills}
- {id: inclusion, name: Digital inclusion, aliases: [Inclusion]}
- {id: infra, name: Infrastructure}
)";

// A document with the given front matter lines and body.
inline std::string fixture_doc(const std::string& fields,
                               const std::string& body = "Body text.\n") {
  return "---\n" + fields + "---\n" + body;
}

inline void write_fixture_site(FileSystem* fs) {
  std::string err;
  fs->write_file("site/site.yaml", kFixtureConfig, &err);
  fs->write_file("site/data/themes.yaml", kFixtureThemes, &err);
  fs->write_file("site/content/organizations/itu.md",
                 fixture_doc("title: ITU\ndate: 2020-01-01\nsummary: A UN agency.\n"
                             "website: https://www.itu.int\n",
                             "## History\n\nFounded in 1865.\n"),
                 &err);
  fs->write_file("site/content/organizations/undp.md",
                 fixture_doc("title: UNDP\ndate: 2020-01-02\nsummary: Development programme.\n"),
                 &err);
  fs->write_file(
      "site/content/notes/alpha.md",
      fixture_doc(
          "title: Alpha\ndate: 2021-03-01\nsummary: First.\nthemes: [skills, inclusion]\n"
          "countries: [Ghana]\nleads: [itu]\n",
          "## Context\n\nSee [ITU](../organizations/itu.md#history) and [beta](beta.md).\n"),
      &err);
  fs->write_file("site/content/notes/beta.md",
                 fixture_doc("title: Beta\ndate: 2022-05-01\nsummary: Second.\nthemes: [skills]\n"
                             "organizations: [itu, undp]\nsee_also: [alpha]\n"),
                 &err);
  fs->write_file(
      "site/content/notes/gamma.md",
      fixture_doc("title: Gamma\ndate: 2020-07-01\nsummary: Third.\nthemes: [Infrastructure]\n"
                  "countries: [GH, Mongolia]\n"),
      &err);
  fs->write_file("site/content/notes/delta.md",
                 fixture_doc("title: Delta\ndate: 2023-01-01\nsummary: Draft.\ndraft: true\n"),
                 &err);
}

// A site in memory that still sees the real things a build reads beside it:
// the ISO country list of the iso-codes package, lunr.js, and the themes and
// lunr-languages scripts bundled with agora.
class MemorySiteFs : public FileSystemWrapper {
 public:
  MemorySiteFs()
      : FileSystemWrapper(&memory_),
        themes_(bundled_themes_dir()),
        lunr_languages_(bundled_lunr_languages_dir()) {}
  bool read_file(const std::string& path, std::string* contents, std::string* err) const override {
    if (real(path)) return real_.read_file(path, contents, err);
    return FileSystemWrapper::read_file(path, contents, err);
  }
  bool exists(const std::string& path) const override {
    return real(path) ? real_.exists(path) : FileSystemWrapper::exists(path);
  }
  bool is_directory(const std::string& path) const override {
    return real(path) ? real_.is_directory(path) : FileSystemWrapper::is_directory(path);
  }
  std::vector<std::string> list_files(const std::string& dir) const override {
    return real(dir) ? real_.list_files(dir) : FileSystemWrapper::list_files(dir);
  }
  TreeListing list_tree(const std::string& dir) const override {
    return real(dir) ? real_.list_tree(dir) : FileSystemWrapper::list_tree(dir);
  }
  MemoryFileSystem memory_;
  RealFileSystem real_;

 private:
  bool real(const std::string& path) const {
    return path == kIso3166Path || path == kLunrScriptPath ||
           (!themes_.empty() && path.starts_with(themes_ + "/")) ||
           (!lunr_languages_.empty() && path.starts_with(lunr_languages_ + "/"));
  }
  std::string themes_;
  std::string lunr_languages_;
};

// The fixture site in memory.
class FixtureFs : public MemorySiteFs {
 public:
  FixtureFs() { write_fixture_site(&memory_); }
};

}  // namespace agora::testing
