// agora serve's parts without a socket: request paths, media types,
// negotiation, the injected script and overlay, and whole responses from a
// real folder.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <future>
#include <shared_mutex>

#include "output/precompress.h"
#include "output/site_writer.h"
#include "output_test_util.h"
#include "serve/change_watcher.h"
#include "serve/content_type.h"
#include "serve/live_page.h"
#include "serve/negotiation.h"
#include "serve/request_path.h"
#include "serve/site_response.h"

using namespace agora;
using agora::testing::compressible_text;
using agora::testing::SwapSteps;
using agora::testing::TempDir;

namespace {

void write(const std::string& path, const std::string& bytes) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("request_path: decoded once, relative, never leaving the folder") {
  struct Case {
    const char* target;
    const char* path;  // nullptr: refused
    bool folder;
  };
  const Case cases[] = {
      {"/", "", true},
      {"/?q=1", "", true},
      {"/notes/", "notes", true},
      {"/notes", "notes", false},
      {"/notes/first%20session/index.html", "notes/first session/index.html", false},
      {"/a//b/", "a/b", true},
      {"/caf%C3%A9/", "caf\xC3\xA9", true},
      {"/%252e%252e/x", "%2e%2e/x", false},  // decoded once: a file name, not ".."
      {"/search/?q=a/../b#x", "search", true},
      {"/..", nullptr, false},
      {"/../etc/passwd", nullptr, false},
      {"/notes/../../etc/passwd", nullptr, false},
      {"/%2e%2e/etc/passwd", nullptr, false},
      {"/%2E%2E%2Fetc%2Fpasswd", nullptr, false},
      {"/notes/%2e%2e%2f%2e%2e%2fetc/passwd", nullptr, false},
      {"/.%2e/x", nullptr, false},
      {"/./x", nullptr, false},
      {"/..\\..\\etc\\passwd", nullptr, false},
      {"/%5c..%5cetc%5cpasswd", nullptr, false},
      {"/x%00.html", nullptr, false},
      {"/x%0a", nullptr, false},
      {"/%ff", nullptr, false},
      {"/bad%2", nullptr, false},
      {"/bad%zz", nullptr, false},
      {"notes/", nullptr, false},
      {"http://example.org/", nullptr, false},
      {"", nullptr, false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.target);
    auto got = request_path(c.target);
    if (!c.path) {
      CHECK_FALSE(got.has_value());
      continue;
    }
    REQUIRE(got.has_value());
    CHECK(got->path == c.path);
    CHECK(got->folder == c.folder);
  }
}

TEST_CASE("content_type_for: by extension, charset on text") {
  CHECK(content_type_for("index.html") == "text/html; charset=utf-8");
  CHECK(content_type_for("css/site.css") == "text/css; charset=utf-8");
  CHECK(content_type_for("js/search.js") == "text/javascript; charset=utf-8");
  CHECK(content_type_for("search/index.json") == "application/json; charset=utf-8");
  CHECK(content_type_for("feed.xml") == "application/xml; charset=utf-8");
  CHECK(content_type_for("data/notes.csv") == "text/csv; charset=utf-8");
  CHECK(content_type_for("notes/img/map.svg") == "image/svg+xml; charset=utf-8");
  CHECK(content_type_for("a/PHOTO.JPG") == "image/jpeg");
  CHECK(content_type_for("agora-offline.zip") == "application/zip");
  CHECK(content_type_for("README") == "application/octet-stream");
  CHECK(content_type_for(".hidden") == "application/octet-stream");
  CHECK(content_type_for("x.unknown") == "application/octet-stream");
}

TEST_CASE("choose_encoding: q-values, wildcard, refusals, available copies") {
  using E = ContentEncoding;
  CHECK(choose_encoding("", true, true) == E::kIdentity);
  CHECK(choose_encoding("gzip, deflate, br", true, true) == E::kBrotli);
  CHECK(choose_encoding("gzip, deflate, br", true, false) == E::kGzip);
  CHECK(choose_encoding("gzip, deflate, br", false, false) == E::kIdentity);
  CHECK(choose_encoding("br;q=0, gzip", true, true) == E::kGzip);
  CHECK(choose_encoding("br;q=0.5, gzip;q=0.8", true, true) == E::kGzip);
  CHECK(choose_encoding("br;q=0.8, gzip;q=0.8", true, true) == E::kBrotli);
  CHECK(choose_encoding("*", true, true) == E::kBrotli);
  CHECK(choose_encoding("*;q=0, gzip", true, true) == E::kGzip);
  CHECK(choose_encoding("identity", true, true) == E::kIdentity);
  CHECK(choose_encoding("GZIP", true, true) == E::kGzip);
  CHECK(choose_encoding("x-gzip", true, false) == E::kGzip);
  CHECK(choose_encoding("br;q=2, gzip;q=bad", true, true) == E::kIdentity);
  CHECK(choose_encoding(" br ; q=1.0 ", false, true) == E::kBrotli);
}

TEST_CASE("none_match_hits: weak comparison, lists, star") {
  CHECK(none_match_hits("\"abc\"", "\"abc\""));
  CHECK(none_match_hits("W/\"abc\"", "\"abc\""));
  CHECK(none_match_hits("\"x\", \"abc\"", "\"abc\""));
  CHECK(none_match_hits("*", "\"abc\""));
  CHECK_FALSE(none_match_hits("\"abd\"", "\"abc\""));
  CHECK_FALSE(none_match_hits("abc", "\"abc\""));
  CHECK_FALSE(none_match_hits("", "\"abc\""));
}

TEST_CASE("inject_live_reload: script before </body>, overlay only with problems") {
  std::string page = "<html><body><p>x</p></BODY></html>";
  std::string plain = inject_live_reload(page, 7, {});
  CHECK(plain.find("<script>") < plain.find("</BODY>"));
  CHECK(plain.find("/__agora/events?generation=7") != std::string::npos);
  CHECK(plain.find("agora-serve-problems") == std::string::npos);
  CHECK(plain.substr(0, 22) == "<html><body><p>x</p><s");

  Diagnostic d{"content/notes/a.md", 3, 7, Severity::kError, "unknown-term", "unknown theme <b>",
               "did you mean 'x'?"};
  std::string broken = inject_live_reload(page, 8, {d});
  size_t overlay = broken.find("<div id=\"agora-serve-problems\" role=\"alert\"");
  REQUIRE(overlay != std::string::npos);
  CHECK(overlay < broken.find("<script>"));
  CHECK(broken.find("<strong>content/notes/a.md:3:7</strong>: error[unknown-term]: unknown "
                    "theme &lt;b&gt;<br>hint: did you mean &#39;x&#39;?") != std::string::npos);
  CHECK(broken.find("data-file=\"content/notes/a.md\" data-line=\"3\"") != std::string::npos);

  // No </body>: at the end.
  std::string bare = inject_live_reload("<p>x</p>", 1, {});
  CHECK(bare.starts_with("<p>x</p><script>"));
}

TEST_CASE("respond_with_site: files, folders, 404s, codings, ETags") {
  TempDir dir;
  std::string out = dir.path() + "/site";
  std::string page = "<!doctype html><html><body>" + compressible_text(4000) + "</body></html>";
  std::string css = compressible_text(3000, 1);
  write(out + "/manifest.json", "{}");
  write(out + "/index.html", page);
  write(out + "/notes/a/index.html", "<html><body>a</body></html>");
  write(out + "/404.html", "<html><body>not here</body></html>");
  write(out + "/css/site.css", css);
  write(out + "/css/site.css.gz", gzip_compress(css));
  write(out + "/css/site.css.br", brotli_compress(css));
  write(out + "/notes/img/map.svg", "<svg/>");
  write(dir.path() + "/secret.txt", "secret");
  std::filesystem::create_symlink(dir.path() + "/secret.txt", out + "/leak.txt");
  std::filesystem::create_symlink(dir.path(), out + "/up");
  std::filesystem::create_symlink("css/site.css", out + "/inside.css");

  ServedFolder folder(out);
  LiveState live;
  live.publish({});
  auto get = [&](std::string target, std::string accept = "", std::string none_match = "") {
    return respond_with_site(folder, live.snapshot(), {target, accept, none_match});
  };

  SUBCASE("a page gets the script, no overlay, a strong ETag and a 304") {
    SiteResponse r = get("/");
    CHECK(r.status == 200);
    CHECK(r.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(r.header("Cache-Control") == "no-cache");
    CHECK(r.body == inject_live_reload(page, 1, {}));
    std::string etag = r.header("ETag");
    CHECK(etag.size() == 34);
    SiteResponse again = get("/", "", etag);
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(again.header("ETag") == etag);
    CHECK(get("/", "", "W/" + etag).status == 304);
    CHECK(get("/", "", "\"other\"").status == 200);
  }
  SUBCASE("a page compressed on the fly decompresses to what identity sends") {
    SiteResponse identity = get("/");
    SiteResponse br = get("/", "gzip, br");
    CHECK(br.header("Content-Encoding") == "br");
    CHECK(br.header("Vary") == "Accept-Encoding");
    std::string unpacked;
    REQUIRE(brotli_decompress(br.body, 1 << 20, &unpacked));
    CHECK(unpacked == identity.body);
    CHECK(br.header("ETag") != identity.header("ETag"));
    SiteResponse gz = get("/", "gzip");
    REQUIRE(gzip_decompress(gz.body, 1 << 20, &unpacked));
    CHECK(unpacked == identity.body);
  }
  SUBCASE("other files are sent as their precompressed copies") {
    CHECK(get("/css/site.css").body == css);
    SiteResponse br = get("/css/site.css", "br, gzip");
    CHECK(br.header("Content-Encoding") == "br");
    CHECK(br.header("Content-Type") == "text/css; charset=utf-8");
    CHECK(br.body == brotli_compress(css));
    SiteResponse gz = get("/css/site.css", "gzip");
    CHECK(gz.body == gzip_compress(css));
    CHECK(get("/css/site.css", "gzip", gz.header("ETag")).status == 304);
    CHECK(get("/css/site.css", "br", gz.header("ETag")).status == 200);
    CHECK(get("/notes/img/map.svg", "br").header("Content-Encoding").empty());
  }
  SUBCASE("folders: index.html, a redirect without the slash") {
    CHECK(get("/notes/a/").body.starts_with("<html><body>a"));
    SiteResponse r = get("/notes/a?x=1");
    CHECK(r.status == 301);
    CHECK(r.header("Location") == "/notes/a/?x=1");
    // Rebuilt from the checked path: "//host" never becomes a URL of another host.
    CHECK(get("//notes/a").header("Location") == "/notes/a/");
  }
  SUBCASE("404 with the site's page, for missing files and every way out") {
    for (const char* target :
         {"/missing/", "/nope.html", "/notes/a/index.html/", "/../secret.txt", "/%2e%2e/secret.txt",
          "/notes/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..\\secret.txt",
          "/%5c..%5csecret.txt", "/leak.txt", "/up/secret.txt", "/__agora/events", "/notes/"}) {
      CAPTURE(target);
      SiteResponse r = get(target);
      CHECK(r.status == 404);
      CHECK(r.body.find("not here") != std::string::npos);
      CHECK(r.body.find("secret") == std::string::npos);
    }
    // A link that stays inside is no way out.
    CHECK(get("/inside.css").body == css);
  }
  SUBCASE("a broken build: the overlay over the last good pages") {
    live.publish(
        {Diagnostic{"content/notes/a.md", 2, 1, Severity::kError, "front-matter", "bad", ""}});
    SiteResponse r = get("/notes/a/");
    CHECK(r.status == 200);
    CHECK(r.body.find("content/notes/a.md:2:1") != std::string::npos);
    CHECK(r.body.find("generation=2") != std::string::npos);
  }
}

TEST_CASE("respond_with_site: before the first build, 503 and a page that reloads") {
  TempDir dir;
  ServedFolder folder(dir.path() + "/none");
  LiveState live;
  SiteResponse r = respond_with_site(folder, live.snapshot(), {"/x/", "", ""});
  CHECK(r.status == 503);
  CHECK(r.body.find("/__agora/events?generation=0") != std::string::npos);
  live.publish({Diagnostic{"site.yaml", 1, 1, Severity::kError, "yaml", "broken", ""}});
  r = respond_with_site(folder, live.snapshot(), {"/", "", ""});
  CHECK(r.status == 503);
  CHECK(r.body.find("site.yaml:1:1") != std::string::npos);
}

TEST_CASE("respond_with_site: a site swapped in before its build is published is not served yet") {
  TempDir dir;
  std::string out = dir.path() + "/site";
  write(out + "/manifest.json", "{}");
  write(out + "/index.html", "<html><body>home</body></html>");
  ServedFolder folder(out);
  LiveState live;
  SiteResponse r = respond_with_site(folder, live.snapshot(), {"/", "", ""});
  CHECK(r.status == 503);
  live.publish({});
  r = respond_with_site(folder, live.snapshot(), {"/", "", ""});
  CHECK(r.status == 200);
  CHECK(r.body.find("generation=1") != std::string::npos);
}

TEST_CASE("ChangeWatcher: trees, new folders, chosen names, scratch files left out") {
  TempDir dir;
  const std::string& root = dir.path();
  write(root + "/site.yaml", "title: x\n");
  write(root + "/content/notes/a.md", "a");
  ChangeWatcher watcher;
  std::string err;
  REQUIRE(watcher.ok(&err));
  watcher.watch_names(root, {"site.yaml", "content", "data"});
  watcher.watch_tree(root + "/content");
  watcher.watch_tree(root + "/data");  // missing: watched once it appears

  // inotify queues events during the system call: no waiting needed.
  write(root + "/content/notes/a.md", "a2");
  write(root + "/content/notes/.a.md.swp", "x");
  write(root + "/content/notes/a.md~", "x");
  write(root + "/other.txt", "x");
  write(root + "/site.yaml", "title: y\n");
  std::vector<std::string> changes = watcher.read_changes();
  CHECK(std::count(changes.begin(), changes.end(), root + "/content/notes/a.md") > 0);
  CHECK(std::count(changes.begin(), changes.end(), root + "/site.yaml") > 0);
  for (const std::string& path : changes) {
    CHECK(path.find(".swp") == std::string::npos);
    CHECK(!path.ends_with("~"));
    CHECK(path != root + "/other.txt");
  }

  // A folder created inside a tree, and a tree folder created at the root,
  // are watched from the event on.
  std::filesystem::create_directories(root + "/content/guides");
  std::filesystem::create_directories(root + "/data");
  changes = watcher.read_changes();
  CHECK(std::count(changes.begin(), changes.end(), root + "/content/guides") == 1);
  CHECK(std::count(changes.begin(), changes.end(), root + "/data") == 1);
  write(root + "/content/guides/b.md", "b");
  write(root + "/data/themes.yaml", "- a\n");
  changes = watcher.read_changes();
  CHECK(std::count(changes.begin(), changes.end(), root + "/content/guides/b.md") > 0);
  CHECK(std::count(changes.begin(), changes.end(), root + "/data/themes.yaml") > 0);
  CHECK(watcher.read_changes().empty());
}

TEST_CASE("SwapLockingFileSystem: the folder's lock is held for the swap, free after it") {
  TempDir dir;
  std::string out = dir.path() + "/out";
  ServedFolder folder(out);
  RealFileSystem real;
  // Below the locking file system: each step as the kernel gets it, and
  // whether a request could read then (asked from another thread: the
  // build's own holds the lock).
  SwapSteps steps(&real, dir.path());
  steps.after_step = [&folder] {
    return std::async(std::launch::async,
                      [&folder] {
                        if (!folder.swap_mutex().try_lock_shared()) return ": locked";
                        folder.swap_mutex().unlock_shared();
                        return "";
                      })
        .get();
  };
  WriteOptions options;
  options.precompress = false;
  std::string err;
  auto build = [&](const std::string& text) {
    steps.steps.clear();
    SwapLockingFileSystem locking(&steps, &folder);
    const bool ok =
        write_site(locking, out, SiteFiles{{"index.html", text}}, options, nullptr, &err);
    // The lock is free after every swap, failed or not.
    CHECK(folder.swap_mutex().try_lock());
    folder.swap_mutex().unlock();
    std::erase_if(steps.steps, [](const std::string& s) { return s.starts_with("remove_all"); });
    return ok;
  };
  auto served = [&] {
    std::string bytes;
    std::shared_lock lock(folder.swap_mutex());
    return folder.read("index.html", &bytes) ? bytes : "(none)";
  };
  REQUIRE(build("one"));  // no folder yet: no lock taken
  CHECK(steps.steps == std::vector<std::string>{"rename out.staging out"});
  REQUIRE(build("two"));  // one step
  CHECK(steps.steps ==
        std::vector<std::string>{"exchange out.staging out: locked", "rename out.staging out.old"});
  CHECK(served() == "two");
  SUBCASE("without exchange: held from the rename away to the rename in") {
    steps.exchange_gives = ExchangeResult::kUnsupported;
    REQUIRE(build("three"));
    CHECK(steps.steps ==
          std::vector<std::string>{"rename out.old out.staging", "exchange out.staging out: locked",
                                   "rename out out.old: locked", "rename out.staging out: locked"});
    CHECK(served() == "three");
  }
  SUBCASE("without exchange, a failed rename in: held until out.old is renamed back") {
    steps.exchange_gives = ExchangeResult::kUnsupported;
    steps.fail_rename_from = out + ".staging";
    CHECK_FALSE(build("three"));
    CHECK(steps.steps ==
          std::vector<std::string>{"rename out.old out.staging", "exchange out.staging out: locked",
                                   "rename out out.old: locked", "rename out.staging out: locked",
                                   "rename out.old out: locked"});
    CHECK(served() == "two");
  }
  SUBCASE("a failed exchange: the lock released") {
    steps.exchange_gives = ExchangeResult::kFailed;
    CHECK_FALSE(build("three"));
    CHECK(served() == "two");
  }
}
