// agora index CORPUS: a Lunr index from a search corpus file, for any site
// (Hugo, Jekyll, Eleventy, ...): index.json byte-identical to what lunr.js
// 2.3.9 builds from the same documents, and optionally term-range shards
// with their map, a chunked document store and the client script.

#include <regex>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "search/index_shards.h"
#include "search/parallel_indexing.h"
#include "search/search_corpus.h"
#include "search/shard_files.h"
#include "util/file_system.h"
#include "util/human_bytes.h"
#include "util/install_paths.h"

namespace agora {

namespace {

// The shard client, shipped with the default theme.
std::string client_script_path() {
  const std::string themes = bundled_themes_dir();
  return themes.empty() ? "" : join_path(themes, "default/assets/js/lunr-shards.js");
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
                 const SearchCorpus& corpus) {
  ShardOptions options;
  options.target_bytes = static_cast<size_t>(args.shard_size);
  options.threads = args.threads;
  const IndexShards shards = shard_index(builder, options);
  ShardFilesOptions files;
  files.scripts = args.scripts;
  for (size_t d = 0; d < corpus.stored.size(); ++d) {
    files.store.push_back({corpus.documents[d].ref, corpus.stored[d]});
  }
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
  std::string client;
  const std::string client_path = client_script_path();
  if (!client_path.empty() && env.fs->read_file(client_path, &client, &err)) {
    if (!env.fs->write_file(join_path(args.shards_dir, "lunr-shards.js"), client, &err)) {
      *env.err << "agora index: " << err << "\n";
      return 1;
    }
  } else {
    *env.err << "agora index: note: the client lunr-shards.js was not found beside agora "
                "(bundled themes); copy it from themes/default/assets/js/\n";
  }
  if (!remove_stale(*env.fs, args.shards_dir, written, &err)) {
    *env.err << "agora index: " << err << "\n";
    return 1;
  }
  *env.err << "agora index: " << shards.shards.size() << " shards, " << human_bytes(bytes) << " in "
           << args.shards_dir << "/\n";
  return 0;
}

}  // namespace

int run_index(const CommandArgs& args, const CliEnv& env) {
  std::string text, err;
  if (!env.fs->read_file(args.corpus, &text, &err)) {
    *env.err << "agora index: " << err << "\n";
    return 1;
  }
  if (!args.store_fields.empty() && args.shards_dir.empty()) {
    *env.err << "agora index: --store needs --shards DIR (the store is written beside the "
                "shards)\n";
    return 2;
  }
  SearchCorpus corpus;
  if (!parse_search_corpus(text, corpus, err, args.store_fields)) {
    *env.err << args.corpus << ": " << err << "\n";
    return 1;
  }
  std::string().swap(text);
  IndexBuilder builder(corpus.fields, args.positions);
  add_documents(builder, corpus.documents, args.threads);
  if (!args.index_out.empty()) {
    std::ostringstream json;
    builder.write_json(json, args.threads);
    if (!env.fs->write_file(args.index_out, json.view(), &err)) {
      *env.err << "agora index: " << err << "\n";
      return 1;
    }
  } else if (args.shards_dir.empty()) {
    builder.write_json(*env.out, args.threads);
  }
  *env.err << "agora index: " << builder.document_count() << " documents, " << builder.term_count()
           << " terms\n";
  if (args.shards_dir.empty()) return 0;
  return write_shards(args, env, builder, corpus);
}

}  // namespace agora
