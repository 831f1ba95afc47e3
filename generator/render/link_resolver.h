#pragma once
// Turns the link destinations written in a document's Markdown into URLs of
// the built site: "../organizations/itu.md#history" becomes
// "../../organizations/itu/#history". Links to missing documents, anchors or
// files are errors.

#include <map>
#include <string>

#include "model/site.h"
#include "render/url.h"

namespace agora {

struct ResolvedLink {
  enum Kind { kKeep, kRewrite, kError } kind = kKeep;
  std::string url;      // kRewrite
  std::string code;     // kError
  std::string message;  // kError
  std::string hint;     // kError
};

class LinkResolver {
 public:
  // attachment_sizes: output path -> bytes of every non-document content file.
  LinkResolver(const Site& site, const std::map<std::string, long long>& attachment_sizes,
               UrlStyle style)
      : site_(site), attachment_sizes_(attachment_sizes), style_(style) {}

  ResolvedLink resolve(const Document& from, const std::string& destination, bool is_image) const;

 private:
  ResolvedLink absolute_link(const Document& from, const std::string& destination,
                             const std::string& path) const;
  ResolvedLink resolve_document(const Document& from, const std::string& target_source,
                                const std::string& fragment) const;
  ResolvedLink resolve_file(const Document& from, const std::string& target_source,
                            const std::string& fragment, bool is_image) const;

  const Site& site_;
  const std::map<std::string, long long>& attachment_sizes_;
  UrlStyle style_;
};

}  // namespace agora
