// lunr.fr of lunr-languages 1.x: its trimmer's word characters and its
// stop word list, verbatim, and the pipeline lunr.fr configures.
#include "search/languages/language_pipelines.h"
#include "search/languages/lunr_languages_pipeline.h"
#include "search/languages/stemmers.h"

namespace agora {
namespace {

// lunr.fr.wordCharacters.
const WordCharacters& french_word_characters() {
  static const WordCharacters characters(
      u"A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-"
      u"\u1D5C\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-"
      u"\u209C\u212A\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-"
      u"\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A");
  return characters;
}

// lunr.fr.stopWordFilter's list.
const StopWords& french_stop_words() {
  static const StopWords words(
      "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez "
      "aurions aurons auront aux avaient avais avait avec avez aviez avions avons ayant "
      "ayez ayons c ce ceci celà ces cet cette d dans de des du elle en es est et eu eue "
      "eues eurent eus eusse eussent eusses eussiez eussions eut eux eûmes eût eûtes "
      "furent fus fusse fussent fusses fussiez fussions fut fûmes fût fûtes ici il ils j "
      "je l la le les leur leurs lui m ma mais me mes moi mon même n ne nos notre nous on "
      "ont ou par pas pour qu que quel quelle quelles quels qui s sa sans se sera serai "
      "seraient serais serait seras serez seriez serions serons seront ses soi soient sois "
      "soit sommes son sont soyez soyons suis sur t ta te tes toi ton tu un une vos votre "
      "vous y à étaient étais était étant étiez étions été étée étées étés êtes");
  return words;
}

// lunr.fr.accentFoldTerm: the builder folds accents after the stop word
// filter and before the stemmer, so the stemmer never sees é, è, ç...
void fold_french_accents(std::u16string& term) {
  // Folds one unit to one ASCII letter, or 0 for the two that become "ae"
  // and "oe", or returns it unchanged.
  const auto fold = [](char16_t u) -> char16_t {
    switch (u) {
      case 0xE0:
      case 0xE1:
      case 0xE2:
      case 0xE4:
      case 0xC0:
      case 0xC1:
      case 0xC2:
      case 0xC4:
        return u'a';
      case 0xE7:
      case 0xC7:
        return u'c';
      case 0xE9:
      case 0xE8:
      case 0xEA:
      case 0xEB:
      case 0xC9:
      case 0xC8:
      case 0xCA:
      case 0xCB:
        return u'e';
      case 0xEE:
      case 0xEF:
      case 0xCE:
      case 0xCF:
        return u'i';
      case 0xF4:
      case 0xF6:
      case 0xD4:
      case 0xD6:
        return u'o';
      case 0xF9:
      case 0xFB:
      case 0xFC:
      case 0xD9:
      case 0xDB:
      case 0xDC:
        return u'u';
      case 0x178:
      case 0xFF:
        return u'y';
      case 0xE6:
      case 0xC6:
      case 0x153:
      case 0x152:
        return 0;
      default:
        return u;
    }
  };
  bool grows = false;
  for (char16_t& u : term) {
    if (u < 0xC0) continue;
    const char16_t folded = fold(u);
    if (folded == 0) {
      grows = true;
    } else {
      u = folded;
    }
  }
  if (!grows) return;
  std::u16string out;
  out.reserve(term.size() + 4);
  for (char16_t u : term) {
    if (u == 0xE6 || u == 0xC6) {
      out += u"ae";
    } else if (u == 0x153 || u == 0x152) {
      out += u"oe";
    } else {
      out += u;
    }
  }
  term.swap(out);
}

// lunr.fr sets the search pipeline to trimmer, accentFold, stemmer.
constexpr std::string_view kSearchPipeline[] = {"trimmer-fr", "accentFold-fr", "stemmer-fr"};
constexpr LanguageScript kScripts[] = {
    {LanguageScript::Source::kLunrLanguages, "min/lunr.stemmer.support.min.js"},
    {LanguageScript::Source::kLunrLanguages, "min/lunr.fr.min.js"},
};

const LunrLanguagesPipeline kFrench({"fr", french_word_characters, french_stop_words,
                                     fold_french_accents, stem_french, kSearchPipeline, kScripts});

}  // namespace

const SearchLanguage& french_search_language() { return kFrench; }

}  // namespace agora
