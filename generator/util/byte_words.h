#pragma once
// Scanning text eight bytes at a time, for the loops that look for a few
// special bytes in long runs of plain text (escaping every value of every
// page, reading a search corpus). The bit tricks: a byte of w ^ (c in every
// byte) is zero where w holds c, and subtracting 1 from every byte borrows
// into the top bit of a zero (or, subtracting n, of a byte below n). Whether
// any top bit is set is exact; which ones are set is not, so these say only
// whether a word holds such a byte.

#include <cstdint>
#include <cstring>

namespace agora {

inline constexpr uint64_t kEveryByte = 0x0101010101010101ULL;
inline constexpr uint64_t kTopBits = 0x8080808080808080ULL;

// Eight bytes from p, unaligned.
inline uint64_t load_word(const char* p) {
  uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// Non-zero when some byte of w is c.
inline uint64_t word_has_byte(uint64_t w, unsigned char c) {
  const uint64_t x = w ^ (kEveryByte * c);
  return (x - kEveryByte) & ~x & kTopBits;
}

// Non-zero when some byte of w is below n (n at most 0x80).
inline uint64_t word_has_byte_below(uint64_t w, unsigned char n) {
  return (w - kEveryByte * n) & ~w & kTopBits;
}

}  // namespace agora
