#pragma once
// The user's secret that seals the entries of the compression cache (see
// output/precompress.h), kept outside every site and its .agora-cache: a
// cache restored from another machine's build comes without it, so
// whoever wrote that cache cannot make an entry this user's builds take
// without checking it.

#include <string>

namespace agora {

// $AGORA_CACHE_KEY when set (a CI job gives the same secret to the builds
// that share a cache), else the key file in the user's state folder,
// $XDG_STATE_HOME/agora/cache-key or ~/.local/state/agora/cache-key, made
// from 32 random bytes on first use and readable by the user alone. ""
// when there is none and none can be made: the cache is then checked the
// slow way, never trusted.
std::string user_cache_key();

// user_cache_key() with the variable's value (null: unset) and the state
// folder given.
std::string cache_key_from(const char* variable, const std::string& state_dir);

}  // namespace agora
