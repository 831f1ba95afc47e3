// Runs the GFM spec examples through plain cmark-gfm and through our
// wrapper, both with Agora's options in trusted mode, and checks that the
// wrapper breaks none of the examples plain cmark-gfm gets right.

#include <doctest/doctest.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content/cmark_document.h"
#include "content/markdown.h"
#include "util/text.h"

namespace {

struct Example {
  int number = 0;
  int line = 0;
  std::string markdown;
  std::string html;
  bool disabled = false;
};

const std::string kFence(32, '`');

std::string replace_tabs(const std::string& text) {
  static const std::string kArrow = "\xE2\x86\x92";  // → stands for a tab
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.compare(i, kArrow.size(), kArrow) == 0) {
      out += '\t';
      i += kArrow.size();
    } else {
      out += text[i++];
    }
  }
  return out;
}

// The format is described in conformance/gfm/README.md.
std::vector<Example> read_examples(const std::string& path) {
  std::ifstream in(path);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::vector<Example> examples;
  std::string line;
  int line_number = 0;
  enum { kProse, kInput, kOutput } state = kProse;
  Example current;
  while (std::getline(in, line)) {
    ++line_number;
    if (state == kProse) {
      if (line.rfind(kFence + " example", 0) == 0) {
        current = Example{};
        current.number = static_cast<int>(examples.size()) + 1;
        current.line = line_number;
        current.disabled = line.find("disabled") != std::string::npos;
        state = kInput;
      }
    } else if (state == kInput) {
      if (line == ".") {
        state = kOutput;
      } else {
        current.markdown += replace_tabs(line) + "\n";
      }
    } else if (line == kFence) {
      examples.push_back(current);
      state = kProse;
    } else {
      current.html += replace_tabs(line) + "\n";
    }
  }
  return examples;
}

// cmark-gfm with the same extensions and options, and nothing of ours.
std::string plain_cmark_gfm(const std::string& markdown) {
  cmark_gfm_core_extensions_ensure_registered();
  const int options = agora::content::cmark_options(/*unsafe=*/true);
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink", "tagfilter", "tasklist"}) {
    cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name));
  }
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* root = cmark_parser_finish(parser);
  char* html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser));
  std::string out(html);
  std::free(html);
  cmark_node_free(root);
  cmark_parser_free(parser);
  return out;
}

// Our renderer, minus the heading ids it adds on purpose.
std::string agora_markdown(const std::string& markdown) {
  agora::content::MarkdownOptions options;
  options.trusted_html = true;
  agora::Diagnostics diags;
  const std::string html =
      agora::content::render_markdown(markdown, options, nullptr, "spec.md", diags).html;
  static const std::regex kHeadingId("<(h[1-6]) id=\"[^\"]*\">");
  return std::regex_replace(html, kHeadingId, "<$1>");
}

void compare_on(const std::string& file) {
  const std::vector<Example> examples =
      read_examples(std::string(AGORA_SHARED_DIR) + "/conformance/gfm/" + file);
  REQUIRE(!examples.empty());
  int run = 0, plain_passes = 0, agora_passes = 0;
  std::vector<int> regressions;
  for (const Example& example : examples) {
    if (example.disabled) continue;
    ++run;
    const bool ignore_output = example.html == "<IGNORE>\n";
    const bool plain_ok =
        plain_cmark_gfm(example.markdown) == example.html || ignore_output;
    const bool agora_ok =
        agora_markdown(example.markdown) == example.html || ignore_output;
    plain_passes += plain_ok;
    agora_passes += agora_ok;
    if (plain_ok && !agora_ok) regressions.push_back(example.number);
  }
  std::ostringstream summary;
  summary << file << ": " << run << " examples run ("
          << examples.size() - static_cast<size_t>(run) << " disabled); plain cmark-gfm passes "
          << plain_passes << ", agora passes " << agora_passes;
  MESSAGE(summary.str());
  for (int number : regressions) {
    const Example& example = examples[static_cast<size_t>(number - 1)];
    MESSAGE("regression in example " << number << " (line " << example.line << "):\n"
            << example.markdown << "expected:\n" << example.html << "got:\n"
            << agora_markdown(example.markdown));
  }
  CHECK(agora_passes >= plain_passes);
  CHECK(regressions.empty());
}

}  // namespace

TEST_CASE("GFM spec: the wrapper passes every example plain cmark-gfm passes") {
  compare_on("spec.txt");
}

TEST_CASE("GFM extensions: the wrapper passes every example plain cmark-gfm passes") {
  compare_on("extensions.txt");
}

// The tags cmark-gfm itself emits. In untrusted mode nothing else may
// appear: every '<' from the author is escaped.
bool only_generated_tags(const std::string& html, std::string* bad_tag) {
  static const std::set<std::string> kAllowed = {
      "p",  "h1", "h2", "h3", "h4", "h5", "h6",  "em",    "strong", "a",
      "img", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br",
      "table", "thead", "tbody", "tr", "th", "td", "del", "input", "sup",
      "section"};
  static const std::regex kTag("<\\/?([A-Za-z][A-Za-z0-9-]*)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kTag);
       it != std::sregex_iterator(); ++it) {
    if (kAllowed.count((*it)[1].str()) == 0) {
      *bad_tag = it->str();
      return false;
    }
  }
  return true;
}

TEST_CASE("untrusted mode: no spec example gets raw HTML or script URLs through") {
  int checked = 0;
  for (const char* file : {"spec.txt", "extensions.txt"}) {
    for (const Example& example :
         read_examples(std::string(AGORA_SHARED_DIR) + "/conformance/gfm/" + file)) {
      agora::Diagnostics diags;
      const std::string html =
          agora::content::render_markdown(example.markdown, {}, nullptr, "spec.md", diags).html;
      CAPTURE(file);
      CAPTURE(example.number);
      CAPTURE(html);
      std::string bad_tag;
      CHECK(only_generated_tags(html, &bad_tag));
      CHECK(html.find("raw HTML omitted") == std::string::npos);
      std::string lower = html;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      CHECK(lower.find("=\"javascript:") == std::string::npos);
      CHECK(lower.find("=\"vbscript:") == std::string::npos);
      CHECK(agora::is_valid_utf8(html, nullptr));
      // Phase 1 on the same input: positions always lie inside the body.
      const auto analysis = agora::content::analyze_markdown(example.markdown, {});
      const int lines = static_cast<int>(
          std::count(example.markdown.begin(), example.markdown.end(), '\n'));
      for (const auto& link : analysis.links) {
        CHECK(link.line >= 1);
        CHECK(link.line <= std::max(lines, 1));
        CHECK(link.column >= 1);
      }
      ++checked;
    }
  }
  MESSAGE("untrusted rendering checked on " << checked << " examples");
}
