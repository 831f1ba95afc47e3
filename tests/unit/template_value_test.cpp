// Pages render from their typed views read in place (render/view_value.h);
// what a template makes of a view must be exactly what it makes of the
// view's JSON (render/view_json.h), which the contract documents.

#include <doctest/doctest.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model/site_loader.h"
#include "render/mustache.h"
#include "render/page_views.h"
#include "render/theme.h"
#include "render/view_value.h"
#include "site_fixture.h"

namespace {

struct Item {
  static constexpr const char* kName = "Item";
  std::string name;
  size_t count = 0;
  template <typename V>
  void visit(V& v) const {
    v("name", name, "");
    v("count", count, "");
  }
};

struct Sample {
  static constexpr const char* kName = "Sample";
  std::string title;
  int score = 0;
  bool on = false;
  std::optional<std::string> note;
  std::optional<Item> first;
  std::vector<Item> items;
  std::vector<std::string> tags;
  agora::FrontMatterFields fields;
  agora::FieldFlags flags;
  template <typename V>
  void visit(V& v) const {
    v("title", title, "");
    v("score", score, "");
    v("on", on, "");
    v("note", note, "");
    v("first", first, "");
    v("items", items, "");
    v("tags", tags, "");
    v("fields", fields, "");
    v("flags", flags, "");
    // Worked out in visit(), and a key given twice (the last counts).
    v("has_items", !items.empty(), "");
    v("twice", title, "");
    v("twice", score, "");
  }
};

// A view that breaks the convention: "made" is a string made in visit().
struct Stray {
  static constexpr const char* kName = "Stray";
  std::string kept;
  std::vector<Item> items{Item{"one", 1}};
  template <typename V>
  void visit(V& v) const {
    v("kept", kept, "");
    v("made", kept + "!", "");
    v("count", items.size(), "");
    v("items", items, "");
  }
};

// Renders `tmpl` over the sample as JSON and read in place, below a globals
// object, and requires the two to agree.
std::string both_ways(const std::string& tmpl, const Sample& sample) {
  agora::TemplateSet set([&tmpl](const std::string& name) -> std::optional<std::string> {
    if (name == "page") return tmpl;
    if (name == "item") return std::string("<{{name}}:{{count}}:{{title}}>");
    return std::nullopt;
  });
  const nlohmann::json globals = {{"i18n", {{"more", "More & more"}}}, {"title", "global"}};
  const agora::TemplateValue globals_value = agora::TemplateValue::from_json(globals);
  std::string from_json, in_place;
  agora::Diagnostics diags;
  CHECK(set.render("page", agora::to_json(sample), &from_json, &diags, &globals));
  CHECK(set.render("page", agora::template_value(sample), &in_place, &diags, &globals_value));
  CHECK_FALSE(diags.has_errors());
  CHECK(in_place == from_json);
  return in_place;
}

Sample full_sample() {
  Sample s;
  s.title = "A <title> & \"quotes\"";
  s.score = -3;
  s.on = true;
  s.note = "a note";
  s.first = Item{"one", 1};
  s.items = {{"one", 1}, {"two", 0}};
  s.tags = {"x", "y<z"};
  s.fields.value = {{"status", "open"}, {"list", {1, 2.5, "three"}}, {"none", nullptr}};
  s.flags.value = {{"status", true}, {"countries", false}};
  return s;
}

// Checks, through a whole view, that visit() hands over the view's own
// members (a bool or number may be worked out): a string or list made in
// visit() would be gone before a template reads it in place.
struct OwnMembers {
  const char* begin;
  const char* end;
  std::vector<std::string>* strays;
  std::string at;
  template <typename T>
  void operator()(std::string_view name, const T& member, const char* /*description*/) {
    const std::string key = at + std::string(name);
    if constexpr (!std::is_arithmetic_v<T>) {
      const char* p = reinterpret_cast<const char*>(&member);
      if (p < begin || p + sizeof(T) > end) strays->push_back(key);
    }
    check(key, member);
  }
  template <typename T>
  void check(const std::string& key, const T& value) {
    if constexpr (agora::view_json::View<T>) {
      OwnMembers inner{reinterpret_cast<const char*>(&value),
                       reinterpret_cast<const char*>(&value) + sizeof(T), strays,
                       key.empty() ? key : key + "."};
      value.visit(inner);
    } else if constexpr (agora::view_json::is_vector<T>::value) {
      for (const auto& item : value) check(key + "[]", item);
    } else if constexpr (agora::view_json::is_optional<T>::value) {
      if (value) check(key, *value);
    }
  }
};

template <typename T>
std::vector<std::string> stray_members(const T& view) {
  std::vector<std::string> strays;
  OwnMembers{nullptr, nullptr, &strays, ""}.check("", view);
  return strays;
}

}  // namespace

