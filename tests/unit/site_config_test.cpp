#include <doctest/doctest.h>

#include <algorithm>

#include "config/site_config.h"
#include "config/vocabulary.h"

using agora::Diagnostics;
using agora::FieldType;
using agora::parse_site_config;

namespace {

const char* kMinimal = R"(title: Test site
base_url: https://example.org/kb
taxonomies:
  themes:
    title: Themes
    vocabulary: {file: data/themes.yaml}
  organizations:
    vocabulary: {documents: organizations}
common_fields:
  - {name: title, type: string, required: true}
  - {name: themes, type: list-of-terms, taxonomy: themes}
types:
  organizations:
    title: Organizations
    fields:
      - {name: website, type: url}
  initiatives:
    fields:
      - {name: status, type: enum, values: [active, done], required: true}
      - {name: leads, type: list-of-terms, taxonomy: organizations}
search:
  fields:
    - {name: title, boost: 10}
    - {name: body}
)";

}  // namespace

TEST_CASE("a valid site.yaml becomes typed structs") {
  Diagnostics diags;
  auto config = parse_site_config(kMinimal, "site.yaml", &diags);
  REQUIRE(config);
  CHECK(diags.empty());
  CHECK(config->title == "Test site");
  CHECK(config->base_url == "https://example.org/kb/");
  CHECK(config->page_size == 20);
  REQUIRE(config->types.size() == 2);
  const auto* initiatives = config->type("initiatives");
  REQUIRE(initiatives);
  CHECK(initiatives->title == "initiatives");
  REQUIRE(initiatives->fields.size() == 4);  // common fields first
  CHECK(initiatives->fields[0].name == "title");
  CHECK(initiatives->fields[2].type == FieldType::kEnum);
  CHECK(initiatives->fields[2].values == std::vector<std::string>{"active", "done"});
  CHECK(config->taxonomy("organizations")->kind == agora::VocabularyKind::kDocuments);
  REQUIRE(config->search_fields.size() == 2);
  CHECK(config->search_fields[1].boost == 1.0);
}

TEST_CASE("config errors name site.yaml, line and column, with a suggestion") {
  struct Case {
    std::string yaml;
    int line;
    int column;
    std::string code;
    std::string message;
    std::string hint;
  };
  const Case cases[] = {
      {"title: A\npage_sise: 10\n", 2, 1, "unknown-key", "unknown key 'page_sise' in site.yaml",
       "did you mean 'page_size'?"},
      {"title: A\npage_size: many\n", 2, 12, "wrong-type",
       "'page_size' in site.yaml must be a whole number", ""},
      {"title: A\ntypes:\n  notes:\n    fields:\n      - {name: when, type: strng}\n", 5, 28,
       "unknown-field-type", "unknown field type 'strng' for field 'when'",
       "did you mean 'string'?"},
      {"title: A\ntypes:\n  notes:\n    titel: Notes\n", 4, 5, "unknown-key",
       "unknown key 'titel' in type 'notes'", "did you mean 'title'?"},
      {"description: no title\n", 1, 1, "missing-key", "site.yaml needs 'title'", ""},
      {"title: A\ntypes:\n  notes:\n    fields:\n      - {name: tags, type: list-of-terms, "
       "taxonomy: tagz}\n",
       5, 0, "unknown-taxonomy", "field 'tags' uses unknown taxonomy 'tagz'", ""},
      {"title: [unclosed\n", 1, 8, "yaml-syntax",
       "invalid YAML: a list opened with '[' is never closed with ']'", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.yaml);
    Diagnostics diags;
    CHECK_FALSE(parse_site_config(c.yaml, "site.yaml", &diags));
    REQUIRE(diags.items().size() >= 1);
    const auto& d = diags.items()[0];
    CHECK(d.file == "site.yaml");
    CHECK(d.line == c.line);
    CHECK(d.column == c.column);
    CHECK(d.code == c.code);
    CHECK(d.message == c.message);
    CHECK(d.hint == c.hint);
  }
}

