#pragma once
// Checks a theme's templates against the theme contract (render/contract.h):
// every key, section and partial a template names must be one the page it
// renders has. Mustache renders a misspelled name as nothing, silently; this
// check is where a theme author hears about it.

#include "config/site_config.h"
#include "render/theme.h"
#include "util/diagnostic.h"

namespace agora {

// Walks each template the generator renders, following partials and
// parents with the data they see, and reports at template file:line:column
//   - template-unknown-key: a name no view on the context stack has (with
//     a did-you-mean), including document.fields.X for a field no type has
//     and i18n.X for a word the language file lacks;
//   - template-unknown-partial: a partial or parent no template file has.
// Both are warnings (`agora check --strict` fails on them). Templates only
// included by others are checked as they are included; one no page reaches
// is not checked.
void check_template_contract(const Theme& theme, const SiteConfig& config, Diagnostics* diags);

}  // namespace agora
