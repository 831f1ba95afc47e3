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
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "content/cmark_document.h"
#include "content/markdown.h"
#include "markdown_shim.h"
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
  const int options = agora::cmark_options(/*unsafe=*/true);
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
  agora::MarkdownOptions options;
  options.trusted_html = true;
  agora::Diagnostics diags;
  const std::string html =
      agora::testing::render_markdown(markdown, options, nullptr, "spec.md", diags).html;
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    const bool heading = html.compare(i, 2, "<h") == 0 && i + 3 < html.size() &&
                         html[i + 2] >= '1' && html[i + 2] <= '6' &&
                         html.compare(i + 3, 5, " id=\"") == 0;
    if (!heading) {
      out += html[i++];
      continue;
    }
    out.append(html, i, 3);         // "<hN"
    i = html.find('"', i + 8) + 1;  // past the id value's closing quote
  }
  return out;
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
    const bool plain_ok = plain_cmark_gfm(example.markdown) == example.html || ignore_output;
    const bool agora_ok = agora_markdown(example.markdown) == example.html || ignore_output;
    plain_passes += plain_ok;
    agora_passes += agora_ok;
    if (plain_ok && !agora_ok) regressions.push_back(example.number);
  }
  std::ostringstream summary;
  summary << file << ": " << run << " examples run (" << examples.size() - static_cast<size_t>(run)
          << " disabled); plain cmark-gfm passes " << plain_passes << ", agora passes "
          << agora_passes;
  MESSAGE(summary.str());
  for (int number : regressions) {
    const Example& example = examples[static_cast<size_t>(number - 1)];
    MESSAGE("regression in example " << number << " (line " << example.line << "):\n"
                                     << example.markdown << "expected:\n"
                                     << example.html << "got:\n"
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
      "p",     "h1",    "h2",  "h3",         "h4", "h5",  "h6",    "em",  "strong", "a",
      "img",   "code",  "pre", "blockquote", "ul", "ol",  "li",    "hr",  "br",     "table",
      "thead", "tbody", "tr",  "th",         "td", "del", "input", "sup", "section"};
  const auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  };
  for (size_t i = html.find('<'); i != std::string::npos; i = html.find('<', i + 1)) {
    size_t start = i + 1;
    if (start < html.size() && html[start] == '/') ++start;
    size_t end = start;
    while (end < html.size() && is_name_char(html[end])) ++end;
    const std::string name = html.substr(start, end - start);
    if (kAllowed.count(name) == 0) {
      *bad_tag = html.substr(i, end - i);
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
          agora::testing::render_markdown(example.markdown, {}, nullptr, "spec.md", diags).html;
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
      const auto analysis = agora::testing::analyze_markdown(example.markdown, {});
      const int lines =
          static_cast<int>(std::count(example.markdown.begin(), example.markdown.end(), '\n'));
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
