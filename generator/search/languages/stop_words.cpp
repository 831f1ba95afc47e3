#include "search/languages/stop_words.h"

#include "search/utf16.h"

namespace agora {

StopWords::StopWords(std::string_view words) {
  size_t start = 0;
  for (;;) {
    const size_t space = words.find(' ', start);
    words_.insert(utf8_to_utf16(words.substr(start, space - start)));
    if (space == std::string_view::npos) break;
    start = space + 1;
  }
}

}  // namespace agora
