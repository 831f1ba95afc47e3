#pragma once
// SHA-256 of a byte string, as 64 lowercase hex digits (OpenSSL's EVP API).

#include <string>
#include <string_view>

namespace agora {

// sha256_hex("abc") ==
// "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad".
std::string sha256_hex(std::string_view bytes);

}  // namespace agora
