#pragma once
// Diagnostics: content problems are values, collected and reported together.

#include <string>
#include <vector>

namespace agora {

enum class Severity { kError, kWarning };

// One problem in one input file. line and column are 1-based; 0 means
// "the whole file" (e.g. a missing file).
struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  Severity severity = Severity::kError;
  std::string code;     // stable machine name, e.g. "unknown-key"
  std::string message;  // what is wrong
  std::string hint;     // how to fix it; may be empty

  bool operator==(const Diagnostic&) const = default;
};

// Orders by file, line, column, then code: the order `check` reports in.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);

// A thread-compatible collector; merge per-thread collectors after a
// parallel stage.
class Diagnostics {
 public:
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void error(std::string file, int line, int column, std::string code, std::string message,
             std::string hint = {});
  void warning(std::string file, int line, int column, std::string code, std::string message,
               std::string hint = {});
  void merge(const Diagnostics& other);
  void sort();

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

// "file:line:col: error[code]: message" -- the one-line form used by build.
std::string format_diagnostic_line(const Diagnostic& d);

}  // namespace agora
