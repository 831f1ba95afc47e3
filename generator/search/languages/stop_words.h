#pragma once
// A stop word list as lunr.generateStopWordFilter(list) uses it: a token is
// dropped when its whole string is in the list (so "" is dropped only when
// the list holds "", as a doubled space in lunr.ar.js's list makes it).
#include <string>
#include <string_view>
#include <unordered_set>

namespace agora {

class StopWords {
 public:
  // `words`: the list as lunr-languages spells it, UTF-8, one space between
  // words (split like JavaScript's split(' '), empty words included).
  explicit StopWords(std::string_view words);

  bool contains(std::u16string_view token) const { return words_.count(token) != 0; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::u16string_view s) const { return std::hash<std::u16string_view>()(s); }
  };
  std::unordered_set<std::u16string, Hash, std::equal_to<>> words_;
};

}  // namespace agora
