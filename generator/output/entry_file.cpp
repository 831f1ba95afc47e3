#include "output/entry_file.h"

#include <cstdint>

#include "util/little_endian.h"

namespace agora {

void read_entries(std::string_view bytes, std::string_view header,
                  std::unordered_map<std::string_view, std::string_view>* out) {
  if (!bytes.starts_with(header)) return;
  bytes.remove_prefix(header.size());
  while (bytes.size() >= kEntryKeyBytes + 8) {
    const std::string_view key = bytes.substr(0, kEntryKeyBytes);
    const uint64_t size = read_le64(bytes.data() + kEntryKeyBytes);
    bytes.remove_prefix(kEntryKeyBytes + 8);
    if (size > bytes.size()) return;
    out->emplace(key, bytes.substr(0, size));
    bytes.remove_prefix(size);
  }
}

std::string kept_entries_file(std::string_view header, std::string_view old,
                              const std::set<std::string>& used,
                              const std::map<std::string, std::string>& added) {
  std::unordered_map<std::string_view, std::string_view> entries;
  read_entries(old, header, &entries);
  std::map<std::string_view, std::string_view> keep;
  for (const auto& [key, bytes] : entries) {
    if (used.count(std::string(key))) keep.emplace(key, bytes);
  }
  for (const auto& [key, bytes] : added) keep.emplace(key, bytes);
  std::string out(header);
  for (const auto& [key, bytes] : keep) {
    out.append(key);
    append_le64(out, bytes.size());
    out.append(bytes);
  }
  return out;
}

}  // namespace agora
