#pragma once
// Prints diagnostics for people (text, with the source line and a caret), for
// GitHub Actions (workflow-command annotations) and for tools (JSON).

#include <ostream>
#include <string>

#include "util/diagnostic.h"
#include "util/file_system.h"

namespace agora {

enum class DiagnosticFormat { kText, kGithub, kJson };

struct PrintOptions {
  DiagnosticFormat format = DiagnosticFormat::kText;
  bool color = false;
  std::string root;  // diagnostics' file paths are relative to this
};

// Prints every diagnostic, in the order given. The text format ends with a
// count line ("2 errors, 1 warning") when there is anything to report.
void print_diagnostics(const Diagnostics& diags, const FileSystem& fs, const PrintOptions& options,
                       std::ostream& out);

// GitHub workflow commands need '%', '\r', '\n' (and ',' ':' in properties) escaped.
std::string github_escape(const std::string& text, bool property);

}  // namespace agora
