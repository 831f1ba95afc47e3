#include "util/allocator.h"

#include <cstddef>
#include <string>

// jemalloc's control interface, when jemalloc is linked in; null otherwise.
extern "C" int mallctl(const char* name, void* oldp, size_t* oldlenp, void* newp, size_t newlen)
    __attribute__((weak));

namespace agora {

UncachedAllocation::UncachedAllocation() {
  if (mallctl == nullptr) return;
  bool enabled = false, off = false;
  size_t size = sizeof enabled;
  restore_ = mallctl("thread.tcache.enabled", &enabled, &size, &off, sizeof off) == 0 && enabled;
}

UncachedAllocation::~UncachedAllocation() {
  if (!restore_) return;
  bool on = true;
  mallctl("thread.tcache.enabled", nullptr, nullptr, &on, sizeof on);
}

void release_free_memory() {
  if (mallctl == nullptr) return;
  mallctl("thread.tcache.flush", nullptr, nullptr, nullptr, 0);
  unsigned arena = 0;
  size_t size = sizeof arena;
  if (mallctl("thread.arena", &arena, &size, nullptr, 0) != 0) return;
  const std::string purge = "arena." + std::to_string(arena) + ".purge";
  mallctl(purge.c_str(), nullptr, nullptr, nullptr, 0);
}

void release_all_free_memory() {
  if (mallctl == nullptr) return;
  mallctl("thread.tcache.flush", nullptr, nullptr, nullptr, 0);
  // MALLCTL_ARENAS_ALL: every arena at once.
  mallctl("arena.4096.purge", nullptr, nullptr, nullptr, 0);
}

}  // namespace agora
