#pragma once
// Every internal link is relative, so the site works under any sub-path and
// from file://. Paths here are site-relative: "" is the home page,
// "case-studies/x/" a directory page, "css/site.css" a file.

#include <string>
#include <string_view>

namespace agora {

struct UrlStyle {
  // Offline builds link to ".../index.html" so they browse from file://.
  bool offline = false;
};

// The relative URL from the page in directory `from_dir` to `to`.
// Directory targets ("" or ending in '/') get "index.html" when offline.
std::string relative_url(std::string_view from_dir, std::string_view to, const UrlStyle& style);

// base_url + path, for the feed, the sitemap and canonical links.
std::string absolute_url(std::string_view base_url, std::string_view path);

// Output file of a directory page: "x/" -> "x/index.html", "" -> "index.html".
std::string page_file(std::string_view dir);

}  // namespace agora
