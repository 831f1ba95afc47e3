#pragma once
// Turns the target of an HTTP request ("/notes/first%20session/?q=1") into a
// path inside the served folder, refusing anything that could leave it.

#include <optional>
#include <string>

namespace agora {

struct RequestPath {
  // '/'-separated, relative to the served folder, no leading or trailing
  // '/': "" for the root, "notes/first session" for the example above.
  std::string path;
  // The target ended with '/': a folder is asked for (its index.html).
  bool folder = false;
};

// The path of an origin-form request target. The query and fragment are
// dropped, the rest is percent-decoded exactly once ("%252e" stays "%2e",
// a file name). Returns nullopt, for a 404, when the target does not start
// with '/', has a malformed escape, or when the decoded path holds a "." or
// ".." segment, a backslash, a NUL or another control character, or a
// segment that is not valid UTF-8. Empty segments ("a//b") are dropped.
std::optional<RequestPath> request_path(const std::string& target);

}  // namespace agora
