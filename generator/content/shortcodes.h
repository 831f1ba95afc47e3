#pragma once
// Hugo shortcodes ({{< name args >}}, {{% name %}}, their closing tags) in
// bodies imported from Hugo sites. Agora has no shortcodes: the tags are
// dropped, the text between an opening and a closing tag is kept, and each
// opening tag is a warning, so an import loses no prose silently.

#include <optional>
#include <string>
#include <string_view>

#include "util/diagnostic.h"

namespace agora {

// `body` without its shortcode tags, or nullopt when it has none. Tags in
// fenced code blocks and code spans are left alone (they document Hugo).
// A tag that spans lines leaves its line breaks, so later lines keep their
// numbers. Warnings ("shortcode") name file:line:column of each opening tag;
// `first_line` is the file line of the body's first line.
std::optional<std::string> strip_shortcodes(std::string_view body, int first_line,
                                            const std::string& file, Diagnostics* diags);

}  // namespace agora
