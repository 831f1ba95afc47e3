#pragma once
// One struct of options for all commands, and each command's handler.

#include <string>
#include <vector>

#include "cli/cli.h"
#include "config/site_config.h"
#include "output/precompress.h"
#include "util/diagnostic.h"

namespace agora {

struct CommandArgs {
  std::string config = "site.yaml";
  // build
  std::string out = "public";
  std::string base_url;
  bool offline = false;
  bool drafts = false;
  bool bundle = false;
  bool report = false;
  bool quiet = false;
  std::string search_corpus;  // --emit-search-corpus FILE
  std::string compare_to;     // --compare-to DIR|URL: a published site
  std::string compare_out;    // --compare-out FILE; "" = OUT.changes.json
  // serve (and --drafts)
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::string serve_out;  // "" = a temporary folder, removed on exit
  // check
  std::string format = "text";
  bool strict = false;
  // new
  std::string type;
  std::string title;
  std::string from_issue;  // --from-issue FILE
  // forms
  std::string forms_out = ".github/ISSUE_TEMPLATE";
  // mirror
  std::string source;
  std::string dest;
  // index
  std::string corpus;
  std::string index_out;  // "" = standard output, unless shards_dir is set
  std::string shards_dir;
  bool positions = false;
  long long shard_size = SearchShards().size;
  std::vector<std::string> store_fields;
  bool scripts = false;
  unsigned threads = 0;
};

// What a build leaves for the next one in the same process: agora serve
// keeps one between rebuilds. Today, the compressed copies of every file,
// so an unchanged file is neither compressed nor read from .agora-cache/
// again. The output is the same bytes with or without it.
struct BuildState {
  PrecompressMemo compressed;
  // Where the output record goes (see output/output_record.h); "": the
  // site's, in .agora-cache/. The cache keeps one record, for the folder
  // built last: a server building into a folder of its own keeps its
  // record apart, so that `agora build` after it still finds public/'s.
  std::string record;
};

// Where the search shards' records (see ShardRecords in
// search/site_search.h) go beside `record`, an output record path.
std::string shard_records_path(const std::string& record);
// Every file that keeps what a build leaves for the next beside `record`:
// the record itself and the shards' records. One list, so that a server
// removing its own leaves none of them behind.
std::vector<std::string> record_files(const std::string& record);

// The build behind `agora build` and every rebuild of `agora serve`: loads
// args.config, renders, indexes and writes args.out through staging and a
// swap (output/site_writer.h), printing what `agora build` prints to env
// (problems, the summary line, and the --compare-to report). `state` is
// what the previous build in this process left (empty before the first),
// updated for the next; null for a process that builds once (it would hold
// every compressed copy of the site for nothing). Returns every problem
// found, sorted; when one is an error args.out was left as it was.
Diagnostics build_site(const CommandArgs& args, const CliEnv& env, BuildState* state);

int run_build(const CommandArgs& args, const CliEnv& env);
int run_serve(const CommandArgs& args, const CliEnv& env);
int run_check(const CommandArgs& args, const CliEnv& env);
int run_new(const CommandArgs& args, const CliEnv& env);
int run_forms(const CommandArgs& args, const CliEnv& env);
int run_mirror(const CommandArgs& args, const CliEnv& env);
int run_index(const CommandArgs& args, const CliEnv& env);

}  // namespace agora
