#include "util/sha256.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <string>

#include "util/text.h"

namespace agora {

namespace {

constexpr size_t kDigestBytes = 32;
constexpr size_t kBlockBytes = 64;
using Digest = std::array<unsigned char, kDigestBytes>;

// EVP_Digest only fails on allocation failure: false then, and callers
// return "", which makes every comparison fail, as "changed" does.
bool digest_of(std::string_view bytes, Digest* digest) {
  unsigned int length = 0;
  return EVP_Digest(bytes.data(), bytes.size(), digest->data(), &length, EVP_sha256(), nullptr) ==
             1 &&
         length == kDigestBytes;
}

std::string hex_of(const Digest& digest) {
  return lower_hex(std::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()));
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  Digest digest;
  return digest_of(bytes, &digest) ? hex_of(digest) : std::string();
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message) {
  // H((K ^ opad) || H((K ^ ipad) || message)), K the key padded to a block
  // (or its digest, when longer than one).
  std::array<unsigned char, kBlockBytes> block{};
  if (key.size() > kBlockBytes) {
    Digest hashed;
    if (!digest_of(key, &hashed)) return {};
    std::copy(hashed.begin(), hashed.end(), block.begin());
  } else {
    std::copy(key.begin(), key.end(), block.begin());
  }
  std::string inner(kBlockBytes, '\0');
  for (size_t i = 0; i < kBlockBytes; ++i) inner[i] = static_cast<char>(block[i] ^ 0x36);
  inner.append(message);
  Digest inner_digest;
  if (!digest_of(inner, &inner_digest)) return {};
  std::string outer(kBlockBytes, '\0');
  for (size_t i = 0; i < kBlockBytes; ++i) outer[i] = static_cast<char>(block[i] ^ 0x5c);
  outer.append(reinterpret_cast<const char*>(inner_digest.data()), inner_digest.size());
  Digest mac;
  return digest_of(outer, &mac) ? hex_of(mac) : std::string();
}

}  // namespace agora
