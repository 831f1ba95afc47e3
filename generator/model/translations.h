#pragma once
// Translations: which document renders which, and what a translation must
// agree on with its original.
//
// In the files layout (NAME.fr.md beside NAME.md) the file name pairs them,
// and a translation inherits every field it does not give except its title
// and summary. In the folders layout (content/fr/TYPE/NAME.md) documents that
// share a value of site.yaml's translation key are versions of one document;
// the default language's is the original.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "config/site_config.h"
#include "model/parsed_file.h"
#include "util/diagnostic.h"

namespace agora {

// Files layout, before validation: the fields each translation may leave to
// its original (what the original's front matter gives, less title and
// summary), by the translation's source path.
std::map<std::string, std::set<std::string>> inherited_fields(
    const SiteConfig& config, const std::vector<ParsedFile>& parsed);

// After validation: sets every document's group (and, in the folders
// layout, the original of each translation), copies inherited fields into
// translations, and reports a translation without an original, of another
// type than its original, without a title or summary of its own, or naming
// other terms or documents than its original.
void pair_translations(const SiteConfig& config, std::vector<ParsedFile>* parsed);

// With Git history: a translation last changed before its original is
// likely out of date (a warning naming both files).
void check_translation_dates(const std::vector<ParsedFile>& parsed, Diagnostics* diags);

}  // namespace agora
