#pragma once
// lunr.ar.stopWordFilter's list, shared by the Arabic pipeline and the
// Arabic stemmer (whose own list is the same plus "و").
#include "search/languages/stop_words.h"

namespace agora {

const StopWords& arabic_stop_words();

}  // namespace agora
