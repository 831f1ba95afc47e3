#include "cli/cli.h"

#include <CLI/CLI.hpp>

#include <sstream>

#include "cli/commands.h"

namespace agora {

namespace {

struct Command {
  const char* name;
  const char* help;
  void (*add_options)(CLI::App* app, CommandArgs* args);
  int (*run)(const CommandArgs& args, const CliEnv& env);
};

void add_config(CLI::App* app, CommandArgs* args) {
  app->add_option("--config", args->config, "site configuration file")->capture_default_str();
}

const Command kCommands[] = {
    {"build", "build the site into the output folder",
     [](CLI::App* app, CommandArgs* args) {
       add_config(app, args);
       app->add_option("--out", args->out, "output folder")->capture_default_str();
       app->add_option("--base-url", args->base_url,
                       "absolute URL of the published site (feed, sitemap, canonical links)");
       app->add_flag("--offline", args->offline, "links end in index.html, for file:// browsing");
       app->add_flag("--drafts", args->drafts, "include documents marked draft: true");
       app->add_flag("--bundle", args->bundle, "also write a zip of the offline site");
       app->add_flag("--report", args->report, "print a page weight report");
       app->add_flag("-q,--quiet", args->quiet, "print only errors");
       app->add_option("--emit-search-corpus", args->search_corpus,
                       "write the exact text fed to the search index to FILE");
       app->add_option("--compare-to", args->compare_to,
                       "list the pages added, changed and removed against a published site "
                       "(a folder or an http(s) URL with a manifest.json)");
       app->add_option("--compare-out", args->compare_out,
                       "where --compare-to writes its list as JSON (default: OUT.changes.json)");
     },
     run_build},
    {"serve", "build, serve and rebuild on change, reloading open pages",
     [](CLI::App* app, CommandArgs* args) {
       add_config(app, args);
       app->add_option("--bind", args->bind, "address to listen on (loopback unless told)")
           ->capture_default_str();
       app->add_option("--port", args->port, "port to listen on; 0 picks a free one")
           ->check(CLI::Range(0, 65535))
           ->capture_default_str();
       app->add_option("--out", args->serve_out,
                       "output folder (default: a temporary folder, removed on exit)");
       app->add_flag("--drafts", args->drafts, "include documents marked draft: true");
     },
     run_serve},
    {"check", "validate everything build would read; write nothing",
     [](CLI::App* app, CommandArgs* args) {
       add_config(app, args);
       app->add_option("--format", args->format, "text, github or json")
           ->check(CLI::IsMember({"text", "github", "json"}))
           ->capture_default_str();
       app->add_flag("--strict", args->strict, "treat warnings as errors");
     },
     run_check},
    {"new", "start a document with the type's front matter",
     [](CLI::App* app, CommandArgs* args) {
       add_config(app, args);
       app->add_option("type", args->type, "content type, e.g. best-practices")->required();
       auto* title = app->add_option("title", args->title, "the document's title");
       auto* issue =
           app->add_option("--from-issue", args->from_issue,
                           "a GitHub issue body filed with the type's form (agora forms)");
       title->excludes(issue);
       issue->excludes(title);
       app->callback([title, issue] {
         if (title->count() == 0 && issue->count() == 0) {
           throw CLI::RequiredError("a title or --from-issue FILE");
         }
       });
     },
     run_new},
    {"forms", "write the GitHub issue forms that site.yaml declares",
     [](CLI::App* app, CommandArgs* args) {
       add_config(app, args);
       app->add_option("--out", args->forms_out, "folder for the forms")->capture_default_str();
     },
     run_forms},
    {"mirror", "copy a built site to DEST, moving only what changed",
     [](CLI::App* app, CommandArgs* args) {
       app->add_option("source", args->source, "a site folder or an http(s) URL")->required();
       app->add_option("dest", args->dest, "the mirror's folder")->required();
     },
     run_mirror},
    {"index", "build a Lunr index (or shards) from a search corpus, for any site",
     [](CLI::App* app, CommandArgs* args) {
       app->add_option("corpus", args->corpus,
                       "corpus JSON: {\"ref\", \"fields\": [{\"name\", \"boost\"}], "
                       "\"documents\"}")
           ->required();
       app->add_option("--out", args->index_out,
                       "write index.json to FILE (default: standard output, or nothing with "
                       "--shards)");
       app->add_flag("--positions", args->positions, "store token positions (metadataWhitelist)");
       app->add_option("--shards", args->shards_dir,
                       "also write term-range shards, their map and the client to DIR");
       app->add_option("--shard-size", args->shard_size, "aimed-at gzip bytes of one shard")
           ->check(CLI::Range(1000LL, 1LL << 40))
           ->capture_default_str();
       app->add_option("--store", args->store_fields,
                       "with --shards: document keys to copy into a chunked document store")
           ->delimiter(',');
       app->add_flag("--scripts", args->scripts,
                     "with --shards: write .js scripts instead of .json (pages on file://)");
       app->add_option("--threads", args->threads, "threads (default: all cores)");
     },
     run_index},
};

}  // namespace

int run_cli(int argc, const char* const* argv, const CliEnv& env) {
  CLI::App app{"agora: a static site generator for public knowledge repositories"};
  app.set_version_flag("--version", std::string("agora ") + AGORA_VERSION);
  app.require_subcommand(1);
  CommandArgs args;
  std::vector<std::pair<CLI::App*, const Command*>> subcommands;
  for (const auto& command : kCommands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    command.add_options(sub, &args);
    subcommands.emplace_back(sub, &command);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    int code = app.exit(e, out, err);
    *env.out << out.str();
    *env.err << err.str();
    return code;
  }
  for (const auto& [sub, command] : subcommands) {
    if (sub->parsed()) return command->run(args, env);
  }
  return 2;
}

}  // namespace agora
