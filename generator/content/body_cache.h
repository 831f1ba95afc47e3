#pragma once
// Parsed bodies kept between builds: parsing every document's Markdown is
// a fifth of a rebuild after one edit, and all but one body are the same.
// The stage that owns files and hashes implements the store (see
// output/body_store.h); this stage says what a parse depends on and how its
// result is written down.

#include <string>
#include <string_view>
#include <vector>

#include "content/document.h"
#include "util/diagnostic.h"

namespace agora {

// Everything parse_body's result depends on, besides the program itself.
struct BodyKey {
  std::string_view body;
  int first_line = 1;
  bool trusted_html = false;
  bool html = true;
  std::string_view file;  // diagnostics name it
};

// One body asked of find_all().
struct BodyLookup {
  std::string id;  // from id(); "" finds nothing
  Document* doc = nullptr;
  Diagnostics* diags = nullptr;
  bool found = false;  // set by find_all()
};

class BodyCache {
 public:
  virtual ~BodyCache() = default;
  // The name the cache knows `key` by, made once per body for find_all()
  // and store(); "" when the cache keeps nothing.
  virtual std::string id(const BodyKey& key) const = 0;
  // For each lookup whose body is kept: sets doc's body members (those
  // encode_body writes), adds the parse's diagnostics, as parse_body did
  // for the body its id names, and sets found. All of a build's lookups at
  // once, on `threads` threads: the cache can then read each of its files
  // once and let it go before the next, rather than hold them all.
  virtual void find_all(std::vector<BodyLookup>* lookups, unsigned threads) const = 0;
  // Keeps what parse_body made of the body `id` names. Thread-safe.
  virtual void store(const std::string& id, const Document& doc, const Diagnostics& diags) = 0;
};

// The members of a Document that parse_body sets (headings, links, toc,
// html, plain_text, first_paragraph, word_count) and the diagnostics it
// reported, as bytes; decode_body sets them back and returns false for
// bytes encode_body did not make (then *doc and *diags are unspecified).
std::string encode_body(const Document& doc, const Diagnostics& diags);
bool decode_body(std::string_view bytes, Document* doc, Diagnostics* diags);

}  // namespace agora
