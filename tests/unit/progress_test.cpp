#include "cli/progress.h"

#include <doctest/doctest.h>

#include <sstream>

#include "util/clock.h"

using agora::Progress;

namespace {

// A clock that moves 1.5 s each time it is read.
class SteppingClock : public agora::Clock {
 public:
  std::string today() const override { return "2026-01-01"; }
  std::chrono::steady_clock::time_point now() const override {
    t_ += std::chrono::milliseconds(1500);
    return std::chrono::steady_clock::time_point(t_);
  }

 private:
  mutable std::chrono::steady_clock::duration t_{};
};

std::string run(bool terminal, bool enabled, bool results) {
  std::ostringstream out;
  SteppingClock clock;
  Progress progress(&out, terminal, enabled, &clock, "agora build");
  progress.set_results_shown(results);
  progress.begin("loading documents");
  progress.done("1000 documents loaded");
  progress.begin("rendering pages");
  progress.done("2000 files rendered");
  return out.str();
}

}  // namespace

TEST_CASE("progress: plain lines when stdout is not a terminal") {
  CHECK(run(false, true, true) ==
        "agora build: 1000 documents loaded (1.50 s)\n"
        "agora build: 2000 files rendered (1.50 s)\n");
}

TEST_CASE("progress: on a terminal the stage under way is replaced by its result") {
  CHECK(run(true, true, true) ==
        "agora build: loading documents...\r\x1b[K"
        "agora build: 1000 documents loaded (1.50 s)\n"
        "agora build: rendering pages...\r\x1b[K"
        "agora build: 2000 files rendered (1.50 s)\n");
}

TEST_CASE("progress: a small build clears its lines and prints no result") {
  CHECK(run(true, true, false) ==
        "agora build: loading documents...\r\x1b[K"
        "agora build: rendering pages...\r\x1b[K");
  CHECK(run(false, true, false).empty());
}

TEST_CASE("progress: --quiet prints nothing, on a terminal or not") {
  CHECK(run(true, false, true).empty());
  CHECK(run(false, false, true).empty());
}

TEST_CASE("counted: one of a noun, or its plural") {
  CHECK(agora::counted(0, "document") == "0 documents");
  CHECK(agora::counted(1, "document") == "1 document");
  CHECK(agora::counted(2, "term") == "2 terms");
  CHECK(agora::counted(144859, "file") == "144859 files");
}
