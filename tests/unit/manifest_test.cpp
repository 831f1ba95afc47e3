#include "output/manifest.h"

#include <doctest/doctest.h>

using namespace agora;

namespace {
const std::string kAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const std::string kEmpty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
}  // namespace

TEST_CASE("manifest lists every file but itself, sorted, with size and sha256") {
  SiteFiles files = {{"z/abc.txt", "abc"}, {"empty", ""}, {"manifest.json", "ignored"}};
  std::vector<ManifestEntry> entries = manifest_entries(view_of(files), 2);
  REQUIRE(entries.size() == 2);
  CHECK(entries[0] == ManifestEntry{"empty", 0, kEmpty});
  CHECK(entries[1] == ManifestEntry{"z/abc.txt", 3, kAbc});

  std::string json, err;
  REQUIRE(manifest_json(entries, &json, &err));
  CHECK(json ==
        "{\"version\":1,\"files\":[\n"
        "{\"path\":\"empty\",\"bytes\":0,\"sha256\":\"" +
            kEmpty +
            "\"},\n"
            "{\"path\":\"z/abc.txt\",\"bytes\":3,\"sha256\":\"" +
            kAbc +
            "\"}\n"
            "]}\n");

  std::vector<ManifestEntry> parsed;
  REQUIRE(parse_manifest(json, &parsed, &err));
  CHECK(parsed == entries);
}

TEST_CASE("manifest escapes paths as JSON and round-trips them") {
  std::vector<ManifestEntry> entries = {{"a \"quoted\" caf\xc3\xa9.html", 3, kAbc}};
  std::string json, err;
  REQUIRE(manifest_json(entries, &json, &err));
  CHECK(json.find("a \\\"quoted\\\" caf\xc3\xa9.html") != std::string::npos);
  std::vector<ManifestEntry> parsed;
  REQUIRE(parse_manifest(json, &parsed, &err));
  CHECK(parsed == entries);

  entries[0].path = "bad\xff";
  CHECK_FALSE(manifest_json(entries, &json, &err));
}

TEST_CASE("parse_manifest rejects what a mirror must not trust") {
  struct Case {
    std::string json;
    std::string error;
  };
  const std::string sha = "\"sha256\":\"" + kAbc + "\"";
  std::vector<Case> cases = {
      {"[]", "manifest: not a JSON object"},
      {"{\"files\":{}}", "manifest: missing \"files\" array"},
      {"{\"files\":[{\"path\":\"a\",\"bytes\":-1," + sha + "}]}",
       "manifest: files[0]: expected {\"path\": string, \"bytes\": unsigned, \"sha256\": string}"},
      {"{\"files\":[{\"path\":\"../etc/passwd\",\"bytes\":1," + sha + "}]}",
       "manifest: files[0]: unsafe path \"../etc/passwd\""},
      {"{\"files\":[{\"path\":\"/abs\",\"bytes\":1," + sha + "}]}",
       "manifest: files[0]: unsafe path \"/abs\""},
      {"{\"files\":[{\"path\":\"a//b\",\"bytes\":1," + sha + "}]}",
       "manifest: files[0]: unsafe path \"a//b\""},
      {"{\"files\":[{\"path\":\"a\",\"bytes\":1,\"sha256\":\"ABC\"}]}",
       "manifest: files[0]: sha256 is not 64 lowercase hex digits"},
      {"{\"files\":[{\"path\":\"b\",\"bytes\":1," + sha + "},{\"path\":\"a\",\"bytes\":1," + sha +
           "}]}",
       "manifest: files[1]: paths not sorted or duplicated at \"a\""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    std::vector<ManifestEntry> entries;
    std::string err;
    CHECK_FALSE(parse_manifest(c.json, &entries, &err));
    CHECK(err == c.error);
  }
}

TEST_CASE("safe relative paths") {
  CHECK(is_safe_relative_path("a/b/index.html"));
  CHECK(is_safe_relative_path(".well-known/x"));
  for (const char* bad : {"", "/a", "a/", "a/../b", "./a", "a\\b", ".."}) {
    CAPTURE(bad);
    CHECK_FALSE(is_safe_relative_path(bad));
  }
}
