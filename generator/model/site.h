#pragma once
// The site graph: filled once by load_site(), then read by render, search and
// output as `const Site&`.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "config/vocabulary.h"
#include "content/document.h"
#include "model/site_documents.h"

namespace agora {

// A document that names another through a term or reference field, e.g. an
// initiative whose lead_organizations include the organization, or a case
// study whose initiatives include the initiative.
struct Mention {
  size_t document = 0;  // index into Site::documents
  std::string field;    // the naming field
};

struct TaxonomyIndex {
  const Taxonomy* taxonomy = nullptr;
  const Vocabulary* vocabulary = nullptr;
  // term id -> documents that use it, newest first. Only terms in use.
  std::map<std::string, std::vector<size_t>> documents;
};

struct Attachment {
  std::string source_path;  // "content/case-studies/img/map.png"
  std::string path;         // output path: "case-studies/img/map.png"
};

struct Site {
  SiteConfig config;
  std::map<std::string, Vocabulary> vocabularies;  // by taxonomy name
  // The language this site shows ("en"), and the folder its pages are
  // generated under: "" for the default language, "fr/" for French. As
  // load_site returns it, the site is the default language's and holds
  // every translation too; language_view() makes the other languages'.
  std::string language;
  std::string tree;
  // Published documents, ordered by type (site.yaml order), newest first,
  // then by slug. Drafts are kept out unless the build asks for them. A
  // language's view shares the loaded site's (see SiteDocuments).
  SiteDocuments documents;
  // Indexes over the documents this site shows: translations of another
  // language are in `documents` (and by_source) but not here.
  std::map<std::string, size_t> by_key;                // group ("type/slug") -> index
  std::map<std::string, size_t> by_source;             // source_path -> index
  std::map<std::string, std::vector<size_t>> by_type;  // newest first
  std::map<std::string, TaxonomyIndex> taxonomies;     // by taxonomy name
  // Per document: who names it, through a term field of a documents
  // vocabulary (an organization) or a reference field (an initiative), newest
  // first.
  std::vector<std::vector<Mention>> mentions;
  std::vector<Attachment> attachments;
  // Every version of every document: group -> language -> page path.
  std::map<std::string, std::map<std::string, std::string>> versions;

  const Document* find(const std::string& type, const std::string& slug) const;
  // Whether the indexes count `doc`: not a translation held for another
  // language's view. A view holds only what it shows.
  bool shows(const Document& doc) const { return doc.language == language || documents.is_view(); }
  // In a language's view: an original shown in that language's lists
  // because it has no translation there; its page is the original's.
  bool fallback(const Document& doc) const {
    return documents.is_view() && doc.language != language;
  }
  // Whether `doc` has its page in this site's tree: shown, and not a
  // fallback. In the loaded site and in a view alike, a document in the
  // site's language.
  bool has_page(const Document& doc) const { return doc.language == language; }
  // A generated page's directory in this site's language tree: "fr/themes/".
  std::string dir(std::string_view local) const { return tree + std::string(local); }
  // The document a term of a documents vocabulary stands for, if any.
  const Document* term_document(const Taxonomy& taxonomy, const std::string& term_id) const;
};

}  // namespace agora
