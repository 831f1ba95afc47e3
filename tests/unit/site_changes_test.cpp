// What a build changes on a published site, from two manifests.

#include "output/site_changes.h"

#include <doctest/doctest.h>

using namespace agora;

namespace {

ManifestEntry entry(std::string path, std::string hash) {
  return {std::move(path), 1, std::string(63, '0') + hash};
}

}  // namespace

TEST_CASE("url_of_path: folders for index.html, files as they are") {
  CHECK(url_of_path("https://x.org/kb/", "index.html") == "https://x.org/kb/");
  CHECK(url_of_path("https://x.org/kb/", "notes/a/index.html") == "https://x.org/kb/notes/a/");
  CHECK(url_of_path("https://x.org/kb/", "404.html") == "https://x.org/kb/404.html");
  CHECK(url_of_path("", "notes/a/index.html") == "notes/a/");
  CHECK(url_of_path("", "fr/index.html") == "fr/");
}

TEST_CASE("compare_manifests: pages and files added, changed, removed; copies follow") {
  std::vector<ManifestEntry> published = {
      entry("css/site.css", "1"),      entry("css/site.css.br", "2"),
      entry("gone/index.html", "3"),   entry("index.html", "4"),
      entry("index.html.gz", "5"),     entry("notes/a/index.html", "6"),
      entry("search/index.json", "7"),
  };
  std::vector<ManifestEntry> built = {
      entry("css/site.css", "1"),      entry("css/site.css.br", "9"),
      entry("index.html", "8"),        entry("index.html.gz", "9"),
      entry("new/index.html", "a"),    entry("notes/a/index.html", "6"),
      entry("search/index.json", "b"),
  };
  SiteChanges changes = compare_manifests(published, built, "https://x.org/");
  CHECK(changes.pages.added == std::vector<ChangedFile>{{"new/index.html", "https://x.org/new/"}});
  CHECK(changes.pages.changed == std::vector<ChangedFile>{{"index.html", "https://x.org/"}});
  CHECK(changes.pages.removed ==
        std::vector<ChangedFile>{{"gone/index.html", "https://x.org/gone/"}});
  CHECK(changes.files.added.empty());
  CHECK(changes.files.changed ==
        std::vector<ChangedFile>{{"search/index.json", "https://x.org/search/index.json"}});
  CHECK(changes.files.removed.empty());
  CHECK(changes_json(changes, "https://x.org/") ==
        R"({
  "compared_to": "https://x.org/",
  "pages": {
    "added": [
      {
        "path": "new/index.html",
        "url": "https://x.org/new/"
      }
    ],
    "changed": [
      {
        "path": "index.html",
        "url": "https://x.org/"
      }
    ],
    "removed": [
      {
        "path": "gone/index.html",
        "url": "https://x.org/gone/"
      }
    ]
  },
  "files": {
    "added": [],
    "changed": [
      {
        "path": "search/index.json",
        "url": "https://x.org/search/index.json"
      }
    ],
    "removed": []
  }
})"
        "\n");
}
