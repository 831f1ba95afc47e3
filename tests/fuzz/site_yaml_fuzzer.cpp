// libFuzzer target: site.yaml and vocabulary files, the two other YAML
// inputs a pull request can change.
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/site_config.h"
#include "config/vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  agora::Diagnostics diags;
  agora::parse_site_config(text, "site.yaml", &diags);
  agora::Vocabulary vocabulary;
  agora::parse_vocabulary_file(text, "data/terms.yaml", &vocabulary, &diags);
  if (!vocabulary.terms().empty()) vocabulary.suggest(vocabulary.terms().front().name + "x");
  return 0;
}
