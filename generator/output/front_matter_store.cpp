#include "output/front_matter_store.h"

#include <utility>

#include "output/entry_file.h"
#include "output/sha256.h"

namespace agora {
namespace {

constexpr std::string_view kHeader = "agora-front-matter-cache 1\n";

}  // namespace

FrontMatterStore::FrontMatterStore(FileSystem& fs, std::string path, std::string program)
    : fs_(fs), path_(std::move(path)), program_(std::move(program)) {}

std::string FrontMatterStore::id(std::string_view yaml, const YamlLimits& limits) const {
  if (program_.empty()) return "";
  std::string text = program_;
  text.push_back('\0');
  text += std::to_string(limits.depth) + "," + std::to_string(limits.nodes);
  text.push_back('\0');
  text.append(yaml);
  return sha256_hex(text);
}

void FrontMatterStore::load() const {
  if (loaded_) return;
  loaded_ = true;
  std::string err;
  if (fs_.exists(path_) && fs_.read_bytes(path_, &bytes_, &err)) {
    read_entries(bytes_.view(), kHeader, &entries_);
  }
}

bool FrontMatterStore::find(const std::string& id, YAML::Node* tree) const {
  if (id.size() != kEntryKeyBytes) return false;
  std::string_view key, bytes;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    load();
    auto it = entries_.find(id);
    if (it == entries_.end()) return false;
    key = it->first;
    bytes = it->second;
  }
  // The file's bytes stay until release().
  if (!decode_yaml_tree(bytes, tree)) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  used_.emplace(key);
  return true;
}

void FrontMatterStore::store(const std::string& id, const YAML::Node& tree) {
  if (id.size() != kEntryKeyBytes) return;
  std::string bytes = encode_yaml_tree(tree);
  std::lock_guard<std::mutex> lock(mutex_);
  added_.insert_or_assign(id, std::move(bytes));
}

void FrontMatterStore::release() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!loaded_ || (entries_.empty() && bytes_.view().empty())) return;
  unused_ = used_.size() != entries_.size();
  entries_.clear();
  bytes_ = FileBytes();
}

bool FrontMatterStore::save(std::string* err) {
  if (program_.empty()) return true;
  release();
  std::lock_guard<std::mutex> lock(mutex_);
  if (added_.empty() && !unused_ && (loaded_ || !fs_.exists(path_))) return true;
  // The entries used, read again, and the new ones.
  FileBytes bytes;
  std::string read_err;
  const bool read = loaded_ && fs_.exists(path_) && fs_.read_bytes(path_, &bytes, &read_err);
  return fs_.write_file_atomic(
      path_, kept_entries_file(kHeader, read ? bytes.view() : std::string_view(), used_, added_),
      err);
}

size_t FrontMatterStore::found() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return used_.size();
}

size_t FrontMatterStore::stored() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return added_.size();
}

}  // namespace agora
