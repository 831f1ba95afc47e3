// lunr_tool: the C++ Lunr port from the command line, for the tests that
// compare it with lunr.js in node and for bench/lunr-bench.
//   lunr_tool stem [LANG]     < words   one stem per input line (lunr.stemmer,
//                                       or lunr.LANG.stemmer for fr es ru ar)
//   lunr_tool lower           < text    JavaScript toLowerCase of all stdin
//   lunr_tool analyze [LANG]  < text    tokens after the pipeline, one per line
//   lunr_tool pipeline LANG   < words   each line through LANG's whole builder
//                                       pipeline: its terms, tab-separated
//   lunr_tool scripts LANG              the search page's scripts for LANG,
//                                       "lunr-languages PATH" or "theme PATH"
//   lunr_tool index CORPUS OUT [--positions] [--threads N]
//                                       (the corpus names its language)
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include "search/index_builder.h"
#include "search/js_lower_case.h"
#include "search/languages/search_language.h"
#include "search/languages/stemmers.h"
#include "search/parallel_indexing.h"
#include "search/search_corpus.h"
#include "search/stemmer.h"
#include "search/utf16.h"

namespace {

using namespace agora;

std::string read_all(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using Stemmer = void (*)(std::u16string&);

Stemmer stemmer_for(std::string_view language) {
  if (language == "fr") return stem_french;
  if (language == "es") return stem_spanish;
  if (language == "ru") return stem_russian;
  if (language == "ar") return stem_arabic;
  return nullptr;
}

int run_stem(std::string_view language) {
  const Stemmer stemmer = stemmer_for(language);
  if (!language.empty() && stemmer == nullptr) {
    std::cerr << "lunr_tool stem: no stemmer for '" << language << "'\n";
    return 2;
  }
  std::string line, out;
  while (std::getline(std::cin, line)) {
    if (stemmer != nullptr) {
      std::u16string word = utf8_to_utf16(line);
      stemmer(word);
      out += utf16_to_utf8(word);
    } else {
      out += stem(line);
    }
    out.push_back('\n');
  }
  std::cout << out;
  return 0;
}

const SearchLanguage* language_or_usage(std::string_view code) {
  const SearchLanguage* language = find_search_language(code);
  if (language == nullptr) std::cerr << "lunr_tool: unknown language '" << code << "'\n";
  return language;
}

int run_pipeline(std::string_view code) {
  const SearchLanguage* language = language_or_usage(code);
  if (language == nullptr) return 2;
  std::string line, out;
  while (std::getline(std::cin, line)) {
    const std::vector<std::string> terms = analyze_text(*language, line);
    for (size_t i = 0; i < terms.size(); ++i) {
      if (i != 0) out.push_back('\t');
      out += terms[i];
    }
    out.push_back('\n');
  }
  std::cout << out;
  return 0;
}

// Both lower-casing paths (from UTF-16, and fused with UTF-8 decoding)
// must agree; prints the result.
int run_lower() {
  const std::string text = read_all(std::cin);
  const std::u16string lowered = js_to_lower_case_utf8(text);
  if (lowered != js_to_lower_case(utf8_to_utf16(text))) {
    std::cerr << "lunr_tool lower: js_to_lower_case_utf8 and js_to_lower_case disagree\n";
    return 1;
  }
  std::cout << utf16_to_utf8(lowered);
  return 0;
}

int run_scripts(std::string_view code) {
  const SearchLanguage* language = language_or_usage(code);
  if (language == nullptr) return 2;
  for (const LanguageScript& script : language->scripts()) {
    std::cout << (script.source == LanguageScript::Source::kLunrLanguages ? "lunr-languages "
                                                                          : "theme ")
              << script.path << '\n';
  }
  return 0;
}

int run_analyze(std::string_view code) {
  const SearchLanguage* language = language_or_usage(code);
  if (language == nullptr) return 2;
  for (const std::string& term : analyze_text(*language, read_all(std::cin))) {
    std::cout << term << '\n';
  }
  return 0;
}

int run_index(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: lunr_tool index CORPUS OUT [--positions] [--threads N]\n";
    return 2;
  }
  bool positions = false;
  unsigned threads = 0;
  for (int i = 4; i < argc; ++i) {
    if (std::strcmp(argv[i], "--positions") == 0)
      positions = true;
    else if (std::strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
      threads = std::stoul(argv[++i]);
  }
  const auto start = std::chrono::steady_clock::now();
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::cerr << argv[2] << ": cannot read\n";
    return 1;
  }
  std::string text;
  in.seekg(0, std::ios::end);
  text.resize(static_cast<size_t>(in.tellg()));
  in.seekg(0);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  SearchCorpus corpus;
  std::string error;
  if (!parse_search_corpus(text, corpus, error)) {
    std::cerr << argv[2] << ": " << error << '\n';
    return 1;
  }
  const auto parsed = std::chrono::steady_clock::now();
  const long parse_cpu = std::clock() / (CLOCKS_PER_SEC / 1000);
  IndexBuilder builder(corpus.fields, positions, *find_search_language(corpus.language));
  add_documents(builder, corpus.documents, threads);
  const auto indexed = std::chrono::steady_clock::now();
  const long index_cpu = std::clock() / (CLOCKS_PER_SEC / 1000);
  std::ofstream out(argv[3], std::ios::binary);
  builder.write_json(out);
  out.close();
  if (!out) {
    std::cerr << argv[3] << ": write failed\n";
    return 1;
  }
  const auto done = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) {
    return static_cast<long>(std::chrono::duration<double, std::milli>(b - a).count());
  };
  std::cerr << "lunr_tool: " << builder.document_count() << " documents, " << builder.term_count()
            << " terms; read+parse " << ms(start, parsed) << " ms, analyze+merge "
            << ms(parsed, indexed) << " ms, write " << ms(indexed, done) << " ms (cpu " << parse_cpu
            << " + " << index_cpu - parse_cpu << " + "
            << std::clock() / (CLOCKS_PER_SEC / 1000) - index_cpu << " ms)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string command = argc > 1 ? argv[1] : "";
  const std::string language = argc > 2 ? argv[2] : "";
  if (command == "stem") return run_stem(language);
  if (command == "lower") return run_lower();
  if (command == "analyze") return run_analyze(language.empty() ? "en" : language);
  if (command == "pipeline") return run_pipeline(language);
  if (command == "scripts") return run_scripts(language);
  if (command == "index") return run_index(argc, argv);
  std::cerr << "usage: lunr_tool stem|lower|analyze|pipeline|scripts|index ...\n";
  return 2;
}
