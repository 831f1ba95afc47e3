#include "output/body_store.h"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "output/entry_file.h"
#include "output/sha256.h"
#include "util/parallel.h"
#include "util/path.h"

namespace agora {
namespace {

// The header of a file of entries (output/entry_file.h).
constexpr std::string_view kHeader = "agora-body-cache 1\n";
constexpr size_t kKeyBytes = kEntryKeyBytes;

size_t bucket_of(std::string_view key) {
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  return static_cast<size_t>(digit(key[0]) * 16 + digit(key[1]));
}

}  // namespace

BodyStore::BodyStore(FileSystem& fs, std::string dir, std::string program)
    : fs_(fs), dir_(std::move(dir)), program_(std::move(program)) {}

std::string BodyStore::id(const BodyKey& key) const {
  if (program_.empty()) return "";
  std::string text = program_;
  text.push_back('\0');
  text.append(key.file);
  text.push_back('\0');
  text += std::to_string(key.first_line);
  text.push_back(key.trusted_html ? 't' : 'u');
  text.push_back(key.html ? 'h' : 'n');
  text.push_back('\0');
  text.append(key.body);
  return sha256_hex(text);
}

std::string BodyStore::path_of(size_t bucket) const {
  static constexpr char kHex[] = "0123456789abcdef";
  return join_path(dir_, std::string{kHex[bucket >> 4], kHex[bucket & 15]});
}

BodyStore::Bucket& BodyStore::loaded(size_t bucket) const {
  Bucket& b = buckets_[bucket];
  if (b.loaded) return b;
  b.loaded = true;
  std::string err;
  const std::string path = path_of(bucket);
  if (fs_.exists(path) && fs_.read_bytes(path, &b.bytes, &err)) {
    read_entries(b.bytes.view(), kHeader, &b.entries);
  }
  return b;
}

bool BodyStore::find(const std::string& k, Document* doc, Diagnostics* diags) const {
  if (k.size() != kKeyBytes) return false;
  const size_t bucket = bucket_of(k);
  std::string_view bytes, stored_key;
  {
    std::lock_guard<std::mutex> lock(locks_[bucket]);
    Bucket& b = loaded(bucket);
    auto it = b.entries.find(k);
    if (it == b.entries.end()) return false;
    stored_key = it->first;
    bytes = it->second;
  }
  // The file's bytes stay mapped until release().
  Diagnostics found;
  if (!decode_body(bytes, doc, &found)) return false;
  {
    std::lock_guard<std::mutex> lock(locks_[bucket]);
    buckets_[bucket].used.emplace(stored_key);
  }
  diags->merge(found);
  return true;
}

void BodyStore::find_all(std::vector<BodyLookup>* lookups, unsigned threads) const {
  std::array<std::vector<BodyLookup*>, 256> asked;
  for (BodyLookup& lookup : *lookups) {
    if (lookup.id.size() == kKeyBytes) asked[bucket_of(lookup.id)].push_back(&lookup);
  }
  // File by file: at 10,000 documents, the files held all at once were
  // 133 MB of a build's peak memory.
  parallel_for(
      asked.size(),
      [&](size_t bucket) {
        if (asked[bucket].empty()) return;
        std::lock_guard<std::mutex> lock(locks_[bucket]);
        Bucket& b = loaded(bucket);
        for (BodyLookup* lookup : asked[bucket]) {
          auto it = b.entries.find(lookup->id);
          if (it == b.entries.end()) continue;
          Diagnostics found;
          if (!decode_body(it->second, lookup->doc, &found)) continue;
          b.used.emplace(it->first);
          lookup->diags->merge(found);
          lookup->found = true;
        }
        let_go(b);
      },
      threads);
}

void BodyStore::let_go(Bucket& b) {
  if (b.entries.empty() && b.bytes.view().empty()) return;
  b.unused = b.used.size() != b.entries.size();
  b.entries.clear();
  b.bytes = FileBytes();
}

void BodyStore::store(const std::string& k, const Document& doc, const Diagnostics& diags) {
  if (k.size() != kKeyBytes) return;
  std::string bytes = encode_body(doc, diags);
  const size_t bucket = bucket_of(k);
  std::lock_guard<std::mutex> lock(locks_[bucket]);
  loaded(bucket).added.insert_or_assign(k, std::move(bytes));
}

void BodyStore::release() {
  for (size_t bucket = 0; bucket < buckets_.size(); ++bucket) {
    std::lock_guard<std::mutex> lock(locks_[bucket]);
    if (buckets_[bucket].loaded) let_go(buckets_[bucket]);
  }
}

bool BodyStore::save(std::string* err) {
  if (program_.empty()) return true;
  release();
  bool ok = true;
  for (size_t bucket = 0; bucket < buckets_.size(); ++bucket) {
    std::lock_guard<std::mutex> lock(locks_[bucket]);
    Bucket& b = buckets_[bucket];
    const std::string path = path_of(bucket);
    if (!b.loaded) {
      // No document's key falls here: whatever the file holds is unused.
      if (fs_.exists(path) && !fs_.remove_all(path, err)) ok = false;
      continue;
    }
    if (b.added.empty() && !b.unused) continue;
    // The entries used, read again, and the new ones, sorted by key, so the
    // same entries make the same file.
    FileBytes bytes;
    std::string read_err;
    const bool read = fs_.exists(path) && fs_.read_bytes(path, &bytes, &read_err);
    const std::string file =
        kept_entries_file(kHeader, read ? bytes.view() : std::string_view(), b.used, b.added);
    if (!fs_.write_file_atomic(path, file, err)) ok = false;
  }
  return ok;
}

size_t BodyStore::total(size_t (*count)(const Bucket&)) const {
  size_t n = 0;
  for (size_t bucket = 0; bucket < buckets_.size(); ++bucket) {
    std::lock_guard<std::mutex> lock(locks_[bucket]);
    n += count(buckets_[bucket]);
  }
  return n;
}

size_t BodyStore::found() const {
  return total([](const Bucket& b) { return b.used.size(); });
}

size_t BodyStore::stored() const {
  return total([](const Bucket& b) { return b.added.size(); });
}

}  // namespace agora
