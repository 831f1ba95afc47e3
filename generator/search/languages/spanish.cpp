// lunr.es of lunr-languages 1.x: its trimmer's word characters and its
// stop word list, verbatim, and the pipeline lunr.es configures.
#include "search/languages/language_pipelines.h"
#include "search/languages/lunr_languages_pipeline.h"
#include "search/languages/stemmers.h"

namespace agora {
namespace {

// lunr.es.wordCharacters.
const WordCharacters& spanish_word_characters() {
  static const WordCharacters characters(
      u"A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-"
      u"\u1D5C\u1D62-\u1D65\u1D6B-\u1D77\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-"
      u"\u209C\u212A\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787\uA78B-\uA7AD\uA7B0-"
      u"\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A");
  return characters;
}

// lunr.es.stopWordFilter's list.
const StopWords& spanish_stop_words() {
  static const StopWords words(
      "a al algo algunas algunos ante antes como con contra cual cuando de del desde donde "
      "durante e el ella ellas ellos en entre era erais eran eras eres es esa esas ese eso "
      "esos esta estaba estabais estaban estabas estad estada estadas estado estados "
      "estamos estando estar estaremos estará estarán estarás estaré estaréis estaría "
      "estaríais estaríamos estarían estarías estas este estemos esto estos estoy estuve "
      "estuviera estuvierais estuvieran estuvieras estuvieron estuviese estuvieseis "
      "estuviesen estuvieses estuvimos estuviste estuvisteis estuviéramos estuviésemos "
      "estuvo está estábamos estáis están estás esté estéis estén estés fue fuera fuerais "
      "fueran fueras fueron fuese fueseis fuesen fueses fui fuimos fuiste fuisteis "
      "fuéramos fuésemos ha habida habidas habido habidos habiendo habremos habrá habrán "
      "habrás habré habréis habría habríais habríamos habrían habrías habéis había habíais "
      "habíamos habían habías han has hasta hay haya hayamos hayan hayas hayáis he hemos "
      "hube hubiera hubierais hubieran hubieras hubieron hubiese hubieseis hubiesen "
      "hubieses hubimos hubiste hubisteis hubiéramos hubiésemos hubo la las le les lo los "
      "me mi mis mucho muchos muy más mí mía mías mío míos nada ni no nos nosotras "
      "nosotros nuestra nuestras nuestro nuestros o os otra otras otro otros para pero "
      "poco por porque que quien quienes qué se sea seamos sean seas seremos será serán "
      "serás seré seréis sería seríais seríamos serían serías seáis sido siendo sin sobre "
      "sois somos son soy su sus suya suyas suyo suyos sí también tanto te tendremos "
      "tendrá tendrán tendrás tendré tendréis tendría tendríais tendríamos tendrían "
      "tendrías tened tenemos tenga tengamos tengan tengas tengo tengáis tenida tenidas "
      "tenido tenidos teniendo tenéis tenía teníais teníamos tenían tenías ti tiene tienen "
      "tienes todo todos tu tus tuve tuviera tuvierais tuvieran tuvieras tuvieron tuviese "
      "tuvieseis tuviesen tuvieses tuvimos tuviste tuvisteis tuviéramos tuviésemos tuvo "
      "tuya tuyas tuyo tuyos tú un una uno unos vosotras vosotros vuestra vuestras vuestro "
      "vuestros y ya yo él éramos");
  return words;
}

// lunr.es sets the search pipeline to trimmer, stemmer.
constexpr std::string_view kSearchPipeline[] = {"trimmer-es", "stemmer-es"};
constexpr LanguageScript kScripts[] = {
    {LanguageScript::Source::kLunrLanguages, "min/lunr.stemmer.support.min.js"},
    {LanguageScript::Source::kLunrLanguages, "min/lunr.es.min.js"},
};

const LunrLanguagesPipeline kSpanish({"es", spanish_word_characters, spanish_stop_words, nullptr,
                                      stem_spanish, kSearchPipeline, kScripts});

}  // namespace

const SearchLanguage& spanish_search_language() { return kSpanish; }

}  // namespace agora
