#include "util/text.h"

#include <algorithm>
#include <array>

#include "util/byte_words.h"

namespace agora {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  append_escaped_html(&out, text);
  return out;
}

namespace {

// The first byte at or after `from` that escape_html may change (one of
// & < > " ' or a control character), or text.size(); eight bytes at a time.
size_t html_plain_run_end(std::string_view text, size_t from) {
  size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    const uint64_t w = load_word(text.data() + i);
    if (word_has_byte(w, '&') | word_has_byte(w, '<') | word_has_byte(w, '>') |
        word_has_byte(w, '"') | word_has_byte(w, '\'') | word_has_byte_below(w, 0x20)) {
      break;
    }
  }
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c < 0x20) break;
  }
  return i;
}

}  // namespace

void append_escaped_html(std::string* out, std::string_view text) {
  // Runs between special characters go in one append, and are found a word
  // at a time: rendering escapes every value of every page through here.
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    i = html_plain_run_end(text, i);
    if (i == text.size()) break;
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        // For theme authors who quote attributes with apostrophes.
        entity = "&#39;";
        break;
      default:
        // C0 controls are not allowed in XML (the feed stops being
        // well-formed) nor as HTML text: U+FFFD shows where one was.
        if (static_cast<unsigned char>(text[i]) >= 0x20 || text[i] == '\t' || text[i] == '\n' ||
            text[i] == '\r') {
          continue;
        }
        entity = "\xEF\xBF\xBD";
    }
    out->append(text.substr(start, i - start));
    out->append(entity);
    start = i + 1;
  }
  out->append(text.substr(start));
}

namespace {

// Length of a well-formed sequence starting at text[i], or 0. Follows the
// table of well-formed byte sequences in the Unicode standard (D92), which
// rules out overlongs and surrogates by narrowing the second byte's range.
size_t utf8_sequence_length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return len;
}

struct Transliteration {
  char32_t code_point;
  const char* ascii;
};

// Latin-1 Supplement and Latin Extended-A letters that readers expect to
// see spelled in ASCII in a URL. Sorted by code point for binary search.
constexpr std::array kTransliterations = {
    Transliteration{0x00C0, "a"},  Transliteration{0x00C1, "a"},  Transliteration{0x00C2, "a"},
    Transliteration{0x00C3, "a"},  Transliteration{0x00C4, "a"},  Transliteration{0x00C5, "a"},
    Transliteration{0x00C6, "ae"}, Transliteration{0x00C7, "c"},  Transliteration{0x00C8, "e"},
    Transliteration{0x00C9, "e"},  Transliteration{0x00CA, "e"},  Transliteration{0x00CB, "e"},
    Transliteration{0x00CC, "i"},  Transliteration{0x00CD, "i"},  Transliteration{0x00CE, "i"},
    Transliteration{0x00CF, "i"},  Transliteration{0x00D0, "d"},  Transliteration{0x00D1, "n"},
    Transliteration{0x00D2, "o"},  Transliteration{0x00D3, "o"},  Transliteration{0x00D4, "o"},
    Transliteration{0x00D5, "o"},  Transliteration{0x00D6, "o"},  Transliteration{0x00D8, "o"},
    Transliteration{0x00D9, "u"},  Transliteration{0x00DA, "u"},  Transliteration{0x00DB, "u"},
    Transliteration{0x00DC, "u"},  Transliteration{0x00DD, "y"},  Transliteration{0x00DE, "th"},
    Transliteration{0x00DF, "ss"}, Transliteration{0x00E0, "a"},  Transliteration{0x00E1, "a"},
    Transliteration{0x00E2, "a"},  Transliteration{0x00E3, "a"},  Transliteration{0x00E4, "a"},
    Transliteration{0x00E5, "a"},  Transliteration{0x00E6, "ae"}, Transliteration{0x00E7, "c"},
    Transliteration{0x00E8, "e"},  Transliteration{0x00E9, "e"},  Transliteration{0x00EA, "e"},
    Transliteration{0x00EB, "e"},  Transliteration{0x00EC, "i"},  Transliteration{0x00ED, "i"},
    Transliteration{0x00EE, "i"},  Transliteration{0x00EF, "i"},  Transliteration{0x00F0, "d"},
    Transliteration{0x00F1, "n"},  Transliteration{0x00F2, "o"},  Transliteration{0x00F3, "o"},
    Transliteration{0x00F4, "o"},  Transliteration{0x00F5, "o"},  Transliteration{0x00F6, "o"},
    Transliteration{0x00F8, "o"},  Transliteration{0x00F9, "u"},  Transliteration{0x00FA, "u"},
    Transliteration{0x00FB, "u"},  Transliteration{0x00FC, "u"},  Transliteration{0x00FD, "y"},
    Transliteration{0x00FE, "th"}, Transliteration{0x00FF, "y"},  Transliteration{0x0110, "d"},
    Transliteration{0x0111, "d"},  Transliteration{0x0126, "h"},  Transliteration{0x0127, "h"},
    Transliteration{0x0131, "i"},  Transliteration{0x0132, "ij"}, Transliteration{0x0133, "ij"},
    Transliteration{0x0138, "k"},  Transliteration{0x013F, "l"},  Transliteration{0x0140, "l"},
    Transliteration{0x0141, "l"},  Transliteration{0x0142, "l"},  Transliteration{0x0149, "n"},
    Transliteration{0x014A, "ng"}, Transliteration{0x014B, "ng"}, Transliteration{0x0152, "oe"},
    Transliteration{0x0153, "oe"}, Transliteration{0x0166, "t"},  Transliteration{0x0167, "t"},
    Transliteration{0x017F, "s"},  Transliteration{0x1E9E, "ss"},
};

