#pragma once
// Checks a document's front matter against its content type's schema and the
// taxonomies' vocabularies, and fills the document's typed fields.

#include <map>
#include <set>
#include <string>

#include "config/site_config.h"
#include "config/vocabulary.h"
#include "content/document.h"
#include "content/front_matter.h"
#include "util/diagnostic.h"

namespace agora {

struct ValidationContext {
  const SiteConfig* config = nullptr;
  const std::map<std::string, Vocabulary>* vocabularies = nullptr;
  const std::map<std::string, std::set<std::string>>* slugs_by_type = nullptr;
  // A translation's fields that its original gives: not required here, the
  // translation inherits them.
  const std::set<std::string>* inherited = nullptr;
};

// Reports every problem (unknown field, missing or empty required field,
// wrong type, bad date or URL, unknown enum value or term, dangling
// reference) at its line and column in doc->source_path, and fills
// doc->fields, title, date, summary, draft, term_fields, reference_fields
// and terms from the valid parts.
void validate_front_matter(const FrontMatter& front_matter, const ContentType& type,
                           const ValidationContext& context, Document* doc, Diagnostics* diags);

// "YYYY-MM-DD", optionally followed by an ISO 8601 time; *day gets the date.
bool parse_iso_date(const std::string& text, std::string* day);
// http(s) URL with a host, or mailto:.
bool is_valid_url(const std::string& text);

}  // namespace agora
