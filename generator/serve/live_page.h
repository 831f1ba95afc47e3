#pragma once
// What `agora serve` adds to the pages it serves, and only serve: the
// live-reload script and, while the last build is broken, an overlay listing
// its errors. `agora build` output never holds either.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/diagnostic.h"

namespace agora {

// The URL prefix of serve's own endpoints; no site file is served under it.
inline constexpr std::string_view kServePrefix = "/__agora/";
// The event stream a page listens to: Server-Sent Events, one "reload"
// event when the site changed after the build the page came from.
inline constexpr std::string_view kEventsPath = "/__agora/events";

// `html` with, before its last "</body>" (at the end when there is none),
// the overlay for `problems` (when not empty) and the reload script for
// build `generation`.
std::string inject_live_reload(std::string_view html, uint64_t generation,
                               const std::vector<Diagnostic>& problems);

// A whole page for when no build has succeeded yet: the overlay for
// `problems`, or a note that the first build is running, and the script.
std::string no_site_page(uint64_t generation, const std::vector<Diagnostic>& problems);

// The overlay alone: a fixed panel (id "agora-serve-problems") with one line
// per problem ("content/notes/x.md:3:1: error[code]: message") and its
// hint; `last_good_shown` adds that the page under it is the last good one.
std::string problems_overlay(const std::vector<Diagnostic>& problems, bool last_good_shown);

}  // namespace agora
