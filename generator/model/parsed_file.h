#pragma once
// One content file as the loader holds it between parsing and validation
// (internal to the model stage).

#include <string>

#include "content/document.h"
#include "content/front_matter.h"
#include "util/diagnostic.h"

namespace agora {

struct ParsedFile {
  Document doc;
  FrontMatter front_matter;
  std::string text;  // owns what front_matter.body points into
  bool ok = false;   // read and split; its front matter may still have errors
  Diagnostics diags;
};

}  // namespace agora
