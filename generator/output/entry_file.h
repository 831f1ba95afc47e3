#pragma once
// The caches' files of keyed entries (output/body_store.h,
// output/front_matter_store.h): a header line, then per entry its key (64
// hex digits), its size (8 bytes, little-endian) and its bytes.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

namespace agora {

constexpr size_t kEntryKeyBytes = 64;

// The entries of a file's bytes that start with `header`; a file cut short
// or not ours gives those before the damage.
void read_entries(std::string_view bytes, std::string_view header,
                  std::unordered_map<std::string_view, std::string_view>* out);

// The file a cache saves: of the entries in `old` (its file as read, ""
// when none), those `used` names, and every entry of `added`, in key
// order, so that the same entries make the same file.
std::string kept_entries_file(std::string_view header, std::string_view old,
                              const std::set<std::string>& used,
                              const std::map<std::string, std::string>& added);

}  // namespace agora
