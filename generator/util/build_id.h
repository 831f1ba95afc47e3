#pragma once
// The running program's build ID: the hash the linker puts in the ELF note
// NT_GNU_BUILD_ID. It differs between two builds of different code, so a
// rebuild can tell that the program that made the last output is this one.

#include <string>

namespace agora {

// The build ID as lowercase hex, or "" when the program has none (linked
// with --build-id=none): then nothing may be assumed to be unchanged.
std::string program_build_id();

}  // namespace agora
