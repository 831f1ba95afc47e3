#include "cli/progress.h"

#include <cstdio>

#include "util/clock.h"

namespace agora {

std::string counted(size_t n, std::string_view noun) {
  std::string out = std::to_string(n) + " ";
  out += noun;
  if (n != 1) out += "s";
  return out;
}

Progress::Progress(std::ostream* out, bool terminal, bool enabled, const Clock* clock,
                   std::string prefix)
    : out_(out),
      terminal_(terminal),
      enabled_(enabled),
      clock_(clock),
      prefix_(std::move(prefix)) {}

void Progress::clear_line() {
  // Carriage return, then erase to the end of the line (ECMA-48 EL).
  if (line_open_) *out_ << "\r\x1b[K" << std::flush;
  line_open_ = false;
}

void Progress::begin(const std::string& what) {
  started_ = clock_->now();
  if (!enabled_ || !terminal_) return;
  clear_line();
  *out_ << prefix_ << ": " << what << "..." << std::flush;
  line_open_ = true;
}

void Progress::done(const std::string& result) {
  if (!enabled_) return;
  clear_line();
  if (!results_shown_) return;
  double seconds = std::chrono::duration<double>(clock_->now() - started_).count();
  char timing[32];
  std::snprintf(timing, sizeof timing, " (%.2f s)", seconds);
  *out_ << prefix_ << ": " << result << timing << "\n";
}

}  // namespace agora
