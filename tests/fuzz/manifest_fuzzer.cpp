// libFuzzer target: the manifest parser that `agora mirror` runs on what a
// server sent, and the writer on whatever it accepted.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "output/manifest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string json(reinterpret_cast<const char*>(data), size);
  std::vector<agora::ManifestEntry> entries;
  std::string err, again;
  if (!agora::parse_manifest(json, &entries, &err)) return 0;
  // What parses must write back and parse to the same entries.
  std::vector<agora::ManifestEntry> round;
  if (!agora::manifest_json(entries, &again, &err) || !agora::parse_manifest(again, &round, &err) ||
      round != entries) {
    __builtin_trap();
  }
  return 0;
}
