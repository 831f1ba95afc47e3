#pragma once
// lunr.tokenizer for string input: String(x).toLowerCase(), then split at
// runs of lunr.tokenizer.separator (/[\s\-]+/, JavaScript's \s without the u
// flag). Positions are [start, length] in UTF-16 code units of the
// lower-cased string, as lunr stores them in token.metadata.position.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace agora {

struct TokenSpan {
  uint32_t start = 0;
  uint32_t length = 0;
};

// True for the code units that /[\s\-]/ matches.
bool is_separator(char16_t unit);

// Splits already lower-cased text; spans index into `lowered`.
std::vector<TokenSpan> split_tokens(std::u16string_view lowered);

// The whole of lunr.tokenizer, returning the token strings as UTF-8.
std::vector<std::string> tokenize(std::string_view text);

}  // namespace agora
