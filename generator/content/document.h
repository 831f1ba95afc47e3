#pragma once
// One content document, as loading and validation leave it, plus what the
// render stage adds (html, toc).

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sources/git_history.h"

namespace agora {

struct HeadingInfo {
  int level = 0;
  std::string id;
  std::string text;
};

// The terms one field names, e.g. {"lead_organizations", "organizations", ["itu"]}.
struct FieldTerms {
  std::string field;
  std::string taxonomy;
  std::vector<std::string> ids;
};

// A field that names other documents, e.g. {"initiatives", "initiatives", ["giga"]}.
struct FieldReferences {
  std::string field;
  std::string type;
  std::vector<std::string> slugs;
};

struct Document {
  std::string type;         // content type name, the folder under content/
  std::string slug;         // file name without .md
  std::string source_path;  // relative to the site root: "content/TYPE/SLUG.md"
  std::string path;         // output directory, site-relative: "TYPE/SLUG/"

  // Front matter, validated. Term fields hold term ids, dates "YYYY-MM-DD".
  nlohmann::json fields = nlohmann::json::object();
  std::string title;
  std::string date;
  std::string updated;
  std::string summary;
  bool draft = false;
  std::vector<FieldTerms> term_fields;                    // in schema order
  std::vector<FieldReferences> reference_fields;          // in schema order
  std::map<std::string, std::vector<std::string>> terms;  // taxonomy -> ids, first use first

  std::string body;  // Markdown after the front matter
  int body_first_line = 1;
  std::vector<HeadingInfo> headings;  // every heading, with its id
  std::string plain_text;             // body text without markup, for search
  std::string first_paragraph;
  int word_count = 0;

  // Git history of source_path; empty outside a repository.
  std::string last_updated;
  std::vector<Contributor> contributors;

  bool has_anchor(const std::string& id) const;
  std::string key() const { return type + "/" + slug; }
};

}  // namespace agora
