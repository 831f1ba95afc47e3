#pragma once
// search/index.js for file:// browsing (DESIGN.md, Output layout): browsers
// refuse fetch() on file:// but run <script src>, so the index and the
// documents table travel as one script:
//   window.AGORA_SEARCH={"index":<index.json>,"documents":<documents.json>};
#include <ostream>
#include <string_view>

#include "search/index_builder.h"

namespace agora::search {

// `documents_json` is the text of documents.json (a JSON object).
void write_search_script(const IndexBuilder& index, std::string_view documents_json,
                         std::ostream& out, unsigned threads = 0);

}  // namespace agora::search
