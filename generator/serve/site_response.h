#pragma once
// The answer of `agora serve` to a GET or HEAD request for a file of the
// site, apart from the HTTP library: tests call it directly.

#include <string>
#include <utility>
#include <vector>

#include "serve/live_state.h"
#include "serve/served_folder.h"

namespace agora {

struct SiteRequest {
  std::string target;           // as sent: "/notes/?x=1", still percent-encoded
  std::string accept_encoding;  // header values, "" when absent
  std::string if_none_match;
};

struct SiteResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // Content-Type included
  std::string body;  // what a GET sends; a HEAD sends the headers only

  // The value of a header set above, or "".
  std::string header(const std::string& name) const;
};

// Serves the folder as a static site:
//  - "/x/" is x/index.html; "/x" naming a folder redirects (301) to "/x/";
//  - a target that request_path refuses, a missing file, a symbolic link that
//    leaves the folder and anything under kServePrefix get 404 with the
//    site's 404.html when it has one;
//  - pages (.html) get the live-reload script and, while `live` has
//    problems, the overlay (see live_page.h), compressed on the fly when the
//    client accepts it; other files are sent as their .br or .gz copy when
//    one exists and Accept-Encoding allows it;
//  - every 200 carries a strong ETag (a hash of the uncompressed body and the
//    coding), and an If-None-Match that matches it gets 304 without a body;
//  - Cache-Control: no-cache, so a browser asks again after each rebuild;
//  - before the first successful build, every request gets 503 with a page
//    that says so (or lists the errors) and reloads when the site is ready.
SiteResponse respond_with_site(const ServedFolder& folder, const LiveState::Snapshot& live,
                               const SiteRequest& request);

}  // namespace agora
