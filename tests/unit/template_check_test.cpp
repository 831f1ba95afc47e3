#include <doctest/doctest.h>

#include <string>

#include "model/site_loader.h"
#include "render/template_check.h"
#include "render/theme.h"
#include "site_fixture.h"

using agora::Diagnostic;
using agora::Diagnostics;
using agora::Severity;

namespace doctest {
template <>
struct StringMaker<std::vector<Diagnostic>> {
  static String convert(const std::vector<Diagnostic>& items) {
    std::string out;
    for (const auto& d : items) {
      out += "\n  " + agora::format_diagnostic_line(d) + " [hint: " + d.hint + "]";
    }
    return out.c_str();
  }
};
}  // namespace doctest

namespace {

// The fixture site with one site template replaced; returns what check
// says about the templates.
std::vector<Diagnostic> check_with(const std::string& name, const std::string& text) {
  agora::testing::FixtureFs fs;
  std::string err;
  fs.memory_.write_file("site/templates/" + name + ".mustache", text, &err);
  Diagnostics diags;
  auto config = agora::load_config(fs, "site/site.yaml", &diags);
  REQUIRE(config);
  auto theme = agora::load_theme(fs, *config, &diags);
  REQUIRE(theme);
  REQUIRE_FALSE(diags.has_errors());
  agora::check_template_contract(*theme, *config, &diags);
  diags.sort();
  return diags.items();
}

Diagnostic warning(std::string file, int line, int column, std::string code, std::string message,
                   std::string hint) {
  return {std::move(file),    line,           column, Severity::kWarning, std::move(code),
          std::move(message), std::move(hint)};
}

}  // namespace

TEST_CASE("template check: the bundled theme matches the contract") {
  agora::testing::FixtureFs fs;
  Diagnostics diags;
  auto config = agora::load_config(fs, "site/site.yaml", &diags);
  REQUIRE(config);
  config->browse.gap_rows = "themes";  // so gap-map.mustache is checked too
  config->browse.gap_columns = "countries";
  auto theme = agora::load_theme(fs, *config, &diags);
  REQUIRE(theme);
  agora::check_template_contract(*theme, *config, &diags);
  for (const auto& d : diags.items()) CAPTURE(agora::format_diagnostic_line(d));
  CHECK(diags.empty());
}

TEST_CASE("template check: unknown keys and partials are warnings at file:line:col") {
  const std::string listing =
      "{{<base}}{{$content}}\n"
      "<h1>{{listing.titel}}</h1>\n"
      "{{#listing.items}}<p>{{titel}} {{summary}}</p>{{/listing.items}}\n"
      "  {{>itme}}\n"
      "{{i18n.skip_to_contnet}} {{#site.nav}}{{url}}{{/site.nav}}\n"
      "{{/content}}{{/base}}\n";
  const std::vector<Diagnostic> expected = {
      warning("templates/listing.mustache", 2, 5, "template-unknown-key",
              "'listing.titel': 'titel' is not a key of Listing", "did you mean 'title'?"),
      warning("templates/listing.mustache", 3, 22, "template-unknown-key",
              "'titel' is not in the theme contract for this page", "did you mean 'title'?"),
      warning("templates/listing.mustache", 4, 3, "template-unknown-partial",
              "partial 'itme' is not a template of the site or its theme", "did you mean 'item'?"),
      warning("templates/listing.mustache", 5, 1, "template-unknown-key",
              "'i18n.skip_to_contnet': 'skip_to_contnet' is not a key of the theme's words (i18n)",
              "did you mean 'skip_to_content'?"),
  };
  CHECK(check_with("listing", listing) == expected);
}

TEST_CASE("template check: document fields are checked against the type's schema") {
  // notes have status, leads and see_also; organizations have website.
  const std::string notes =
      "{{document.fields.status}} {{document.fields.website}} {{#document.has.leads}}x"
      "{{/document.has.leads}}\n";
  const std::vector<Diagnostic> expected = {
      warning("templates/document-notes.mustache", 1, 28, "template-unknown-key",
              "'document.fields.website': 'website' is not a key of the fields of this page's type "
              "(site.yaml)",
              "docs/THEMES.md lists every key of every page"),
  };
  CHECK(check_with("document-notes", notes) == expected);
  // The generic document template accepts any type's fields.
  CHECK(check_with("document", notes).empty());
}

TEST_CASE("template check: a section over a list sees the list's items") {
  CHECK(check_with("term",
                   "{{#listing.items}}{{type_singular}}{{#example}}!{{/example}}"
                   "{{/listing.items}}{{#term.types}}{{count}}{{/term.types}}"
                   "{{#listing.pagination.pages}}{{number}}{{.}}{{/listing.pagination.pages}}")
            .empty());
}
