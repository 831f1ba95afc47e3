#include "content/document.h"

namespace agora {

bool Document::has_anchor(const std::string& id) const {
  for (const auto& heading : headings) {
    if (heading.id == id) return true;
  }
  return false;
}

}  // namespace agora
