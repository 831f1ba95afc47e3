#pragma once
// `agora new TYPE --from-issue FILE`: the body of an issue filed with a
// generated form (model/issue_forms.h) back into a content file.
//
// GitHub writes a form's answers as Markdown: for each element, in form
// order, a "### LABEL" line, a blank line and the answer; "_No response_"
// for an empty answer; "A, B" for several dropdown choices; "- [X] LABEL" or
// "- [ ] LABEL" for a checkbox. A textarea's answer may itself hold a
// "### ..." line, so headings are found from the end: the last "### LABEL"
// of the last element, then the last one of the element before it above
// that, and so on. A copy of another element's heading inside an answer is
// then harmless; only a copy of an answer's own heading inside it moves the
// text above the copy to the element before. (The issue's author controls
// the whole body anyway: what matters is that no answer can add a field or
// break the file, see below, and a maintainer reviews the result.)

#include <map>
#include <string>
#include <vector>

#include "model/site.h"
#include "util/diagnostic.h"

namespace agora {

struct IssueAnswer {
  std::string text;  // the answer, trimmed; "" for "_No response_"
  int line = 0;      // 1-based line of its "### LABEL" heading in the body
};

// Answers by element id (field name, or kFormBodyId); elements whose
// heading is missing are absent.
std::map<std::string, IssueAnswer> parse_issue_body(const Site& site, const IssueFormConfig& form,
                                                    const std::string& body);

struct IssueDocument {
  std::string title;
  std::string text;  // the whole file: front matter and body
};

// Builds the content file for `form`'s type from an issue body: asked
// fields from the answers (terms resolved to ids by id, name, alias or
// spelling that differs only in case and accents), the others from the
// form's `set` ("today" -> `today`), in schema order, every string
// double-quoted so no answer can add a field or close the front matter.
// Answers that name no known term or option are kept as written and
// reported as warnings (`agora check` will show them as errors to fix);
// a missing title is an error (returns false). Diagnostics name `file`.
bool document_from_issue(const Site& site, const IssueFormConfig& form, const std::string& body,
                         const std::string& today, const std::string& file, IssueDocument* out,
                         Diagnostics* diags);

}  // namespace agora
