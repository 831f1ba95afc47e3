#include "util/allocator.h"

#include <cstddef>

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

}  // namespace agora
