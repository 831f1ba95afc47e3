#include "search/search_script.h"

namespace agora::search {

void write_search_script(const IndexBuilder& index, std::string_view documents_json,
                         std::ostream& out, unsigned threads) {
  out << "window.AGORA_SEARCH={\"index\":";
  index.write_json(out, threads);
  out << ",\"documents\":";
  out.write(documents_json.data(), static_cast<std::streamsize>(documents_json.size()));
  out << "};\n";
}

}  // namespace agora::search
