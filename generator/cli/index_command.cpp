// agora index CORPUS: a Lunr index from a search corpus file, for any site
// (Hugo, Jekyll, Eleventy, ...): index.json byte-identical to what lunr.js
// 2.3.9 builds from the same documents, and optionally term-range shards
// with their map, a chunked document store and the client script.

#include <regex>
#include <set>

#include "cli/commands.h"
#include "cli/progress.h"
#include "search/index_shards.h"
#include "search/languages/search_language.h"
#include "search/parallel_indexing.h"
#include "search/search_corpus.h"
#include "search/shard_files.h"
#include "util/file_system.h"
#include "util/human_bytes.h"
#include "util/install_paths.h"
#include "util/path.h"

namespace agora {

namespace {

// The shard client, shipped with the default theme.
std::string client_script_path() {
  const std::string themes = bundled_themes_dir();
  return themes.empty() ? "" : join_path(themes, "default/assets/js/lunr-shards.js");
}

// Where agora keeps a script of a language's pipeline, "" when it has none.
std::string language_script_path(const LanguageScript& script) {
  const std::string dir = script.source == LanguageScript::Source::kTheme
                              ? bundled_themes_dir()
                              : bundled_lunr_languages_dir();
  if (dir.empty()) return "";
  const std::string in_dir = script.source == LanguageScript::Source::kTheme
                                 ? "default/assets/" + std::string(script.path)
                                 : std::string(script.path);
  return join_path(dir, in_dir);
}

// Copies the scripts a page needs beside the shards: the client, then those
// of the corpus's language (lunr-languages', lunr-zh.js), in load order. A
// script agora does not have is a note; a failed write is an error.
bool copy_page_scripts(const CommandArgs& args, const CliEnv& env, const SearchLanguage& language,
                       std::set<std::string>* written) {
  std::vector<std::pair<std::string, std::string>> scripts = {
      // name, where agora keeps it
      {"lunr-shards.js", client_script_path()}};
  for (const LanguageScript& script : language.scripts()) {
    const std::string_view path = script.path;
    scripts.emplace_back(path.substr(path.rfind('/') + 1), language_script_path(script));
  }
  for (const auto& [name, path] : scripts) {
    std::string text, err;
    if (path.empty() || !env.fs->read_file(path, &text, &err)) {
      *env.err << "agora index: note: " << name
               << ", which the search page needs, was not found beside agora; see "
                  "docs/SEARCH.md\n";
      continue;
    }
    if (!env.fs->write_file(join_path(args.shards_dir, name), text, &err)) {
      *env.err << "agora index: " << err << "\n";
      return false;
    }
    written->insert(name);
  }
  return true;
}

// Removes files an earlier run left in DIR that this run did not write
// (fewer shards or chunks than before); only names this command writes.
bool remove_stale(FileSystem& fs, const std::string& dir, const std::set<std::string>& written,
                  std::string* err) {
  static const std::regex kOurs(
      "(shard|docs)-[0-9]+\\.(json|js)|shards\\.js(on)?|terms\\.js(on)?|"
      "refs\\.js(on)?");
  for (const std::string& name : fs.list_files(dir)) {
    if (name.find('/') != std::string::npos || written.count(name)) continue;
    if (std::regex_match(name, kOurs) && !fs.remove_all(join_path(dir, name), err)) return false;
  }
  return true;
}

int write_shards(const CommandArgs& args, const CliEnv& env, const IndexBuilder& builder,
                 std::vector<StoreEntry> store) {
  ShardOptions options;
  options.target_bytes = static_cast<size_t>(args.shard_size);
  options.threads = args.threads;
  const IndexShards shards = shard_index(builder, options);
  ShardFilesOptions files;
  files.scripts = args.scripts;
  files.store = std::move(store);
  std::set<std::string> written;
  std::string err;
  size_t bytes = 0;
  for (const auto& [name, text] : shard_files(shards, files)) {
    if (!env.fs->write_file(join_path(args.shards_dir, name), text, &err)) {
      *env.err << "agora index: " << err << "\n";
      return 1;
    }
    written.insert(name);
    bytes += text.size();
  }
  if (!copy_page_scripts(args, env, builder.language(), &written)) return 1;
  if (!remove_stale(*env.fs, args.shards_dir, written, &err)) {
    *env.err << "agora index: " << err << "\n";
    return 1;
  }
  *env.err << "agora index: " << shards.shards.size() << " shards, " << human_bytes(bytes) << " in "
           << folder_name(args.shards_dir) << "\n";
  return 0;
}

}  // namespace

int run_index(const CommandArgs& args, const CliEnv& env) {
  FileBytes text;
  std::string err;
  if (!env.fs->read_bytes(args.corpus, &text, &err)) {
    *env.err << "agora index: " << err << "\n";
    return 1;
  }
  if (!args.store_fields.empty() && args.shards_dir.empty()) {
    *env.err << "agora index: --store needs --shards DIR (the store is written beside the "
                "shards)\n";
    return 2;
  }
  SplitSearchCorpus corpus;
  if (!split_search_corpus(text.view(), corpus, err)) {
    *env.err << args.corpus << ": " << err << "\n";
    return 1;
  }
  // Each document is read on the thread that analyses it, into memory its
  // slot reuses; only what the shards' store needs is kept.
  const bool keep_store = !args.store_fields.empty();
  std::vector<StoreEntry> store(keep_store ? corpus.documents.size() : 0);
  auto read = [&](size_t i, SearchDocument& doc, std::string& error) {
    if (!read_search_document(corpus, i, args.store_fields, doc,
                              keep_store ? &store[i].json : nullptr, error)) {
      return false;
    }
    if (keep_store) store[i].ref = doc.ref;
    return true;
  };
  IndexBuilder builder(corpus.header.fields, args.positions,
                       *find_search_language(corpus.header.language));
  if (!add_documents(builder, corpus.documents.size(), read, err, args.threads)) {
    *env.err << args.corpus << ": " << err << "\n";
    return 1;
  }
  text = FileBytes();
  if (!args.index_out.empty()) {
    // Streamed: 10,000 documents make an index of 200 MB, and collecting
    // it in memory first cost a third of the command's time.
    auto fill = [&](std::ostream& out) { builder.write_json(out, args.threads); };
    if (!env.fs->write_streamed(args.index_out, fill, &err)) {
      *env.err << "agora index: " << err << "\n";
      return 1;
    }
  } else if (args.shards_dir.empty()) {
    builder.write_json(*env.out, args.threads);
  }
  *env.err << "agora index: " << counted(builder.document_count(), "document") << ", "
           << counted(builder.term_count(), "term") << "\n";
  if (args.shards_dir.empty()) return 0;
  return write_shards(args, env, builder, std::move(store));
}

}  // namespace agora
