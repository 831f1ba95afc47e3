#pragma once
// Progress of a long command, one line per stage. On a terminal the stage
// under way shows as "agora build: rendering pages..." and its result
// replaces it in place; anywhere else (a log file, a pipe, CI) only the
// results print, one plain line each. Disabled: nothing at all (--quiet).

#include <chrono>
#include <ostream>
#include <string>
#include <string_view>

namespace agora {

class Clock;

// A count and its noun, as the command line prints them: "1 document",
// "2 documents". `noun` is singular and takes an "s".
std::string counted(size_t n, std::string_view noun);

class Progress {
 public:
  // `prefix` starts every line ("agora build"). `clock` times the stages.
  Progress(std::ostream* out, bool terminal, bool enabled, const Clock* clock, std::string prefix);

  // Whether result lines print: lets a caller stay silent for small work
  // while still clearing a line it began.
  void set_results_shown(bool shown) { results_shown_ = shown; }

  // A stage starts: "rendering pages".
  void begin(const std::string& what);
  // The stage ends: "18000 pages rendered"; its time is appended.
  void done(const std::string& result);

 private:
  void clear_line();

  std::ostream* out_;
  bool terminal_;
  bool enabled_;
  bool results_shown_ = true;
  bool line_open_ = false;
  const Clock* clock_;
  std::string prefix_;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace agora
