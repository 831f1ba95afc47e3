#include "search/languages/word_characters.h"

namespace agora {

WordCharacters::WordCharacters(std::u16string_view class_body) {
  for (size_t i = 0; i < class_body.size(); ++i) {
    const char16_t first = class_body[i];
    char16_t last = first;
    if (i + 2 < class_body.size() && class_body[i + 1] == u'-') {
      last = class_body[i + 2];
      i += 2;
    }
    for (char32_t u = first; u <= last; ++u) units_.set(u);
  }
  for (char16_t u = u'0'; u <= u'9'; ++u) units_.set(u);
}

std::u16string_view WordCharacters::trim(std::u16string_view token) const {
  size_t begin = 0;
  size_t end = token.size();
  while (begin < end && !contains(token[begin])) ++begin;
  while (end > begin && !contains(token[end - 1])) --end;
  return token.substr(begin, end - begin);
}

}  // namespace agora
