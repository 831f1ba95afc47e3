#pragma once
// Unsigned 64-bit numbers as eight little-endian bytes, for the caches'
// own binary files (content/body_cache.h, output/body_store.h).

#include <cstdint>
#include <string>

namespace agora {

inline void append_le64(std::string& out, uint64_t n) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
}

// The number in the eight bytes at p.
inline uint64_t read_le64(const char* p) {
  uint64_t n = 0;
  for (int i = 0; i < 8; ++i) n |= uint64_t(static_cast<unsigned char>(p[i])) << (8 * i);
  return n;
}

}  // namespace agora
