#include "output/entry_store.h"

#include <utility>

#include "output/entry_file.h"
#include "util/parallel.h"
#include "util/path.h"
#include "util/sha256.h"

namespace agora {

namespace {

// A seal: an HMAC-SHA256 in hex.
constexpr size_t kSealBytes = 64;

}  // namespace

EntryStore::EntryStore(FileSystem& fs, std::string path, std::string header, Layout layout,
                       std::string program, std::string seal_key)
    : fs_(fs),
      path_(std::move(path)),
      header_(std::move(header)),
      layout_(layout),
      program_(seal_key.empty() ? std::string() : std::move(program)),
      seal_key_(std::move(seal_key)),
      files_(layout == Layout::kOneFile ? 1 : 256),
      locks_(std::make_unique<std::mutex[]>(files_.size())) {}

std::string EntryStore::key(const std::function<void(std::string& text)>& describe) const {
  if (program_.empty()) return "";
  std::string text = program_;
  text.push_back('\0');
  describe(text);
  return sha256_hex(text);
}

size_t EntryStore::file_of(std::string_view key) const {
  if (layout_ == Layout::kOneFile) return 0;
  auto digit = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  return static_cast<size_t>(digit(key[0]) * 16 + digit(key[1]));
}

std::string EntryStore::path_of(size_t file) const {
  if (layout_ == Layout::kOneFile) return path_;
  static constexpr char kHex[] = "0123456789abcdef";
  return join_path(path_, std::string{kHex[file >> 4], kHex[file & 15]});
}

std::string EntryStore::seal_of(std::string_view entries) const {
  // The file's bytes before the seal (header and entries) are hashed
  // once; the HMAC covers the header again, which names the format.
  std::string message = header_;
  message.push_back('\0');
  message += sha256_hex(entries);
  return hmac_sha256_hex(seal_key_, message);
}

std::string_view EntryStore::sealed_entries(std::string_view bytes) const {
  if (bytes.size() < header_.size() + kSealBytes) return {};
  const std::string_view entries = bytes.substr(0, bytes.size() - kSealBytes);
  if (!entries.starts_with(header_) || seal_of(entries) != bytes.substr(entries.size())) return {};
  return entries;
}

EntryStore::File& EntryStore::loaded(size_t i) const {
  File& file = files_[i];
  if (file.loaded) return file;
  file.loaded = true;
  std::string err;
  const std::string path = path_of(i);
  if (fs_.exists(path) && fs_.read_bytes(path, &file.bytes, &err)) {
    const std::string_view entries = sealed_entries(file.bytes.view());
    file.spoilt = entries.empty();
    read_entries(entries, header_, &file.entries);
  }
  return file;
}

void EntryStore::let_go(File& file) {
  if (file.entries.empty() && file.bytes.view().empty()) return;
  file.unused = file.used.size() != file.entries.size();
  file.entries.clear();
  file.bytes = FileBytes();
}

bool EntryStore::find(std::string_view key, const Take& take) const {
  if (key.size() != kEntryKeyBytes) return false;
  const size_t i = file_of(key);
  std::string_view stored_key, bytes;
  {
    std::lock_guard<std::mutex> lock(locks_[i]);
    const File& file = loaded(i);
    auto it = file.entries.find(key);
    if (it == file.entries.end()) return false;
    stored_key = it->first;
    bytes = it->second;
  }
  // The file's bytes stay until release().
  if (!take(bytes)) return false;
  std::lock_guard<std::mutex> lock(locks_[i]);
  files_[i].used.emplace(stored_key);
  return true;
}

void EntryStore::find_each(const std::vector<std::string_view>& keys, const TakeEach& take,
                           unsigned threads) const {
  std::vector<std::vector<size_t>> asked(files_.size());
  for (size_t k = 0; k < keys.size(); ++k) {
    if (keys[k].size() == kEntryKeyBytes) asked[file_of(keys[k])].push_back(k);
  }
  parallel_for(
      asked.size(),
      [&](size_t i) {
        if (asked[i].empty()) return;
        std::lock_guard<std::mutex> lock(locks_[i]);
        File& file = loaded(i);
        for (size_t k : asked[i]) {
          auto it = file.entries.find(keys[k]);
          if (it != file.entries.end() && take(k, it->second)) file.used.emplace(it->first);
        }
        let_go(file);
      },
      threads);
}

void EntryStore::store(const std::string& key, std::string bytes) {
  if (key.size() != kEntryKeyBytes) return;
  const size_t i = file_of(key);
  std::lock_guard<std::mutex> lock(locks_[i]);
  loaded(i).added.insert_or_assign(key, std::move(bytes));
}

void EntryStore::release() {
  for (size_t i = 0; i < files_.size(); ++i) {
    std::lock_guard<std::mutex> lock(locks_[i]);
    if (files_[i].loaded) let_go(files_[i]);
  }
}

bool EntryStore::save(std::string* err) {
  if (program_.empty()) return true;
  release();
  bool ok = true;
  for (size_t i = 0; i < files_.size(); ++i) {
    std::lock_guard<std::mutex> lock(locks_[i]);
    const File& file = files_[i];
    const std::string path = path_of(i);
    if (!file.loaded) {
      // No key falls here: whatever the file holds is unused.
      if (fs_.exists(path) && !fs_.remove_all(path, err)) ok = false;
      continue;
    }
    if (file.added.empty() && !file.unused && !file.spoilt) continue;
    // The entries used, read again (and checked again: the file may have
    // been replaced since, and its entries must not get this key's seal),
    // and the new ones, sorted by key, so the same entries make the same
    // file.
    FileBytes bytes;
    std::string read_err;
    const bool read = fs_.exists(path) && fs_.read_bytes(path, &bytes, &read_err);
    std::string text = kept_entries_file(
        header_, read ? sealed_entries(bytes.view()) : std::string_view(), file.used, file.added);
    text += seal_of(text);
    if (!fs_.write_file_atomic(path, text, err)) ok = false;
  }
  return ok;
}

size_t EntryStore::total(size_t (*count)(const File&)) const {
  size_t n = 0;
  for (size_t i = 0; i < files_.size(); ++i) {
    std::lock_guard<std::mutex> lock(locks_[i]);
    n += count(files_[i]);
  }
  return n;
}

size_t EntryStore::found() const {
  return total([](const File& f) { return f.used.size(); });
}

size_t EntryStore::stored() const {
  return total([](const File& f) { return f.added.size(); });
}

}  // namespace agora
