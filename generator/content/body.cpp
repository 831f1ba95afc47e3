#include "content/body.h"

#include "content/shortcodes.h"

namespace agora {

void parse_body(std::string_view body, int first_line, const SiteConfig& config, bool html,
                Document* doc, Diagnostics* diags) {
  MarkdownOptions options;
  options.first_line = first_line;
  options.trusted_html = config.trusted_html;
  options.html = html;
  std::optional<std::string> stripped = strip_shortcodes(body, first_line, doc->source_path, diags);
  if (stripped) body = *stripped;
  ParsedMarkdown parsed = parse_markdown(body, options, doc->source_path, diags);
  doc->headings = std::move(parsed.headings);
  doc->links = std::move(parsed.links);
  doc->toc = std::move(parsed.toc);
  if (html) doc->html = std::make_shared<const BodyHtml>(std::move(parsed.html));
  doc->plain_text = std::make_shared<const std::string>(std::move(parsed.plain_text));
  doc->first_paragraph = std::move(parsed.first_paragraph);
  doc->word_count = static_cast<int>(parsed.word_count);
}

}  // namespace agora
