#include "content/body_analysis.h"

#include "content/markdown.h"

namespace agora {

void analyze_body(const SiteConfig& config, Document* doc) {
  MarkdownOptions options;
  options.first_line = doc->body_first_line;
  options.trusted_html = config.trusted_html;
  MarkdownAnalysis analysis = analyze_markdown(doc->body, options);
  for (auto& heading : analysis.headings) {
    doc->headings.push_back({heading.level, std::move(heading.id), std::move(heading.text)});
  }
  doc->plain_text = std::move(analysis.plain_text);
  doc->first_paragraph = std::move(analysis.first_paragraph);
  doc->word_count = static_cast<int>(analysis.word_count);
}

}  // namespace agora
