#pragma once
// SHA-256 of a byte string, and HMAC-SHA256, as 64 lowercase hex digits
// (OpenSSL's EVP API).

#include <string>
#include <string_view>

namespace agora {

// sha256_hex("abc") ==
// "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".
std::string sha256_hex(std::string_view bytes);

// HMAC-SHA256 (RFC 2104) of `message` under `key`, as 64 lowercase hex
// digits: what a party without the key cannot make (see precompress.h).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);

}  // namespace agora