// Latin Extended-A letters not in the table are a base letter plus a
// diacritic, laid out in (upper, lower) pairs per base letter. This maps
// each block of pairs to its base letter.
struct LatinRange {
  char32_t first;
  char32_t last;
  char base;
};

constexpr std::array kLatinExtendedA = {
    LatinRange{0x0100, 0x0105, 'a'}, LatinRange{0x0106, 0x010D, 'c'},
    LatinRange{0x010E, 0x010F, 'd'}, LatinRange{0x0112, 0x011B, 'e'},
    LatinRange{0x011C, 0x0123, 'g'}, LatinRange{0x0124, 0x0125, 'h'},
    LatinRange{0x0128, 0x0130, 'i'}, LatinRange{0x0134, 0x0135, 'j'},
    LatinRange{0x0136, 0x0137, 'k'}, LatinRange{0x0139, 0x013E, 'l'},
    LatinRange{0x0143, 0x0148, 'n'}, LatinRange{0x014C, 0x0151, 'o'},
    LatinRange{0x0154, 0x0159, 'r'}, LatinRange{0x015A, 0x0161, 's'},
    LatinRange{0x0162, 0x0165, 't'}, LatinRange{0x0168, 0x0173, 'u'},
    LatinRange{0x0174, 0x0175, 'w'}, LatinRange{0x0176, 0x0178, 'y'},
    LatinRange{0x0179, 0x017E, 'z'}, LatinRange{0x0218, 0x0219, 's'},
    LatinRange{0x021A, 0x021B, 't'},
};

// The ASCII spelling of `cp`, or "" if it has none (then it separates
// words like punctuation does).
std::string_view transliterate(char32_t cp) {
  auto it = std::lower_bound(kTransliterations.begin(), kTransliterations.end(), cp,
                             [](const Transliteration& t, char32_t c) { return t.code_point < c; });
  if (it != kTransliterations.end() && it->code_point == cp) return it->ascii;
  static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz";
  for (const LatinRange& range : kLatinExtendedA) {
    if (cp >= range.first && cp <= range.last) {
      return kLetters.substr(static_cast<size_t>(range.base - 'a'), 1);
    }
  }
  return {};
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower_char(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

bool is_valid_utf8(std::string_view text, size_t* bad_offset) {
  size_t i = 0;
  while (i < text.size()) {
    const size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

char32_t decode_utf8(std::string_view text, size_t* pos) {
  const size_t i = *pos;
  const size_t len = utf8_sequence_length(text, i);
  if (len == 0) {
    *pos = i + 1;
    return 0xFFFD;
  }
  const auto byte = [&](size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[k]));
  };
  *pos = i + len;
  switch (len) {
    case 1:
      return byte(i);
    case 2:
      return ((byte(i) & 0x1F) << 6) | (byte(i + 1) & 0x3F);
    case 3:
      return ((byte(i) & 0x0F) << 12) | ((byte(i + 1) & 0x3F) << 6) | (byte(i + 2) & 0x3F);
    default:
      return ((byte(i) & 0x07) << 18) | ((byte(i + 1) & 0x3F) << 12) | ((byte(i + 2) & 0x3F) << 6) |
             (byte(i + 3) & 0x3F);
  }
}

std::pair<int, int> line_and_column(std::string_view text, size_t offset) {
  std::string_view before = text.substr(0, offset);
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  size_t line_start = before.rfind('\n');
  size_t first = line_start == std::string_view::npos ? 0 : line_start + 1;
  return {line, static_cast<int>(offset - first) + 1};
}

void append_utf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string visible_controls(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    } else if (c == 0xC2 && i + 1 < text.size() &&
               (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80) {
      unsigned char next = static_cast<unsigned char>(text[++i]);
      out += "\\u00";
      out += kHex[next >> 4];
      out += kHex[next & 0xF];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = lower_char(c);
  return out;
}

std::string lower_hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * bytes.size());
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    out += kHex[byte >> 4];
    out += kHex[byte & 0xf];
  }
  return out;
}

std::string slugify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_dash = false;
  const auto emit = [&](std::string_view ascii) {
    if (pending_dash && !out.empty()) out += '-';
    pending_dash = false;
    for (char c : ascii) out += lower_char(c);
  };
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    if (static_cast<unsigned char>(c) < 0x80) {
      ++pos;
      if (is_ascii_alnum(c)) {
        emit(std::string_view(&c, 1));
      } else {
        pending_dash = true;
      }
      continue;
    }
    const std::string_view ascii = transliterate(decode_utf8(text, &pos));
    if (ascii.empty()) {
      pending_dash = true;
    } else {
      emit(ascii);
    }
  }
  return out;
}

}  // namespace agora
