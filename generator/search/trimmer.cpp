#include "search/trimmer.h"

namespace agora {

std::u16string_view trim_token(std::u16string_view token) {
  size_t begin = 0;
  size_t end = token.size();
  while (begin < end && !is_js_word_unit(token[begin])) ++begin;
  while (end > begin && !is_js_word_unit(token[end - 1])) --end;
  return token.substr(begin, end - begin);
}

}  // namespace agora
