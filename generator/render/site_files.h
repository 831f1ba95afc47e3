#pragma once
// The rendered site, in memory: what render and search produce and output
// writes.

#include <map>
#include <string>

namespace agora {

// Relative '/'-separated path ("case-studies/x/index.html") -> file bytes.
// std::map keeps paths sorted bytewise, which every output relies on for
// deterministic order.
using SiteFiles = std::map<std::string, std::string>;

}  // namespace agora
