#include "util/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace agora {

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.line, a.column, a.code, a.message) <
         std::tie(b.file, b.line, b.column, b.code, b.message);
}

void Diagnostics::error(std::string file, int line, int column, std::string code,
                        std::string message, std::string hint) {
  items_.push_back({std::move(file), line, column, Severity::kError, std::move(code),
                    std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, int line, int column, std::string code,
                          std::string message, std::string hint) {
  items_.push_back({std::move(file), line, column, Severity::kWarning, std::move(code),
                    std::move(message), std::move(hint)});
}

void Diagnostics::merge(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

// Also drops exact repeats: a problem found twice is reported once.
void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), diagnostic_less);
  items_.erase(std::unique(items_.begin(), items_.end()), items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return std::count_if(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::kError; });
}

size_t Diagnostics::warning_count() const { return items_.size() - error_count(); }

std::string format_diagnostic_line(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out.append(":").append(std::to_string(d.line));
    if (d.column > 0) out.append(":").append(std::to_string(d.column));
  }
  out += d.severity == Severity::kError ? ": error[" : ": warning[";
  out += d.code + "]: " + d.message;
  return out;
}

}  // namespace agora
