// lunr_tool: the C++ Lunr port from the command line, for the tests that
// compare it with lunr.js in node and for bench/lunr-bench.
//   lunr_tool stem            < words   one stem per input line
//   lunr_tool lower           < text    JavaScript toLowerCase of all stdin
//   lunr_tool analyze         < text    tokens after the pipeline, one per line
//   lunr_tool index CORPUS OUT [--positions] [--threads N]
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
#include "search/parallel_indexing.h"
#include "search/search_corpus.h"
#include "search/stemmer.h"
#include "search/utf16.h"

namespace {

using namespace agora;

std::string read_all(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

int run_stem() {
  std::string line, out;
  while (std::getline(std::cin, line)) {
    out += stem(line);
    out.push_back('\n');
  }
  std::cout << out;
  return 0;
}

int run_lower() {
  std::cout << utf16_to_utf8(js_to_lower_case(utf8_to_utf16(read_all(std::cin))));
  return 0;
}

int run_analyze() {
  for (const std::string& term : analyze_text(read_all(std::cin))) std::cout << term << '\n';
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
  IndexBuilder builder(corpus.fields, positions);
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
  if (command == "stem") return run_stem();
  if (command == "lower") return run_lower();
  if (command == "analyze") return run_analyze();
  if (command == "index") return run_index(argc, argv);
  std::cerr << "usage: lunr_tool stem|lower|analyze|index ...\n";
  return 2;
}
