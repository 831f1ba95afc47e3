// libFuzzer target: a whole content file through the document limits, the
// front matter split and the YAML loader (aliases, depth, control
// characters, unclosed quotes), as the site loader reads it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/front_matter.h"
#include "content/limits.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  agora::Limits limits;
  agora::Diagnostics diags;
  if (!agora::check_document_limits(limits, "content/x/y.md", text, &diags)) return 0;
  agora::FrontMatter front_matter;
  agora::parse_front_matter(text, "content/x/y.md", &front_matter, &diags, limits.yaml());
  return 0;
}
