#include <doctest/doctest.h>

#include "content/shortcodes.h"

using agora::Diagnostics;
using agora::strip_shortcodes;

TEST_CASE("Hugo shortcodes: tags dropped, inner text kept, one warning per opening tag") {
  Diagnostics diags;
  auto out = strip_shortcodes(
      "Intro.\n\n{{< note >}}Keep **this**.{{< /note >}}\n\nSee {{% ref \"a.md\" %}} here.\n", 5,
      "content/notes/a.md", &diags);
  REQUIRE(out);
  CHECK(*out == "Intro.\n\nKeep **this**.\n\nSee  here.\n");
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].file == "content/notes/a.md");
  CHECK(diags.items()[0].line == 7);
  CHECK(diags.items()[0].column == 1);
  CHECK(diags.items()[0].code == "shortcode");
  CHECK(diags.items()[0].message ==
        "Hugo shortcode 'note' is not supported: its tags are dropped and the text between them "
        "kept");
  CHECK(diags.items()[1].line == 9);
  CHECK(diags.items()[1].column == 5);
  CHECK(diags.items()[1].message.find("'ref'") != std::string::npos);
}

TEST_CASE("Hugo shortcodes: code is left alone, and later lines keep their numbers") {
  Diagnostics diags;
  const char* body =
      "```\n{{< figure src=\"x\" >}}\n```\nUse `{{< youtube id >}}` to embed.\n"
      "{{< figure\n  src=\"a.png\" >}}\nAfter {{< x >}}.\n";
  auto out = strip_shortcodes(body, 1, "f.md", &diags);
  REQUIRE(out);
  CHECK(*out ==
        "```\n{{< figure src=\"x\" >}}\n```\nUse `{{< youtube id >}}` to embed.\n"
        "\n\nAfter .\n");
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].line == 5);
  CHECK(diags.items()[1].line == 7);
  CHECK(diags.items()[1].column == 7);
}

TEST_CASE("Hugo shortcodes: text without tags is not copied") {
  Diagnostics diags;
  CHECK_FALSE(strip_shortcodes("No tags {{ here }} or {{< unclosed.\n", 1, "f.md", &diags));
  CHECK_FALSE(strip_shortcodes("plain", 1, "f.md", &diags));
  CHECK(diags.items().empty());
}
