#pragma once
// Byte counts for people: reports and progress lines.

#include <cstdint>
#include <string>

namespace agora {

// "512 B", "14.2 KB", "9.4 MB" (1 KB = 1024 B, one decimal).
std::string human_bytes(uint64_t bytes);

}  // namespace agora
