#pragma once
// lunr.stopWordFilter with lunr's English list. An empty token is not a stop
// word: lunr lets "" through the pipeline and indexes it.
#include <string_view>

namespace agora {

bool is_stop_word(std::u16string_view token);
bool is_stop_word(std::string_view token);

}  // namespace agora
