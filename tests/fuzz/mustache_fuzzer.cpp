// libFuzzer target: the Mustache parser, then rendering the template with
// itself as the only partial and a small context.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "render/mustache.h"
#include "render/mustache_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  agora::ParsedTemplate parsed = agora::parse_mustache(text, "t.mustache");
  if (!parsed.errors.empty()) return 0;
  static const nlohmann::json context = nlohmann::json::parse(R"({
    "a": "x<y & 'z'", "b": [1, 2, {"c": true}], "d": {"e": "f", "g": []},
    "list": [{"name": "one"}, {"name": "two"}], "empty": "", "no": false})");
  // The template may include itself; the engine must bound the recursion.
  std::map<std::string, std::string> partials{{"p", text}, {"base", "{{$b}}d{{/b}}"}};
  agora::Diagnostics diags;
  agora::render_mustache(text, context, partials, &diags);
  return 0;
}
