#pragma once
// GitHub issue forms generated from site.yaml (`forms:`), so the forms that
// people without Git fill in ask exactly the fields of the schema, and the
// prefilled "new issue" links to them.
//
// Each asked field becomes one form element whose id is the field's name and
// whose label and description are the field's (site.yaml):
//   string, url, date, reference          input
//   text, list, list-of-references        textarea (lists: one item a line)
//   enum                                  dropdown of the values
//   boolean                               checkboxes with one box
//   list-of-terms, vocabulary from a file dropdown, several choices, of the
//                                         terms' names in vocabulary order
//   list-of-terms, other vocabularies     textarea (one term a line)
// Required fields are required on the form (but a checkbox never is). The
// form's `body` becomes a last textarea with the id "body".

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/site.h"

namespace agora {

enum class FormWidget { kInput, kTextarea, kDropdown, kMultiDropdown, kCheckbox };

FormWidget form_widget(const Site& site, const FieldSchema& field);

// The options of a dropdown widget: enum values, or the vocabulary's term
// names. Empty for other widgets.
std::vector<std::string> form_options(const Site& site, const FieldSchema& field);

// The id of the body textarea.
inline constexpr const char* kFormBodyId = "body";

// The issue form's YAML, as .github/ISSUE_TEMPLATE/<form.file> holds it.
// Deterministic; every string is written double-quoted.
std::string issue_form_yaml(const Site& site, const IssueFormConfig& form);

// RFC 3986 percent-encoding: every byte but A-Z a-z 0-9 - . _ ~ becomes
// %XX (upper-case hex), so a value survives any query string intact.
std::string percent_encode(std::string_view text);

// The link that opens a new issue with `form`, prefilled:
//   REPOSITORY/issues/new?template=FILE&title=TITLE&ID=VALUE...
// `values` are (field name or "body", text) pairs, in the order given; the
// title is the form's title. Every name and value is percent-encoded. ""
// when site.yaml names no repository URL.
std::string new_issue_url(const SiteConfig& config, const IssueFormConfig& form,
                          const std::vector<std::pair<std::string, std::string>>& values = {});

}  // namespace agora
