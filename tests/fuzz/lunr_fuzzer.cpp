// libFuzzer target: the Lunr pipeline (tokenizer, trimmer, stop words,
// stemmer) on arbitrary text, then a two-document index over it.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "search/search_corpus.h"
#include "search/stemmer.h"
#include "search/stop_word_filter.h"
#include "search/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (const std::string& token : agora::tokenize(text)) {
    if (!agora::is_stop_word(token)) agora::stem(token);
  }
  agora::SearchCorpus corpus;
  corpus.ref = "ref";
  corpus.fields = {{"title", 10}, {"body", 1}};
  size_t half = size / 2;
  corpus.documents.push_back({"a/", {std::string(text.substr(0, half)), std::string(text)}});
  corpus.documents.push_back({"b/", {std::string(text.substr(half)), "plain words"}});
  std::ostringstream out;
  agora::write_search_index(corpus, out, size % 2 == 1, 1);
  return 0;
}
