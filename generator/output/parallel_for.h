#pragma once
// A minimal fork-join loop for the output stage's CPU-bound work (hashing,
// compression). Work items must not touch a FileSystem: MemoryFileSystem is
// not thread-safe, so reads and writes stay on the calling thread.

#include <cstddef>
#include <functional>

namespace agora::output {

// Calls fn(i) for every i in [0, n), on up to `threads` threads (0 = the
// hardware's count), and returns when all calls have returned. fn must not
// throw.
void parallel_for(size_t n, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace agora::output
