// lunr.ar of lunr-languages 1.x: its trimmer's word characters and its
// stop word list, verbatim, and the pipeline lunr.ar configures.
#include "search/languages/arabic_stop_words.h"
#include "search/languages/language_pipelines.h"
#include "search/languages/lunr_languages_pipeline.h"
#include "search/languages/stemmers.h"

namespace agora {
namespace {

// lunr.ar.wordCharacters.
const WordCharacters& arabic_word_characters() {
  static const WordCharacters characters(u"\u0621-\u065B\u0671\u0640");
  return characters;
}

// lunr.ar sets the search pipeline to the stemmer alone.
constexpr std::string_view kSearchPipeline[] = {"stemmer-ar"};
constexpr LanguageScript kScripts[] = {
    {LanguageScript::Source::kLunrLanguages, "min/lunr.stemmer.support.min.js"},
    {LanguageScript::Source::kLunrLanguages, "min/lunr.ar.min.js"},
};

const LunrLanguagesPipeline kArabic({"ar", arabic_word_characters, arabic_stop_words, nullptr,
                                     stem_arabic, kSearchPipeline, kScripts});

}  // namespace

// lunr.ar.stopWordFilter's list. A doubled space in it makes "" a stop
// word, so Arabic indexes drop the tokens their trimmer empties (Latin
// words, for one); other languages index those as "".
const StopWords& arabic_stop_words() {
  static const StopWords words(
      "، اض امين اه اها اي ا اب اجل اجمع اخ اخذ اصبح اضحى اقبل اقل اكثر الا ام اما امامك "
      "امامك امسى اما ان انا انت انتم انتما انتن انت انشا انى او اوشك اولئك اولئكم اولاء "
      "اولالك اوه اي ايا اين اينما اي ان اي اف اذ اذا اذا اذما اذن الى اليكم اليكما اليكن "
      "اليك اليك الا اما ان انما اي اياك اياكم اياكما اياكن ايانا اياه اياها اياهم اياهما "
      "اياهن اياي ايه ان ا ابتدا اثر اجل احد اخرى اخلولق اذا اربعة ارتد استحال اطار اعادة "
      "اعلنت اف اكثر اكد الالاء الالى الا الاخيرة الان الاول الاولى التى التي الثاني "
      "الثانية الذاتي الذى الذي الذين السابق الف اللائي اللاتي اللتان اللتيا اللتين اللذان "
      "اللذين اللواتي الماضي المقبل الوقت الى اليوم اما امام امس ان انبرى انقلب انه انها "
      "او اول اي ايار ايام ايضا ب بات باسم بان بخ برس بسبب بس بشكل بضع بطان بعد بعض بك بكم "
      "بكما بكن بل بلى بما بماذا بمن بن بنا به بها بي بيد بين بس بله بئس تان تانك تبدل "
      "تجاه تحول تلقاء تلك تلكم تلكما تم تينك تين ته تي ثلاثة ثم ثم ثمة ثم جعل جلل جميع "
      "جير حار حاشا حاليا حاي حتى حرى حسب حم حوالى حول حيث حيثما حين حي حبذا حتى حذار خلا "
      "خلال دون دونك ذا ذات ذاك ذانك ذان ذلك ذلكم ذلكما ذلكن ذو ذوا ذواتا ذواتي ذيت ذينك "
      "ذين ذه ذي راح رجع رويدك ريث رب زيارة سبحان سرعان سنة سنوات سوف سوى ساء ساءما شبه "
      "شخصا شرع شتان صار صباح صفر صه صه ضد ضمن طاق طالما طفق طق ظل عاد عام عاما عامة عدا "
      "عدة عدد عدم عسى عشر عشرة علق على عليك عليه عليها عل عن عند عندما عوض عين عدس عما "
      "غدا غير  ف فان فلان فو فى في فيم فيما فيه فيها قال قام قبل قد قط قلما قوة كانما "
      "كاين كاي كاين كاد كان كانت كذا كذلك كرب كل كلا كلاهما كلتا كلم كليكما كليهما كلما "
      "كلا كم كما كي كيت كيف كيفما كان كخ لئن لا لات لاسيما لدن لدى لعمر لقاء لك لكم لكما "
      "لكن لكنما لكي لكيلا للامم لم لما لما لن لنا له لها لو لوكالة لولا لوما لي لست لست "
      "لستم لستما لستن لست لسن لعل لكن ليت ليس ليسا ليستا ليست ليسوا لسنا ما ماانفك مابرح "
      "مادام ماذا مازال مافتئ مايو متى مثل مذ مساء مع معاذ مقابل مكانكم مكانكما مكانكن "
      "مكانك مليار مليون مما ممن من منذ منها مه مهما من من نحن نحو نعم نفس نفسه نهاية نخ "
      "نعما نعم ها هاؤم هاك هاهنا هب هذا هذه هكذا هل هلم هلا هم هما هن هنا هناك هنالك هو "
      "هي هيا هيت هيا هؤلاء هاتان هاتين هاته هاتي هج هذا هذان هذين هذه هذي هيهات وا واحد "
      "واضاف واضافت واكد وان واها واوضح وراءك وفي وقال وقالت وقد وقف وكان وكانت ولا ولم "
      "ومن وهو وهي ويكان وي وشكان يكون يمكن يوم ايان");
  return words;
}

const SearchLanguage& arabic_search_language() { return kArabic; }

}  // namespace agora
