#include "output/body_store.h"

#include <utility>
#include <vector>

namespace agora {
namespace {

// The header of a file of entries (output/entry_file.h).
constexpr std::string_view kHeader = "agora-body-cache 1\n";

}  // namespace

BodyStore::BodyStore(FileSystem& fs, std::string dir, std::string program, std::string seal_key)
    : entries_(fs, std::move(dir), std::string(kHeader), EntryStore::Layout::kByFirstByte,
               std::move(program), std::move(seal_key)) {}

std::string BodyStore::id(const BodyKey& key) const {
  return entries_.key([&](std::string& text) {
    text.append(key.file);
    text.push_back('\0');
    text += std::to_string(key.first_line);
    text.push_back(key.trusted_html ? 't' : 'u');
    text.push_back(key.html ? 'h' : 'n');
    text.push_back('\0');
    text.append(key.body);
  });
}

bool BodyStore::find(const std::string& id, Document* doc, Diagnostics* diags) const {
  return entries_.find(id, [&](std::string_view bytes) {
    Diagnostics found;
    if (!decode_body(bytes, doc, &found)) return false;
    diags->merge(found);
    return true;
  });
}

void BodyStore::find_all(std::vector<BodyLookup>* lookups, unsigned threads) const {
  // File by file: at 10,000 documents, the files held all at once were
  // 133 MB of a build's peak memory.
  std::vector<std::string_view> keys;
  keys.reserve(lookups->size());
  for (const BodyLookup& lookup : *lookups) keys.push_back(lookup.id);
  entries_.find_each(
      keys,
      [&](size_t i, std::string_view bytes) {
        BodyLookup& lookup = (*lookups)[i];
        Diagnostics found;
        if (!decode_body(bytes, lookup.doc, &found)) return false;
        lookup.diags->merge(found);
        return lookup.found = true;
      },
      threads);
}

void BodyStore::store(const std::string& id, const Document& doc, const Diagnostics& diags) {
  entries_.store(id, encode_body(doc, diags));
}

void BodyStore::release() { entries_.release(); }

bool BodyStore::save(std::string* err) { return entries_.save(err); }

}  // namespace agora
