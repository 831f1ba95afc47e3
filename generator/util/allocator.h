#pragma once
// Requests to the process's allocator. The agora binary links jemalloc; test,
// sanitizer and fuzz builds do not, and there these do nothing.

namespace agora {

// While one is alive, the calling thread's allocations and frees bypass
// jemalloc's thread cache: a freed block goes straight back to the pages it
// came from, instead of being handed to this thread's next allocation of
// the same size. Copying long-lived data under it moves the data out of
// pages it shares with freed scratch, rather than back into them (see
// compact_documents in model/site_loader.cpp).
class UncachedAllocation {
 public:
  UncachedAllocation();
  ~UncachedAllocation();
  UncachedAllocation(const UncachedAllocation&) = delete;
  UncachedAllocation& operator=(const UncachedAllocation&) = delete;

 private:
  bool restore_ = false;  // the cache was on; it is off until the destructor
};

// Returns the free pages of the calling thread's arena to the system. A
// thread that is about to end after freeing much (see survey_output in
// output/staging.h) leaves those pages resident otherwise: jemalloc returns
// an arena's free pages only as it allocates in it again.
void release_free_memory();

// Returns the free pages of every arena to the system. The agora binary
// keeps freed pages for reuse (see malloc_conf in main.cpp), which suits a
// build; a process that lives on between builds calls this after each.
void release_all_free_memory();

}  // namespace agora
