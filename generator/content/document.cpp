#include "content/document.h"

namespace agora {

bool Document::has_anchor(const std::string& id) const {
  for (const auto& heading : headings) {
    if (heading.id == id) return true;
  }
  return false;
}

Document unshared_copy(const Document& doc) {
  Document copy = doc;
  if (doc.html) copy.html = std::make_shared<const BodyHtml>(*doc.html);
  if (doc.plain_text) copy.plain_text = std::make_shared<const std::string>(*doc.plain_text);
  return copy;
}

}  // namespace agora