TEST_CASE("a vocabulary must come from exactly one source") {
  Diagnostics diags;
  CHECK_FALSE(
      parse_site_config("title: A\ntaxonomies:\n  t:\n    vocabulary: {file: a.yaml, iso3166: "
                        "true}\ntypes: {a: {}}\n",
                        "site.yaml", &diags));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "invalid-vocabulary");
  CHECK(diags.items()[0].line == 4);
}

TEST_CASE("browse settings name declared taxonomies and types") {
  Diagnostics diags;
  auto config = parse_site_config(std::string(kMinimal) +
                                      "browse:\n  facets: [themes]\n  gap_map:\n    rows: themes\n"
                                      "    columns: themes\n    types: [initiatives]\n",
                                  "site.yaml", &diags);
  REQUIRE(config);
  CHECK(config->browse.facets == std::vector<std::string>{"themes"});
  CHECK(config->browse.gap_columns == "themes");

  Diagnostics bad;
  CHECK_FALSE(parse_site_config(std::string(kMinimal) + "browse:\n  facets: [themse]\n  gap_map:\n"
                                                        "    types: [initiativs]\n",
                                "site.yaml", &bad));
  REQUIRE(bad.items().size() == 2);
  CHECK(bad.items()[0].line == 26);
  CHECK(bad.items()[0].column == 12);
  CHECK(bad.items()[0].message == "browse names unknown taxonomy 'themse'");
  CHECK(bad.items()[0].hint == "did you mean 'themes'?");
  CHECK(bad.items()[1].message == "browse names unknown type 'initiativs'");
  CHECK(bad.items()[1].hint == "did you mean 'initiatives'?");
}

TEST_CASE("the repository section gives the edit links' base, branch and sub-folder") {
  Diagnostics diags;
  auto config =
      parse_site_config(std::string(kMinimal) +
                            "repository:\n  url: https://git.example.org/kb/\n  branch: trunk\n"
                            "  path: sites/kb/\n",
                        "site.yaml", &diags);
  REQUIRE(config);
  CHECK(config->repository_url == "https://git.example.org/kb");
  CHECK(config->repository_branch == "trunk");
  CHECK(config->repository_path == "sites/kb");
}

TEST_CASE("vocabulary files get the same plain YAML errors as front matter") {
  Diagnostics diags;
  agora::Vocabulary vocabulary;
  CHECK_FALSE(agora::parse_vocabulary_file("- id: a\n  name: A\n- id: b\n\tname: B\n",
                                           "data/themes.yaml", &vocabulary, &diags));
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.file == "data/themes.yaml");
  CHECK(d.line == 4);
  CHECK(d.column == 1);
  CHECK(d.message == "invalid YAML: a tab in the indentation; indent with spaces");
}

TEST_CASE("compress: names the encodings of the precompressed copies") {
  const std::string base = kMinimal;
  Diagnostics diags;
  auto config = parse_site_config(base, "site.yaml", &diags);
  REQUIRE(config);
  CHECK(config->compress == std::vector<std::string>{"br", "gzip"});  // the default
  for (const auto& [yaml, expected] : std::vector<std::pair<std::string, std::vector<std::string>>>{
           {"compress: [gzip]\n", {"gzip"}},
           {"compress: []\n", {}},
           {"compress: [br]\n", {"br"}}}) {
    CAPTURE(yaml);
    config = parse_site_config(base + yaml, "site.yaml", &diags);
    REQUIRE(config);
    CHECK(config->compress == expected);
  }
  CHECK_FALSE(diags.has_errors());

  CHECK_FALSE(parse_site_config(base + "compress: [zstd]\n", "site.yaml", &diags));
  REQUIRE(diags.items().size() == 1);
  const auto& d = diags.items()[0];
  CHECK(d.line == static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1);
  CHECK(d.code == "invalid-value");
  CHECK(d.message == "compress lists unknown encoding 'zstd'");
  CHECK(d.hint == "use br, gzip, both, or [] for no compressed copies");
}
