#pragma once
// Unsigned 64-bit numbers as eight little-endian bytes, or as a varint
// (seven bits a byte, low first), for the caches' own binary files
// (content/body_cache.h, output/body_store.h, search/analysis_cache.h).

#include <cstdint>
#include <string>
#include <string_view>

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

inline void append_varint(std::string& out, uint64_t n) {
  while (n >= 0x80) {
    out.push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out.push_back(static_cast<char>(n));
}

// Reads a varint from the front of `in` into *n and drops it; false when
// `in` ends first or the number passes 64 bits.
inline bool read_varint(std::string_view& in, uint64_t* n) {
  uint64_t value = 0;
  for (size_t i = 0; i < in.size() && i < 10; ++i) {
    const auto byte = static_cast<unsigned char>(in[i]);
    value |= uint64_t(byte & 0x7f) << (7 * i);
    if (byte < 0x80) {
      if (i == 9 && byte > 1) return false;
      *n = value;
      in.remove_prefix(i + 1);
      return true;
    }
  }
  return false;
}

}  // namespace agora
