#pragma once
// Small text helpers shared by every stage: HTML escaping, URL slugs, UTF-8.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>

namespace agora {

// Escapes &, <, >, " and ' for use in HTML text and double- or single-quoted
// attribute values, and replaces C0 control characters other than tab, LF
// and CR with U+FFFD (XML forbids them). Bytes are otherwise copied unchanged
// (UTF-8 passes through).
std::string escape_html(std::string_view text);
// The same, appended to *out.
void append_escaped_html(std::string* out, std::string_view text);

// A URL-safe slug: common accented Latin letters transliterated to ASCII
// (é->e, ß->ss, æ->ae, ø->o, ł->l, ...), ASCII lower-cased, every run of
// other characters (punctuation, spaces, untransliterable code points)
// collapsed to one '-', no leading or trailing '-'. May return "" (e.g. for
// "!!!" or text in a non-Latin script); callers pick their own fallback.
// Deterministic and locale-independent.
std::string slugify(std::string_view text);

// True if `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing
// above U+10FFFF). On false, *bad_offset (if not null) is the byte offset of
// the first byte of the first ill-formed sequence.
bool is_valid_utf8(std::string_view text, size_t* bad_offset = nullptr);

// `text` with ASCII letters lower-cased; other bytes unchanged.
std::string ascii_lower(std::string_view text);

// Each byte of `bytes` as two lowercase hex digits.
std::string lower_hex(std::string_view bytes);

// Decodes one UTF-8 code point at text[*pos] and advances *pos past it.
// Ill-formed input yields U+FFFD and advances by one byte.
// REQUIRES: *pos < text.size().
char32_t decode_utf8(std::string_view text, size_t* pos);

// 1-based line and column (in bytes) of byte `offset` in `text`.
std::pair<int, int> line_and_column(std::string_view text, size_t offset);

// `text` for a terminal: control characters (C0 but tab and line feed, DEL,
// and C1) shown as escapes ("\x1B", "\u009B") so that no text read from a
// file can move the cursor, recolour or retitle the terminal.
std::string visible_controls(std::string_view text);

// Appends the UTF-8 encoding of `cp` to *out.
void append_utf8(char32_t cp, std::string* out);

}  // namespace agora