TEST_CASE("a view read in place renders exactly as its JSON") {
  const Sample full = full_sample();
  const Sample empty;
  const std::vector<std::string> templates = {
      "{{title}}|{{{title}}}|{{&title}}|{{score}}|{{on}}|{{note}}",
      "{{#items}}[{{name}}={{count}}]{{/items}}{{^items}}none{{/items}}",
      "{{#items}}{{>item}}{{/items}}",
      "{{#tags}}({{.}}){{/tags}}|{{tags}}|{{items}}|{{first}}|{{fields}}|{{flags}}",
      "{{#first}}{{name}} in {{title}}{{/first}}{{^first}}no first{{/first}}",
      "{{first.name}}|{{first.count}}|{{first.missing}}|{{missing.name}}",
      "{{#note}}note: {{.}}{{/note}}{{^note}}no note{{/note}}|{{^on}}off{{/on}}",
      "{{fields.status}}|{{#fields.list}}<{{.}}>{{/fields.list}}|{{fields.none}}|"
      "{{#fields.none}}x{{/fields.none}}",
      "{{#flags.status}}status{{/flags.status}}{{^flags.countries}}no countries{{/flags.countries}}"
      "|{{flags.other}}",
      "{{i18n.more}}|{{#items}}{{i18n.more}} {{title}}{{/items}}|{{#first}}{{score}}{{/first}}",
      "{{#score}}score is truthy{{/score}}|{{#title}}title is truthy{{/title}}",
      "{{has_items}}|{{#has_items}}items{{/has_items}}{{^has_items}}none{{/has_items}}|{{twice}}",
      "{{.}}"};
  for (const std::string& tmpl : templates) {
    CAPTURE(tmpl);
    both_ways(tmpl, full);
    both_ways(tmpl, empty);
  }
  CHECK(both_ways("{{note}}|{{first}}|{{#first}}x{{/first}}", empty) == "false|false|");
  CHECK(both_ways("{{#items}}{{>item}}{{/items}}", full) ==
        "<one:1:A &lt;title&gt; &amp; "
        "&quot;quotes&quot;><two:0:A "
        "&lt;title&gt; &amp; &quot;quotes&quot;>");
  CHECK(both_ways("{{i18n.more}}", empty) == "More &amp; more");
}

TEST_CASE("the check for views read in place finds a value made in visit()") {
  CHECK(stray_members(full_sample()).empty());
  CHECK(stray_members(Stray{}) == std::vector<std::string>{"made"});
}

TEST_CASE("every page of the fixture site renders the same in place as from its JSON") {
  agora::testing::FixtureFs fs;
  agora::Diagnostics diags;
  auto site = agora::load_site(fs, "site/site.yaml", {}, &diags);
  REQUIRE(site);
  auto theme = agora::load_theme(fs, site->config, &diags);
  REQUIRE(theme);
  REQUIRE_FALSE(diags.has_errors());
  agora::PageViews views(*site, theme->words, agora::UrlStyle{}, {});
  const nlohmann::json globals = {{"i18n", theme->words.json()}};
  const agora::TemplateValue globals_value = agora::TemplateValue::from_json(globals);
  size_t pages = 0;
  auto check = [&](const std::string& tmpl, const auto& view) {
    CAPTURE(tmpl);
    std::string from_json, in_place;
    CHECK(theme->templates->render(tmpl, agora::to_json(view), &from_json, &diags, &globals));
    CHECK(theme->templates->render(tmpl, agora::template_value(view), &in_place, &diags,
                                   &globals_value));
    CHECK(from_json.size() > 500);
    CHECK(in_place == from_json);
    CHECK(stray_members(view).empty());
    ++pages;
  };
  check("home", views.home());
  for (const auto& type : site->config.types) check("listing", views.type_listing(type, 1));
  for (size_t i = 0; i < site->documents.size(); ++i) check("document", views.document(i));
  for (const auto& taxonomy : site->config.taxonomies) {
    if (taxonomy.kind == agora::VocabularyKind::kDocuments) continue;
    check("taxonomy", views.taxonomy(taxonomy));
    const agora::TaxonomyIndex& index = site->taxonomies.at(taxonomy.name);
    for (const auto& [id, documents] : index.documents) {
      check("term", views.term(taxonomy, *index.vocabulary->by_id(id), 1));
    }
  }
  for (const auto& facet : views.facets()) check("listing", views.facet_listing(facet, 1));
  check("downloads", views.downloads());
  check("search", views.plain("search/", "search"));
  check("404", views.plain("", "404"));
  CHECK_FALSE(diags.has_errors());
  CHECK(pages > 15);
}
