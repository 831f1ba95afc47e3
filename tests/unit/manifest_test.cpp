#include "output/manifest.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

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

  // Controls and backslashes are escaped as JSON.stringify writes them,
  // and as the JSON library did when it wrote the manifest.
  entries[0].path = "tab\there\x1f back\\slash\x7f";
  REQUIRE(manifest_json(entries, &json, &err));
  CHECK(json.find("\"tab\\there\\u001f back\\\\slash\x7f\"") != std::string::npos);
  CHECK(json.find(nlohmann::json(entries[0].path).dump()) != std::string::npos);

  entries[0].path = "bad\xff";
  CHECK_FALSE(manifest_json(entries, &json, &err));
  CHECK(err == "manifest: files[0]: path is not valid UTF-8");
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

TEST_CASE("a manifest in agora's own layout reads as the same JSON laid out otherwise") {
  // parse_manifest reads its own layout directly and anything else as JSON:
  // the two must agree on entries and on errors.
  const std::string sha = kAbc;
  std::vector<std::vector<ManifestEntry>> cases = {
      {},
      {{"a", 0, sha}, {"b/c d.html", 18446744073709551615u, sha}},
      {{"caf\xc3\xa9/\xe4\xb8\xad.html", 3, sha}, {"q\"uote\\d\ttab", 3, sha}},
      {{"b", 1, sha}, {"a", 1, sha}},
      {{"a", 1, sha}, {"a", 1, sha}},
      {{"a", 1, sha}, {"../x", 1, sha}},
      {{"manifest.json", 1, sha}},
      {{"a", 1, "ABC"}},
      {{"a", 1, sha.substr(0, 63) + "g"}},
  };
  for (const auto& entries : cases) {
    std::string written, err;
    REQUIRE(manifest_json(entries, &written, &err));
    CAPTURE(written);
    std::string other = nlohmann::json::parse(written).dump(2);
    std::vector<ManifestEntry> from_written, from_other;
    std::string written_err, other_err;
    bool written_ok = parse_manifest(written, &from_written, &written_err);
    bool other_ok = parse_manifest(other, &from_other, &other_err);
    CHECK(written_ok == other_ok);
    CHECK(written_err == other_err);
    CHECK(from_written == from_other);
    if (written_ok) CHECK(from_written == entries);
  }
}

TEST_CASE("a manifest that strays from agora's layout is read as JSON, not refused") {
  const std::string entry = "{\"path\":\"a\",\"bytes\":1,\"sha256\":\"" + kAbc + "\"}";
  std::vector<ManifestEntry> expected = {{"a", 1, kAbc}};
  for (const std::string& json : {
           "{\"version\":1,\"files\":[\n" + entry + "\n]}",      // no final newline
           "{\"version\":1,\"files\":[\n" + entry + "\n]}\n\n",  // one more
           "{\"version\":1,\"files\":[\n" + entry + "]}\n",      // no newline before ]
           "{\"version\":1,\"files\":[\n" + entry + "\n] }\n",   // a space
           "{\"files\":[" + entry + "],\"version\":1}",          // keys reordered
           "{\"version\":1,\"files\":[\n{\"path\":\"\\u0061\",\"bytes\":1,\"sha256\":\"" + kAbc +
               "\"}\n]}\n",  // an escape
       }) {
    CAPTURE(json);
    std::vector<ManifestEntry> parsed;
    std::string err;
    CHECK(parse_manifest(json, &parsed, &err));
    CHECK(parsed == expected);
  }
  for (const std::string& json : {
           "{\"version\":1,\"files\":[\n" + entry + ",\n]}\n",  // a trailing comma
           "{\"version\":1,\"files\":[\n{\"path\":\"a\",\"bytes\":01,\"sha256\":\"" + kAbc +
               "\"}\n]}\n",  // a leading zero
           "{\"version\":1,\"files\":[\n{\"path\":\"a\",\"bytes\":18446744073709551616,"
           "\"sha256\":\"" +
               kAbc + "\"}\n]}\n",  // 2^64
           "{\"version\":1,\"files\":[\n{\"path\":\"\xff\",\"bytes\":1,\"sha256\":\"" + kAbc +
               "\"}\n]}\n",  // not UTF-8
       }) {
    CAPTURE(json);
    std::vector<ManifestEntry> parsed;
    std::string err;
    CHECK_FALSE(parse_manifest(json, &parsed, &err));
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

TEST_CASE("read_manifest stops where its reader says, with no error") {
  std::vector<ManifestEntry> entries = {{"a", 1, kAbc}, {"b", 2, kAbc}, {"c", 3, kAbc}};
  std::string written, err;
  REQUIRE(manifest_json(entries, &written, &err));
  const std::string other = nlohmann::json::parse(written).dump(2);
  for (const std::string& json : {written, other}) {
    std::vector<std::string> seen;
    err.clear();
    CHECK_FALSE(read_manifest(
        json,
        [&](const ManifestEntry& e) {
          seen.push_back(e.path);
          return e.path != "b";
        },
        &err));
    CHECK(seen == std::vector<std::string>{"a", "b"});
    CHECK(err.empty());
  }
}
